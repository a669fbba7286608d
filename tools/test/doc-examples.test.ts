import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { EXAMPLE_ENV } from "../doc-examples/contexts.mjs";
import { collectExamples } from "../doc-examples/extract.mjs";
import { fetchFromMocks } from "../doc-examples/mock-fetch.mjs";
import { writeExampleModules, type ExampleModule } from "../doc-examples/modules.mjs";
import { typeCheck } from "../doc-examples/typecheck.mjs";
import { startPrism, type PrismMock } from "../prism.mjs";

// Every example in the READMEs, the TSDoc and the specs' x-codeSamples, read afresh: each must type-check, and each
// runnable one must run against the Prism mocks without throwing or reporting an error on the console.
const modules = await writeExampleModules(
  await collectExamples(),
  fileURLToPath(new URL("../.doc-examples/", import.meta.url)),
);
const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const name = (module: ExampleModule) => `${module.example.source}:${module.example.line}`;

describe("the documentation's examples", () => {
  it("are found in every README, in the TSDoc and in both specs", () => {
    const sources = new Set(modules.map((module) => module.example.source));
    for (const source of [
      "README.md",
      "packages/client/README.md",
      "packages/admin-client/README.md",
      "packages/types/README.md",
      "openapi/management.yaml",
      "openapi/admin.yaml",
    ]) {
      expect(sources, source).toContain(source);
    }
    expect([...sources].filter((source) => source.includes("/src/")).length).toBeGreaterThan(0);
  });

  it.each(["management", "admin"])("include a TypeScript x-codeSamples entry on every operation of openapi/%s.yaml", async (spec) => {
    const document = parse(await readFile(new URL(`../../openapi/${spec}.yaml`, import.meta.url), "utf8"));
    const missing = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
      HTTP_METHODS.filter((method) => method in item)
        .filter((method) => {
          const samples = (item[method] as { "x-codeSamples"?: { lang?: string }[] })["x-codeSamples"] ?? [];
          return !samples.some((sample) => sample.lang === "TypeScript");
        })
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(missing).toEqual([]);
  });

  describe("type-check", () => {
    let problems: Map<string, string[]>;
    beforeAll(async () => {
      problems = await typeCheck(modules);
    }, 120_000);

    it.each(modules.map((module) => [name(module), module] as const))("%s", (_name, module) => {
      expect(problems.get(module.file)).toEqual([]);
    });
  });

  describe("run against the Prism mocks", () => {
    const mocks: PrismMock[] = [];
    let workDir: string;
    const startedIn = process.cwd();
    beforeAll(async () => {
      const started = await Promise.allSettled([startPrism("management"), startPrism("admin")]);
      for (const result of started) if (result.status === "fulfilled") mocks.push(result.value);
      const failure = started.find((result) => result.status === "rejected");
      if (failure) throw failure.reason;
      const [management, admin] = mocks as [PrismMock, PrismMock];
      vi.stubGlobal("fetch", fetchFromMocks({ management: management.url, admin: admin.url }));
      for (const [variable, value] of Object.entries(EXAMPLE_ENV)) vi.stubEnv(variable, value);
      // Some examples are scripts that write files where they run.
      workDir = await mkdtemp(join(tmpdir(), "grantkit-doc-examples-"));
      process.chdir(workDir);
    });
    afterAll(async () => {
      vi.unstubAllGlobals();
      vi.unstubAllEnvs();
      process.chdir(startedIn);
      await Promise.all(mocks.map((mock) => mock.stop()));
      if (workDir) await rm(workDir, { recursive: true, force: true });
    });

    async function run(module: ExampleModule) {
      const errors = vi.spyOn(console, "error").mockImplementation(() => {});
      const logs = vi.spyOn(console, "log").mockImplementation(() => {});
      try {
        await import(pathToFileURL(module.file).href);
        expect(errors.mock.calls, "what the example reported as an error").toEqual([]);
      } finally {
        errors.mockRestore();
        logs.mockRestore();
      }
    }

    const runnable = modules.filter((module) => module.example.runs);
    for (const module of runnable) {
      it(name(module), () => run(module));
    }
  });
});
