// Cold start: `import()` + construct a client, each time in a fresh `node` process (cold-child.mjs), RUNS times per
// variant, the variants interleaved so that background noise spreads over all of them. Reports medians.
//
//   import+construct  measured inside the child with performance.now(): what the SDK costs a process that loads it
//   process wall      spawn to exit as the parent sees it: Node's own start-up included (compare with "none")
import { spawnSync } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";

const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 15);
const child = fileURLToPath(new URL("./cold-child.mjs", import.meta.url));
const VARIANTS = [
  ["none", "node, nothing imported (baseline)"],
  ["undici", "node's built-in fetch (undici) only"],
  ["grantkit", "@grantkit/client createManagementClient"],
  ["auth0", "auth0 ManagementClient"],
  ["auth0-subclient", "auth0 ClientGrantsClient (sub-client)"],
];

const results = Object.fromEntries(VARIANTS.map(([id]) => [id, []]));
// One unmeasured round first: the OS file cache is then warm for every variant alike.
for (let run = -1; run < RUNS; run++) {
  for (const [id] of VARIANTS) {
    const started = process.hrtime.bigint();
    const out = spawnSync(process.execPath, [child, id], { encoding: "utf8", timeout: 30_000 });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (out.status !== 0) throw new Error(`cold-child ${id} failed (${out.status}): ${out.stderr}`);
    if (run >= 0) results[id].push({ ...JSON.parse(out.stdout), wallMs });
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmt = (ms) => ms.toFixed(1).padStart(8);

console.log(`\n# Cold start (fresh node process per run, ${RUNS} runs per variant, interleaved; medians)`);
console.log(
  ["variant".padEnd(40), "import ms", "construct ms", "import+construct ms", "process wall ms", "RSS MiB"].join("  "),
);
for (const [id, label] of VARIANTS) {
  const rows = results[id];
  const m = (key) => median(rows.map((row) => row[key]));
  console.log(
    [
      label.padEnd(40),
      fmt(m("importMs")).padStart(9),
      fmt(m("constructMs")).padStart(12),
      fmt(median(rows.map((row) => row.importMs + row.constructMs))).padStart(19),
      fmt(m("wallMs")).padStart(15),
      m("rssMiB").toFixed(1).padStart(7),
    ].join("  "),
  );
}
console.log(`  (load average after the runs: ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores)`);
const g = median(results.grantkit.map((row) => row.importMs + row.constructMs));
const a = median(results.auth0.map((row) => row.importMs + row.constructMs));
console.log(`  import+construct: grantkit ${g.toFixed(1)} ms vs auth0 ${a.toFixed(1)} ms -> auth0 takes ${(a / g).toFixed(1)}x as long`);
console.log(
  '  auth0 sub-client = "auth0/clientGrants" ClientGrantsClient with createManagementAuth from "auth0/management".',
);
console.log(
  "  Note: grantkit's construct time is mostly Node loading its built-in fetch (see the undici row), which auth0 pays inside its import.",
);
