// @ts-check
// Cold start: `import()` + construct a client, each time in a fresh `node` process (cold-child.mjs), the variants
// interleaved run after run so that background load spreads over all of them, one unmeasured round first so the
// OS file cache is warm for all. Medians.
//
//   import + construct  measured inside the child with performance.now(): what the SDK costs a process that loads it
//   process wall        spawn to exit as the parent sees it, Node's own start-up included (compare with "none")
import { spawnSync } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { median } from "./sampling.mjs";
import { readSettings } from "./settings.mjs";
import { fixed, markdownTable, times } from "./table.mjs";

const settings = readSettings();
const child = fileURLToPath(new URL("./cold-child.mjs", import.meta.url));
const VARIANTS = [
  { id: "none", label: "node, nothing imported" },
  { id: "undici", label: "node's built-in fetch (undici) only" },
  { id: "openapi-fetch", label: "openapi-fetch createClient" },
  { id: "auth0", label: "auth0 ManagementClient" },
  { id: "grantkit", label: "@grantkit/client createManagementClient" },
].filter(({ id }) => ["none", "undici"].includes(id) || settings.contenders.includes(id));

/** @type {Record<string, { importMs: number, constructMs: number, rssMiB: number, wallMs: number }[]>} */
const runs = Object.fromEntries(VARIANTS.map(({ id }) => [id, []]));
// Round -1 is the unmeasured one (left out of a smoke run).
for (let run = settings.smoke ? 0 : -1; run < settings.coldRuns; run++) {
  for (const { id } of VARIANTS) {
    const started = performance.now();
    const out = spawnSync(process.execPath, [child, id], { encoding: "utf8", timeout: 30_000 });
    const wallMs = performance.now() - started;
    if (out.status !== 0) throw new Error(`cold-child ${id} failed (${out.status ?? out.signal}): ${out.stderr}`);
    if (run >= 0) runs[id].push({ ...JSON.parse(out.stdout), wallMs });
  }
}

/** @param {string} id @param {(run: (typeof runs)[string][number]) => number} pick */
const medianOf = (id, pick) => median(runs[id].map(pick));

console.log(`\n## Cold start (a fresh node process per run, ${settings.coldRuns} runs per variant, interleaved; medians)\n`);
console.log(
  markdownTable(
    ["variant", "import ms", "construct ms", "import + construct ms", "process wall ms", "RSS MiB"],
    VARIANTS.map(({ id, label }) => [
      label,
      fixed(medianOf(id, (r) => r.importMs)),
      fixed(medianOf(id, (r) => r.constructMs)),
      fixed(medianOf(id, (r) => r.importMs + r.constructMs)),
      fixed(medianOf(id, (r) => r.wallMs), 0),
      fixed(medianOf(id, (r) => r.rssMiB)),
    ]),
  ),
);
if (runs.grantkit && runs.auth0) {
  const total = (/** @type {string} */ id) => medianOf(id, (r) => r.importMs + r.constructMs);
  console.log(`\nimport + construct: auth0 takes ${times(total("auth0") / total("grantkit"))} grantkit's time.`);
}
console.log(`(load average ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores)`);
