// @ts-check
// Time per call: every contender's get, list, create and update, over two transports, interleaved (sampling.mjs),
// medians, printed as tables of medians and ratios to bare fetch with the issue-9 targets checked.
//
//   in-process  every contender gets the canned fetch (canned-fetch.mjs): no socket, so what is left above the bare
//               fetch floor is the SDK's own work per call
//   loopback    Node's global fetch (undici, keep-alive) to server.mjs, forked into its own process
//
// Every contender's every operation is checked against the expected data first (in-process, with the request body
// checked too); a contender that answers wrong stops the bench.
import { fork } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { cannedFetch, checkingCannedFetch } from "./canned-fetch.mjs";
import { checkContender } from "./check.mjs";
import { CONTENDERS } from "./contenders.mjs";
import { BODY_BYTES, DOMAIN, PAGE_SIZE } from "./fixtures.mjs";
import { measureInterleaved } from "./sampling.mjs";
import { readSettings } from "./settings.mjs";
import { fixed, markdownTable, range, times } from "./table.mjs";

/** @typedef {import("./contenders.mjs").Contender} Contender */
/** @typedef {import("./contenders.mjs").Transport} Transport */
/** @typedef {import("./sampling.mjs").TaskResult} TaskResult */

const settings = readSettings();
const contenders = settings.contenders.map((id) => {
  const contender = CONTENDERS.find((c) => c.id === id);
  if (!contender) throw new Error(`no contender ${id}`);
  return contender;
});
const [floor] = contenders;
const byId = (/** @type {string} */ id) => contenders.find((c) => c.id === id);
const auth0 = byId("auth0");
const grantkit = byId("grantkit");

/** @param {Transport} transport */
function measure(transport) {
  const built = contenders.map((contender) => ({ contender, calls: contender.create(transport) }));
  const groups = Object.fromEntries(
    settings.ops.map((op) => [op, Object.fromEntries(built.map(({ contender, calls }) => [contender.id, calls[op]]))]),
  );
  const sliceMs = settings.timeMs / settings.rounds;
  return measureInterleaved(groups, { rounds: settings.rounds, sliceMs, warmupMs: settings.warmupMs });
}

/** One value per round, from that round's medians. @param {(round: number) => number} of */
const perRound = (of) => Array.from({ length: settings.rounds }, (_, round) => of(round));

/** @param {Record<string, Record<string, TaskResult>>} results */
function mediansTable(results) {
  const rows = settings.ops.map((op) => {
    const base = results[op][floor.id].median;
    return [
      op,
      ...contenders.map(({ id }) => {
        const { median } = results[op][id];
        return id === floor.id ? fixed(median) : `${fixed(median)} (${times(median / base)})`;
      }),
    ];
  });
  return markdownTable(["op", ...contenders.map((c) => c.label)], rows);
}

/** In-process: each SDK's work per call above the floor, and grantkit's work over auth0's. */
/** @param {Record<string, Record<string, TaskResult>>} results */
function workTable(results) {
  const sdks = contenders.slice(1);
  const header = ["op", ...sdks.map((c) => `${c.label} µs`)];
  if (auth0 && grantkit) header.push("grantkit / auth0", "per round", "≤ 0.50x");
  const rows = settings.ops.map((op) => {
    const row = results[op];
    const work = (/** @type {string} */ id) => row[id].median - row[floor.id].median;
    const workIn = (/** @type {string} */ id, /** @type {number} */ round) => row[id].roundMedians[round] - row[floor.id].roundMedians[round];
    const cells = [op, ...sdks.map(({ id }) => fixed(work(id)))];
    if (auth0 && grantkit) {
      const ratio = work(grantkit.id) / work(auth0.id);
      cells.push(times(ratio), range(perRound((r) => workIn(grantkit.id, r) / workIn(auth0.id, r))), ratio <= 0.5 ? "yes" : "no");
    }
    return cells;
  });
  return markdownTable(header, rows);
}

/** Loopback: grantkit against bare fetch and against auth0, with the spread over the rounds. */
/** @param {Record<string, Record<string, TaskResult>>} results */
function loopbackTargetsTable(results) {
  if (!auth0 || !grantkit) return "(the targets need both auth0 and grantkit in BENCH_CONTENDERS)";
  const rows = settings.ops.map((op) => {
    const row = results[op];
    const to = (/** @type {string} */ id) => row[grantkit.id].median / row[id].median;
    const toIn = (/** @type {string} */ id) => perRound((r) => row[grantkit.id].roundMedians[r] / row[id].roundMedians[r]);
    const met = to(floor.id) <= 1.1 && to(auth0.id) < 1;
    return [op, times(to(floor.id)), range(toIn(floor.id)), times(to(auth0.id)), range(toIn(auth0.id)), met ? "yes" : "no"];
  });
  return markdownTable(["op", "grantkit / bare", "per round", "grantkit / auth0", "per round", "≤ 1.10x and < 1.00x"], rows);
}

function startServer() {
  const child = fork(fileURLToPath(new URL("./server.mjs", import.meta.url)), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`bench server exited early (${code})`)));
    child.once("message", (message) => {
      const { port } = /** @type {{ port: number }} */ (message);
      resolve({ origin: `http://127.0.0.1:${port}`, stop: () => child.disconnect() });
    });
  });
}

const load = () => `load average ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores`;

console.log(`\n## Time per call`);
console.log(
  `${fixed(settings.timeMs, 0)} ms per task in ${settings.rounds} interleaved rounds, one call at a time; ` +
    `answers: get ${BODY_BYTES.get} B, list ${PAGE_SIZE} grants ${BODY_BYTES.list} B, create ${BODY_BYTES.create} B, ` +
    `update ${BODY_BYTES.update} B.${globalThis.gc ? " GC between slices." : ""}`,
);

if (settings.transports.includes("in-process")) {
  const origin = `https://${DOMAIN}`;
  for (const contender of contenders) await checkContender(contender, { fetch: checkingCannedFetch, origin }, settings.ops);
  const results = await measure({ fetch: cannedFetch, origin });
  console.log(`\n### In-process (canned fetch, no socket): median µs per call (ratio to bare fetch)\n`);
  console.log(mediansTable(results));
  console.log(`\nSDK work per call (median minus bare fetch), µs; target: grantkit at most half of auth0's\n`);
  console.log(workTable(results));
  console.log(`\n(${load()})`);
}

if (settings.transports.includes("loopback")) {
  const server = await startServer();
  try {
    const transport = { fetch: globalThis.fetch, origin: server.origin };
    for (const contender of contenders) await checkContender(contender, transport, settings.ops);
    const results = await measure(transport);
    console.log(`\n### Loopback HTTP (keep-alive server in its own process): median µs per call (ratio to bare fetch)\n`);
    console.log(mediansTable(results));
    console.log(`\nTarget: grantkit within 1.10x of bare fetch and faster than auth0 on every call\n`);
    console.log(loopbackTargetsTable(results));
    console.log(`\n(${load()})`);
  } finally {
    server.stop();
  }
}
