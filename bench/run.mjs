// @ts-check
// `pnpm bench` (after the root script has built the packages): prints the machine and the load, then runs the
// parts one after the other, each in its own process so that none warms up the next, and the load again at the end.
//
//   calls  time per call, in-process and over loopback (calls.mjs, which forks the loopback server)
//   cold   import + construct in fresh processes (cold-start.mjs)
//   size   the one-call bundle (bundle-size.mjs)
//   ratelimit  bulk work against a token bucket, grantkit and auth0 side by side (rate-limit.mjs)
//   redaction  credentials kept out of a failing call's 4 kB error body, with 0 and 100 secrets (redaction.mjs)
//   fake       the fake tenant (@grantkit/testing) in process and as a server, against their floors (fake-tenant.mjs)
//   cli    grantkit apply of 1,000 new grants against the fake tenant's 20/s rate limit (cli-apply.mjs)
//
// `node run.mjs --smoke` runs every part and every check with almost no measuring. The knobs are in settings.mjs
// and BENCHMARKS.md.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describeLoad, describeMachine } from "./machine.mjs";
import { readSettings } from "./settings.mjs";

if (process.argv.includes("--smoke")) process.env.BENCH_SMOKE = "1";
const settings = readSettings();
const PART_SCRIPTS = {
  calls: ["--expose-gc", "calls.mjs"],
  cold: ["cold-start.mjs"],
  size: ["bundle-size.mjs"],
  ratelimit: ["rate-limit.mjs"],
  redaction: ["--expose-gc", "redaction.mjs"],
  fake: ["--expose-gc", "fake-tenant.mjs"],
  cli: ["cli-apply.mjs"],
};

console.log(`# grantkit bench${settings.smoke ? " (smoke run: checks only, the numbers mean nothing)" : ""}\n`);
console.log(`Machine: ${describeMachine()}`);
console.log(`At the start: ${describeLoad()}`);

const started = performance.now();
for (const part of settings.parts) {
  const [script, ...flags] = PART_SCRIPTS[/** @type {keyof PART_SCRIPTS} */ (part)].reverse();
  const path = fileURLToPath(new URL(`./${script}`, import.meta.url));
  const partStarted = performance.now();
  const result = spawnSync(process.execPath, [...flags, path], { stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`\nbench: ${script} failed (${result.status ?? result.signal})`);
    process.exit(1);
  }
  console.log(`(${part}: ${((performance.now() - partStarted) / 1000).toFixed(0)} s)`);
}

console.log(`\nAt the end: ${describeLoad()}`);
console.log(`Done in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
