// @ts-check
// The tables of the time-per-call part: medians with their ratio to bare fetch, the in-process SDK work per call,
// and the loopback targets, each ratio with the middle half of its per-round values to show the noise.
import { fixed, markdownTable, middleHalf, times } from "./table.mjs";

/**
 * Issue 18's targets, by the Node version that runs the bench: grantkit's in-process work at most `work` x auth0's,
 * and over loopback at most `loopback` x fetch + timeout (the floor of a client that bounds its requests) and faster
 * than auth0. Node 24: 0.25x and 1.10x; before it (Node 20's fetch costs more per signal) issue 9's 0.50x and 1.20x.
 */
export const CALL_TARGETS = Number(process.versions.node.split(".")[0]) >= 24 ? { work: 0.25, loopback: 1.1 } : { work: 0.5, loopback: 1.2 };

/**
 * @typedef {Record<string, Record<string, import("./sampling.mjs").TaskResult>>} Results  results[op][contender id]
 * @typedef {{ contenders: import("./contenders.mjs").Contender[], ops: string[], rounds: number }} Shape
 *   what was measured; the first contender is the floor (bare fetch)
 */

/** @param {Shape} shape @param {string} id */
const find = (shape, id) => shape.contenders.find((c) => c.id === id);

/** One value per round, from that round's medians. @param {Shape} shape @param {(round: number) => number} of */
const perRound = (shape, of) => Array.from({ length: shape.rounds }, (_, round) => of(round));

/** @param {Results} results @param {Shape} shape */
export function mediansTable(results, { contenders, ops }) {
  const [floor] = contenders;
  const rows = ops.map((op) => {
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
/** @param {Results} results @param {Shape} shape */
export function workTable(results, shape) {
  const [floor, ...sdks] = shape.contenders;
  const auth0 = find(shape, "auth0");
  const grantkit = find(shape, "grantkit");
  const header = ["op", ...sdks.map((c) => `${c.label} µs`)];
  if (auth0 && grantkit) header.push("grantkit / auth0", "middle half of rounds", `≤ ${times(CALL_TARGETS.work)}`);
  const rows = shape.ops.map((op) => {
    const row = results[op];
    const work = (/** @type {string} */ id) => row[id].median - row[floor.id].median;
    const workIn = (/** @type {string} */ id, /** @type {number} */ round) => row[id].roundMedians[round] - row[floor.id].roundMedians[round];
    const cells = [op, ...sdks.map(({ id }) => fixed(work(id)))];
    if (auth0 && grantkit) {
      const ratio = work(grantkit.id) / work(auth0.id);
      cells.push(times(ratio), middleHalf(perRound(shape, (r) => workIn(grantkit.id, r) / workIn(auth0.id, r))), ratio <= CALL_TARGETS.work ? "yes" : "no");
    }
    return cells;
  });
  return markdownTable(header, rows);
}

/**
 * Loopback: grantkit against fetch + timeout (the target's floor) and against auth0, with the spread over the
 * rounds, and against bare fetch (shown, not part of the target).
 */
/** @param {Results} results @param {Shape} shape */
export function loopbackTargetsTable(results, shape) {
  const [floor] = shape.contenders;
  const auth0 = find(shape, "auth0");
  const grantkit = find(shape, "grantkit");
  const bounded = find(shape, "timeout");
  if (!auth0 || !grantkit || !bounded) return "(the targets need fetch + timeout, auth0 and grantkit in BENCH_CONTENDERS)";
  const rows = shape.ops.map((op) => {
    const row = results[op];
    const to = (/** @type {string} */ id) => row[grantkit.id].median / row[id].median;
    const toIn = (/** @type {string} */ id) => perRound(shape, (r) => row[grantkit.id].roundMedians[r] / row[id].roundMedians[r]);
    const against = (/** @type {string} */ id) => [times(to(id)), middleHalf(toIn(id))];
    const met = to(bounded.id) <= CALL_TARGETS.loopback && to(auth0.id) < 1;
    return [op, ...against(bounded.id), ...against(auth0.id), met ? "yes" : "no", ...against(floor.id)];
  });
  const header = ["op", "grantkit / fetch + timeout", "middle half of rounds", "grantkit / auth0", "middle half of rounds", `≤ ${times(CALL_TARGETS.loopback)} and < 1.00x`];
  header.push("grantkit / bare", "middle half of rounds");
  return markdownTable(header, rows);
}
