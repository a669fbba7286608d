// @ts-check
// The tables of the time-per-call part: medians with their ratio to bare fetch, the in-process SDK work per call,
// and the loopback targets, each ratio with the middle half of its per-round values to show the noise.
import { fixed, markdownTable, middleHalf, times } from "./table.mjs";

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
  if (auth0 && grantkit) header.push("grantkit / auth0", "middle half of rounds", "≤ 0.50x");
  const rows = shape.ops.map((op) => {
    const row = results[op];
    const work = (/** @type {string} */ id) => row[id].median - row[floor.id].median;
    const workIn = (/** @type {string} */ id, /** @type {number} */ round) => row[id].roundMedians[round] - row[floor.id].roundMedians[round];
    const cells = [op, ...sdks.map(({ id }) => fixed(work(id)))];
    if (auth0 && grantkit) {
      const ratio = work(grantkit.id) / work(auth0.id);
      cells.push(times(ratio), middleHalf(perRound(shape, (r) => workIn(grantkit.id, r) / workIn(auth0.id, r))), ratio <= 0.5 ? "yes" : "no");
    }
    return cells;
  });
  return markdownTable(header, rows);
}

/**
 * Loopback: grantkit against bare fetch and against auth0, with the spread over the rounds; and, when it ran,
 * against fetch + timeout, the floor of a client that bounds its requests (shown, not part of the target).
 */
/** @param {Results} results @param {Shape} shape */
export function loopbackTargetsTable(results, shape) {
  const [floor] = shape.contenders;
  const auth0 = find(shape, "auth0");
  const grantkit = find(shape, "grantkit");
  const bounded = find(shape, "timeout");
  if (!auth0 || !grantkit) return "(the targets need both auth0 and grantkit in BENCH_CONTENDERS)";
  const rows = shape.ops.map((op) => {
    const row = results[op];
    const to = (/** @type {string} */ id) => row[grantkit.id].median / row[id].median;
    const toIn = (/** @type {string} */ id) => perRound(shape, (r) => row[grantkit.id].roundMedians[r] / row[id].roundMedians[r]);
    const against = (/** @type {string} */ id) => [times(to(id)), middleHalf(toIn(id))];
    const met = to(floor.id) <= 1.1 && to(auth0.id) < 1;
    return [op, ...against(floor.id), ...against(auth0.id), met ? "yes" : "no", ...(bounded ? against(bounded.id) : [])];
  });
  const header = ["op", "grantkit / bare", "middle half of rounds", "grantkit / auth0", "middle half of rounds", "≤ 1.10x and < 1.00x"];
  if (bounded) header.push("grantkit / fetch + timeout", "middle half of rounds");
  return markdownTable(header, rows);
}
