import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it, onTestFinished } from "vitest";
import { parse, stringify } from "yaml";

// Proves the maintainer flow's promise: a spec change that breaks the clients fails their type-check. It runs on a
// throwaway copy of what the check needs (specs, generated types, client sources, tsconfigs), never on the repo.
const run = promisify(execFile);
const repo = fileURLToPath(new URL("../../", import.meta.url));
const generator = join(repo, "tools", "generate.mjs");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const COPIED = [
  "openapi",
  "tsconfig.base.json",
  "packages/types/src",
  "packages/client/src",
  "packages/client/tsconfig.json",
];

async function copyOfRepository(): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), "grantkit-spec-break-"));
  onTestFinished(() => rm(copy, { recursive: true, force: true }));
  for (const path of COPIED) await cp(join(repo, path), join(copy, path), { recursive: true });
  // openapi-fetch and @types/node come from the real install; @grantkit/types (each of its entry points) must be the
  // copy's regenerated sources, not the built package the real node_modules links to, hence the `paths` entries.
  await symlink(join(repo, "packages/client/node_modules"), join(copy, "packages/client/node_modules"), "dir");
  await writeFile(
    join(copy, "packages/client/tsconfig.check.json"),
    JSON.stringify({
      extends: "./tsconfig.json",
      compilerOptions: {
        paths: {
          "@grantkit/types": ["../types/src/index.ts"],
          "@grantkit/types/management": ["../types/src/vendor/management.ts"],
          "@grantkit/types/admin": ["../types/src/vendor/admin.ts"],
        },
      },
      include: ["src"],
    }),
  );
  return copy;
}

/** Renames `grant_id` in the assignment's schema, keeping it required: the client's code still uses the old name. */
async function renameGrantId(copy: string): Promise<void> {
  const file = join(copy, "openapi/management.yaml");
  const spec = parse(await readFile(file, "utf8"));
  const schema = spec.components.schemas.AssignClientGrantRequest;
  schema.properties = Object.fromEntries(
    Object.entries(schema.properties).map(([name, property]) => [name === "grant_id" ? "client_grant_id" : name, property]),
  );
  schema.required = ["client_grant_id"];
  await writeFile(file, stringify(spec));
}

async function regenerateAndTypecheckClient(copy: string): Promise<{ exitCode: number; output: string }> {
  await run(process.execPath, [generator, "--root", copy]);
  try {
    const { stdout } = await run(process.execPath, [tsc, "--noEmit", "-p", "tsconfig.check.json"], {
      cwd: join(copy, "packages/client"),
    });
    return { exitCode: 0, output: stdout };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { exitCode: code, output: `${stdout}${stderr}` };
  }
}

describe("the client's type-check, against types regenerated from a copy of the specs", () => {
  it("passes with the specs unchanged", async () => {
    const result = await regenerateAndTypecheckClient(await copyOfRepository());
    expect(result.output).toBe("");
    expect(result.exitCode).toBe(0);
  }, 120_000);

  it("fails, naming the field, when AssignClientGrantRequest.grant_id is renamed to client_grant_id", async () => {
    const copy = await copyOfRepository();
    await renameGrantId(copy);
    const result = await regenerateAndTypecheckClient(copy);
    expect(result.exitCode).not.toBe(0);
    expect(result.output).toMatch(/error TS\d+: .*'grant_id'/);
    const regenerated = await readFile(join(copy, "packages/types/src/management.ts"), "utf8");
    expect(regenerated).toContain("client_grant_id: string;");
  }, 120_000);
});
