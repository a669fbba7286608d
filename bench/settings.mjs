// @ts-check
// The bench's knobs, read from the environment by every part alike (run.mjs passes its environment on). A smoke
// run (BENCH_SMOKE=1, which `node run.mjs --smoke` sets) keeps every check and every part but measures almost
// nothing: it proves the bench still works, not how fast anything is.
import { OPS } from "./fixtures.mjs";

/** @param {string} name @param {string[]} all */
function listOf(name, all) {
  const value = process.env[name];
  if (!value) return all;
  const chosen = value.split(",").map((item) => item.trim());
  const unknown = chosen.filter((item) => !all.includes(item));
  if (unknown.length > 0) throw new Error(`${name}: unknown ${unknown.join(", ")} (choose from ${all.join(", ")})`);
  return chosen;
}

/** @param {string} name @param {number} normal @param {number} smoke */
function numberOf(name, normal, smoke) {
  const value = process.env[name];
  if (!value) return process.env.BENCH_SMOKE === "1" ? smoke : normal;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`${name} must be a positive number, not ${value}`);
  return parsed;
}

const PARTS = ["calls", "cold", "size", "ratelimit", "redaction", "fake", "cli"];
const TRANSPORTS = ["in-process", "loopback"];
/** The contenders that can be left out; bare fetch, the floor, is always measured. */
const OPTIONAL_CONTENDERS = ["timeout", "openapi-fetch", "auth0", "grantkit"];

export function readSettings() {
  return {
    smoke: process.env.BENCH_SMOKE === "1",
    /** Which parts run: BENCH_ONLY=calls,cold,size,ratelimit,redaction,fake,cli. */
    parts: listOf("BENCH_ONLY", PARTS),
    transports: listOf("BENCH_TRANSPORTS", TRANSPORTS),
    contenders: ["bare", ...listOf("BENCH_CONTENDERS", OPTIONAL_CONTENDERS)],
    ops: /** @type {import("./fixtures.mjs").Op[]} */ (listOf("BENCH_OPS", OPS)),
    /** Measured time per task (one contender, one operation, one transport), split over the rounds. */
    timeMs: numberOf("BENCH_TIME_MS", 4000, 16),
    rounds: numberOf("BENCH_ROUNDS", 40, 2),
    /** Unmeasured calls per task before the first round. */
    warmupMs: numberOf("BENCH_WARMUP_MS", 250, 1),
    /** Fresh processes per cold-start variant. */
    coldRuns: numberOf("BENCH_COLD_RUNS", 15, 1),
  };
}
