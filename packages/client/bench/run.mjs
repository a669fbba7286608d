// `pnpm --filter @grantkit/client bench`: builds what is missing or stale, then runs the three parts one after the
// other, each in its own process so that none warms up the next: per-call overhead, cold start, footprint.
//
// Environment: BENCH_TIME_MS (per-call task time, default 1000), BENCH_COLD_RUNS (cold starts per variant,
// default 15), BENCH_ONLY=calls|cold|footprint (comma-separated) to run a subset.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const clientDir = dirname(here);
const typesDir = join(clientDir, "..", "types");

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

/** Runs tsup in a package whose dist is missing or older than its src, so the bench measures the current code. */
function ensureBuilt(dir) {
  const built = join(dir, "dist", "index.js");
  const why = !existsSync(built) ? "dist is missing" : newestMtime(join(dir, "src")) > statSync(built).mtimeMs ? "src is newer than dist" : undefined;
  if (!why) return;
  // The package's own tsup when it is installed (npx finds the same one, with a page of npm warnings under pnpm).
  const local = join(dir, "node_modules", ".bin", "tsup");
  const [command, args] = existsSync(local) ? [local, []] : ["npx", ["tsup"]];
  console.log(`Building ${dir} (${why}): tsup`);
  const result = spawnSync(command, args, { cwd: dir, stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error(`tsup failed in ${dir}`);
}

ensureBuilt(typesDir);
ensureBuilt(clientDir);

const version = (name) => JSON.parse(readFileSync(join(clientDir, "node_modules", name, "package.json"), "utf8")).version;
const grantkitVersion = JSON.parse(readFileSync(join(clientDir, "package.json"), "utf8")).version;
console.log(
  `@grantkit/client ${grantkitVersion} (built dist) vs auth0 ${version("auth0")} | node ${process.version} | ` +
    `${cpus().length} x ${cpus()[0]?.model ?? "cpu"} | ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
);

const only = process.env.BENCH_ONLY?.split(",");
const started = performance.now();
for (const [id, script] of [
  ["calls", "calls.mjs"],
  ["cold", "cold-start.mjs"],
  ["footprint", "footprint.mjs"],
]) {
  if (only && !only.includes(id)) continue;
  const result = spawnSync(process.execPath, [join(here, script)], { cwd: clientDir, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`bench/${script} failed (${result.status ?? result.signal})`);
    process.exit(1);
  }
}
console.log(`\nDone in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
