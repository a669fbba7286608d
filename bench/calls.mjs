// @ts-check
// Time per call: every contender's get, list, create and update, over two transports, interleaved (sampling.mjs),
// medians, printed as tables of medians and ratios to bare fetch with issue 18's targets checked.
//
//   in-process  every contender gets the canned fetch (canned-fetch.mjs): no socket, so what is left above the bare
//               fetch floor is the SDK's own work per call
//   loopback    Node's global fetch (undici, keep-alive) to server.mjs, forked into its own process
//
// Every contender's every operation is checked against the expected data first (in-process, with the request body
// checked too); a contender that answers wrong stops the bench.
import { availableParallelism, loadavg } from "node:os";
import { cannedFetch, checkingCannedFetch } from "./canned-fetch.mjs";
import { checkContender } from "./check.mjs";
import { startLoopbackServer } from "./loopback-server.mjs";
import { CONTENDERS } from "./contenders.mjs";
import { BODY_BYTES, DOMAIN, PAGE_SIZE } from "./fixtures.mjs";
import { measureInterleaved } from "./sampling.mjs";
import { readSettings } from "./settings.mjs";
import { CALL_TARGETS, loopbackTargetsTable, mediansTable, workTable } from "./call-tables.mjs";
import { fixed, times } from "./table.mjs";

/** @typedef {import("./contenders.mjs").Transport} Transport */

const settings = readSettings();
const contenders = settings.contenders.map((id) => {
  const contender = CONTENDERS.find((c) => c.id === id);
  if (!contender) throw new Error(`no contender ${id}`);
  return contender;
});
const shape = { contenders, ops: settings.ops, rounds: settings.rounds };

/** @param {Transport} transport */
function measure(transport) {
  const built = contenders.map((contender) => ({ contender, calls: contender.create(transport) }));
  const groups = Object.fromEntries(
    settings.ops.map((op) => [op, Object.fromEntries(built.map(({ contender, calls }) => [contender.id, calls[op]]))]),
  );
  const sliceMs = settings.timeMs / settings.rounds;
  return measureInterleaved(groups, { rounds: settings.rounds, sliceMs, warmupMs: settings.warmupMs });
}

/** The loopback server, for as long as the loopback part's whole planned time, and a minute to spare. */
function startServer() {
  const tasks = contenders.length * settings.ops.length;
  return startLoopbackServer(Math.ceil((tasks * (settings.timeMs + settings.warmupMs)) / 1000) + 60);
}

const load = () => `load average ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores`;

console.log(`\n## Time per call`);
console.log(
  `${fixed(settings.timeMs, 0)} ms per task in ${settings.rounds} interleaved rounds, one call at a time; ` +
    `answers: get ${BODY_BYTES.get} B, list ${PAGE_SIZE} grants ${BODY_BYTES.list} B, create ${BODY_BYTES.create} B, ` +
    `update ${BODY_BYTES.update} B.${globalThis.gc ? " Young-generation GC between slices." : ""}`,
);

if (settings.transports.includes("in-process")) {
  const origin = `https://${DOMAIN}`;
  for (const contender of contenders) await checkContender(contender, { fetch: checkingCannedFetch, origin }, settings.ops);
  const results = await measure({ fetch: cannedFetch, origin });
  console.log(`\n### In-process (canned fetch, no socket): median µs per call (ratio to bare fetch)\n`);
  console.log(mediansTable(results, shape));
  console.log(`\nSDK work per call (median minus bare fetch), µs; target: grantkit at most ${times(CALL_TARGETS.work)} auth0's\n`);
  console.log(workTable(results, shape));
  console.log(`\n(${load()})`);
}

if (settings.transports.includes("loopback")) {
  const server = await startServer();
  try {
    const transport = { fetch: globalThis.fetch, origin: server.origin };
    for (const contender of contenders) await checkContender(contender, transport, settings.ops);
    const results = await measure(transport);
    console.log(`\n### Loopback HTTP (keep-alive server in its own process): median µs per call (ratio to bare fetch)\n`);
    console.log(mediansTable(results, shape));
    console.log(`\nTarget: grantkit within ${times(CALL_TARGETS.loopback)} of fetch + timeout and faster than auth0 on every call\n`);
    console.log(loopbackTargetsTable(results, shape));
    console.log(`\n(${load()})`);
  } finally {
    server.stop();
  }
}
