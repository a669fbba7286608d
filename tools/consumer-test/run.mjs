#!/usr/bin/env node
// @ts-check
// Installs the packed packages into a fresh project outside the workspace, as a user would, and proves they work
// there: ESM and CommonJS scripts call both clients against Prism (the ESM one on Node 20, 22 and 24, Bun and Deno),
// and TypeScript consumers with the strictest settings (`exactOptionalPropertyTypes`, `skipLibCheck: false`, ...)
// type-check under Node16 resolution (an ES module and a CommonJS one) and bundler resolution. The project and the
// mocks are removed at the end, also when a step fails.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { startPrism } from "../prism.mjs";
import { packPublishedPackages } from "../published-packages.mjs";

const run = promisify(execFile);
const fixtures = fileURLToPath(new URL("fixtures/", import.meta.url));
const tools = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));
const INSTALL_TIMEOUT_MS = 300_000;
/** The other runtimes the packages promise, each fetched from the npm registry by npx: the package, then its command. */
const OTHER_RUNTIMES = [
  { name: "Node 22", pkg: "node@22", command: ["node", "esm.mjs"] },
  { name: "Node 24", pkg: "node@24", command: ["node", "esm.mjs"] },
  { name: "Bun", pkg: "bun@1", command: ["bun", "esm.mjs"] },
  { name: "Deno", pkg: "deno@2", command: ["deno", "run", "--allow-env", "--allow-net", "--allow-read", "esm.mjs"] },
];
const STEP_TIMEOUT_MS = 120_000;

/**
 * Runs one step in the project and prints how long it took; on failure, throws with what the step printed.
 * @param {string} title
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string; env?: NodeJS.ProcessEnv; timeout?: number }} options
 */
async function step(title, command, args, options) {
  const started = Date.now();
  try {
    const { stdout } = await run(command, args, { timeout: STEP_TIMEOUT_MS, ...options });
    const said = stdout.trim().split("\n").at(-1);
    console.log(`ok ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)${said ? `: ${said}` : ""}`);
  } catch (error) {
    const {
      stdout = "",
      stderr = "",
      killed,
    } = /** @type {{ stdout?: string; stderr?: string; killed?: boolean }} */ (error);
    const why = killed ? `timed out after ${options.timeout ?? STEP_TIMEOUT_MS} ms` : "failed";
    throw new Error(`${title} ${why}:\n${stdout}${stderr}`);
  }
}

const project = await mkdtemp(join(tmpdir(), "grantkit-consumer-"));
/** @type {import("../prism.d.mts").PrismMock[]} */
const mocks = [];
try {
  const tarballs = join(project, "tarballs");
  await mkdir(tarballs);
  const packed = await packPublishedPackages(tarballs);
  await cp(fixtures, project, { recursive: true });
  // npm, not pnpm: what most users run, and nothing of the workspace (links, hoisting) can leak in.
  const dependencies = Object.fromEntries(packed.map((pkg) => [pkg.name, `file:./tarballs/${basename(pkg.tarball)}`]));
  for (const name of ["typescript", "@types/node"]) dependencies[name] = tools.devDependencies[name];
  const manifest = { name: "grantkit-consumer", private: true, dependencies };
  await writeFile(join(project, "package.json"), JSON.stringify(manifest, null, 2));

  // Prism starts while npm installs: both take a while. Every mock that started is stopped below, whatever failed.
  const installed = packed.map((pkg) => basename(pkg.tarball)).join(" ");
  const install = step(`npm install ${installed}`, "npm", ["install", "--no-audit", "--no-fund"], {
    cwd: project,
    timeout: INSTALL_TIMEOUT_MS,
  });
  const starting = [startPrism("management"), startPrism("admin")].map((start) =>
    start.then((mock) => {
      mocks.push(mock);
      return mock;
    }),
  );
  const failure = (await Promise.allSettled([install, ...starting])).find((result) => result.status === "rejected");
  if (failure) throw failure.reason;
  const [management, admin] = await Promise.all(starting);
  const env = { ...process.env, MANAGEMENT_API_URL: management.url, ADMIN_API_URL: admin.url };
  await step("ESM script", process.execPath, ["esm.mjs"], { cwd: project, env });
  await step("CommonJS script", process.execPath, ["cjs.cjs"], { cwd: project, env });
  const downloads = OTHER_RUNTIMES.map((runtime) => runtime.pkg).join(", ");
  console.log(`fetching the other runtimes with npx from the npm registry (kept in npm's cache afterwards): ${downloads}`);
  for (const runtime of OTHER_RUNTIMES) {
    await step(`ESM script on ${runtime.name} (${runtime.pkg})`, "npx", ["-y", "-p", runtime.pkg, ...runtime.command], {
      cwd: project,
      env,
      timeout: INSTALL_TIMEOUT_MS,
    });
  }
  const tsc = join(project, "node_modules", "typescript", "bin", "tsc");
  await step("strict type-check, moduleResolution node16 (usage.mts, usage.cts)", process.execPath, [tsc, "-p", "tsconfig.node16.json"], {
    cwd: project,
  });
  await step("strict type-check, moduleResolution bundler (usage.mts)", process.execPath, [tsc, "-p", "tsconfig.bundler.json"], {
    cwd: project,
  });
} catch (error) {
  console.error(`not ok ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await Promise.all(mocks.map((mock) => mock.stop()));
  await rm(project, { recursive: true, force: true });
}
