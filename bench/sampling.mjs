// @ts-check
// Interleaved sampling: every task (one contender's one operation) is timed call by call in short slices, round
// after round, the contenders' order rotated each round, and the samples pooled. A burst of load from another
// process then lands on every contender alike instead of on whichever task happened to be running, and the median
// of the pooled samples is the headline number. The median of each round is kept too, to show how much a ratio
// moves from round to round.

/** @param {number[]} values */
export function median(values) {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Calls `call` one at a time for `ms` milliseconds (at least once) and appends each call's time in µs.
 *
 * @param {() => Promise<unknown>} call @param {number} ms @param {number[]} into
 */
async function sampleFor(call, ms, into) {
  const end = performance.now() + ms;
  for (;;) {
    const start = performance.now();
    await call();
    const stop = performance.now();
    into.push((stop - start) * 1000);
    if (stop >= end) return;
  }
}

/** `list` rotated left by `by`. @template T @param {T[]} list @param {number} by */
const rotated = (list, by) => list.map((_, i) => list[(i + by) % list.length]);

/**
 * @typedef {object} TaskResult
 * @property {number} median  µs, over the pooled samples
 * @property {number[]} roundMedians  µs, one per round
 * @property {number} samples
 */

/**
 * Measures `groups[group][contender]` for every group (an operation) and contender: `rounds` rounds, each giving
 * every task `sliceMs` of calls, the groups in turn and the contenders rotated within each; `warmupMs` of
 * unmeasured calls per task first. When Node was started with --expose-gc, a young-generation GC (well under a
 * millisecond) runs between slices, so that one contender's short-lived garbage is not collected in the next
 * one's slice.
 *
 * @param {Record<string, Record<string, () => Promise<unknown>>>} groups
 * @param {{ rounds: number, sliceMs: number, warmupMs: number }} plan
 * @returns {Promise<Record<string, Record<string, TaskResult>>>}
 */
export async function measureInterleaved(groups, { rounds, sliceMs, warmupMs }) {
  const gc = /** @type {((options: { type: "minor" }) => void) | undefined} */ (globalThis.gc);
  /** @type {Record<string, Record<string, number[][]>>} */
  const samples = {};
  for (const [group, tasks] of Object.entries(groups)) {
    samples[group] = Object.fromEntries(Object.keys(tasks).map((name) => [name, []]));
    for (const call of Object.values(tasks)) await sampleFor(call, warmupMs, []);
  }
  for (let round = 0; round < rounds; round++) {
    for (const [group, tasks] of Object.entries(groups)) {
      for (const name of rotated(Object.keys(tasks), round)) {
        /** @type {number[]} */
        const slice = [];
        gc?.({ type: "minor" });
        await sampleFor(tasks[name], sliceMs, slice);
        samples[group][name].push(slice);
      }
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([group, byName]) => [
      group,
      Object.fromEntries(
        Object.entries(byName).map(([name, slices]) => [
          name,
          { median: median(slices.flat()), roundMedians: slices.map(median), samples: slices.flat().length },
        ]),
      ),
    ]),
  );
}
