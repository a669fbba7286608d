// @ts-check
// How the property-based tests run: one seed per test file, printed so a failure can be replayed, and every call
// bounded in time so a hang fails the property instead of the whole run.
import { seedFromEnv } from "./seeded-random.mjs";

/** @type {import("./property-runs.d.mts").propertySeed} */
export function propertySeed(file) {
  const seed = seedFromEnv();
  console.log(`${file}: fast-check seed ${seed} (replay: GRANTKIT_SEED=${seed})`);
  return seed;
}

/** @type {import("./property-runs.d.mts").outcomeOf} */
export async function outcomeOf(call, timeoutMs) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  /** @type {Promise<import("./property-runs.d.mts").Outcome<never>>} */
  const hung = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ kind: "hung" }), timeoutMs);
  });
  // An async wrapper, so a call that throws before returning its promise is a rejection like any other.
  const settled = (async () => call())().then(
    (value) => /** @type {const} */ ({ kind: "resolved", value }),
    (error) => /** @type {const} */ ({ kind: "rejected", error }),
  );
  try {
    return await Promise.race([settled, hung]);
  } finally {
    clearTimeout(timer);
  }
}

/** @param {unknown} error */
function describe(error) {
  if (!(error instanceof Error)) return `non-error ${typeof error}: ${String(error).slice(0, 200)}`;
  const frames = (error.stack ?? "").split("\n").filter((line) => line.trim().startsWith("at ")).slice(0, 12);
  return [`${error.name}: ${error.message.slice(0, 300)}`, ...frames].join("\n");
}

/** @type {import("./property-runs.d.mts").unexpectedOutcome} */
export function unexpectedOutcome(outcome, rules) {
  if (outcome.kind === "hung") return "the call never settled";
  if (outcome.kind === "resolved") return undefined;
  const { error } = outcome;
  if (rules.allowed?.includes(error)) return undefined;
  // A signal aborted with a falsy reason rejects with an AbortError instead: openapi-fetch takes a falsy rejection
  // for no error at all.
  if (rules.allowed?.some((reason) => !reason) && error instanceof Error && error.name === "AbortError") return undefined;
  if (error instanceof rules.invalidRequest) {
    return rules.sent === 0 ? undefined : `${describe(error)}\nthrown after ${rules.sent} request(s) had been sent`;
  }
  if (rules.network && error instanceof rules.network && rules.sent === 0) {
    return `${describe(error)}\na network error although nothing reached fetch: the call failed on its own`;
  }
  if (rules.typed.some((type) => error instanceof type)) return undefined;
  return `an untyped error: ${describe(error)}`;
}

/** @type {import("./property-runs.d.mts").abortReasons} */
export function abortReasons(value) {
  /** @type {unknown[]} */
  const reasons = [];
  /** @type {Set<object>} */
  const seen = new Set();
  /** @param {unknown} item @param {number} depth */
  const visit = (item, depth) => {
    if (!item || typeof item !== "object" || seen.has(item) || depth > 4) return;
    seen.add(item);
    if (item instanceof AbortSignal) {
      if (item.aborted) reasons.push(item.reason);
      return;
    }
    for (const member of Object.values(item)) visit(member, depth + 1);
  };
  visit(value, 0);
  return reasons;
}

/** @type {import("./property-runs.d.mts").withRecorder} */
export function withRecorder(generated, fetch) {
  if (!generated || typeof generated !== "object" || /** @type {{ fetch?: unknown }} */ (generated).fetch !== "recorder") return generated;
  return { ...generated, fetch };
}

/** @type {import("./property-runs.d.mts").expectedAuth} */
export async function expectedAuth(options, issuedToken) {
  if (!options || typeof options !== "object") return { allowed: [] };
  const { token, getToken } = /** @type {{ token?: unknown; getToken?: unknown }} */ (options);
  if (token !== undefined) return { bearer: /** @type {string} */ (token), allowed: [] };
  if (typeof getToken === "function") {
    try {
      return { bearer: await getToken(), allowed: [] };
    } catch (failure) {
      return { allowed: [failure] };
    }
  }
  return { bearer: issuedToken, allowed: [] };
}
