// How the property-based tests run: one seed per test file, printed so a failure can be replayed, and every call
// bounded in time so a hang fails the property instead of the whole run.
import { seedFromEnv } from "./seeded-random.js";

/**
 * The seed of a test file's properties: `GRANTKIT_SEED` when it is set, otherwise a random one. Printed once (with
 * `file`), so a failing run can be replayed with `GRANTKIT_SEED=<seed>`.
 */
export function propertySeed(file: string): number {
  const seed = seedFromEnv();
  console.log(`${file}: fast-check seed ${seed} (replay: GRANTKIT_SEED=${seed})`);
  return seed;
}

/** How a call ended: with a value, with an error, or not within the time allowed. */
export type Outcome<T> = { kind: "resolved"; value: T } | { kind: "rejected"; error: unknown } | { kind: "hung" };

/** Runs `call` (a synchronous throw counts as a rejection) and waits at most `timeoutMs` for it to settle. */
export async function outcomeOf<T>(call: () => T | Promise<T>, timeoutMs: number): Promise<Outcome<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<Outcome<T>>((resolve) => {
    timer = setTimeout(() => resolve({ kind: "hung" }), timeoutMs);
  });
  // An async wrapper, so a call that throws before returning its promise is a rejection like any other.
  const settled = (async () => call())().then(
    (value): Outcome<T> => ({ kind: "resolved", value }),
    (error: unknown): Outcome<T> => ({ kind: "rejected", error }),
  );
  try {
    return await Promise.race([settled, hung]);
  } finally {
    clearTimeout(timer);
  }
}

type AnyClass = abstract new (...args: never[]) => unknown;

/** What a call may end with besides a value. */
export interface OutcomeRules {
  /** The package's error for bad arguments and options: allowed only when nothing was sent. */
  invalidRequest: AnyClass;
  /** The package's other typed errors (`GrantkitError` and its family). */
  typed: AnyClass[];
  /**
   * The package's NetworkError, when `fetch` is the test's recording one: it says a request failed on its way, so
   * it is wrong when nothing reached `fetch` (a caller's mistake reported, and retried, as a network failure).
   */
  network?: AnyClass | undefined;
  /** How many requests the call sent. */
  sent: number;
  /** Values the call may reject with as they are: an aborted signal's reason, an error the caller's own function threw. */
  allowed?: unknown[] | undefined;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return `non-error ${typeof error}: ${String(error).slice(0, 200)}`;
  const frames = (error.stack ?? "").split("\n").filter((line) => line.trim().startsWith("at ")).slice(0, 12);
  return [`${error.name}: ${error.message.slice(0, 300)}`, ...frames].join("\n");
}

/**
 * What is wrong with how a call ended, or `undefined`: a hang, an untyped error, an `InvalidRequestError` after
 * something was sent, or a NetworkError before anything was are wrong; a value (checked by the caller), another
 * typed error or an allowed value are not.
 */
export function unexpectedOutcome(outcome: Outcome<unknown>, rules: OutcomeRules): string | undefined {
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

/** The reasons of the aborted `AbortSignal`s anywhere in `value` (a few levels deep): a call may reject with them. */
export function abortReasons(value: unknown): unknown[] {
  const reasons: unknown[] = [];
  const seen = new Set<object>();
  const visit = (item: unknown, depth: number) => {
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

/** Generated client options with `fetch` replaced by the test's where the arbitrary put the string `"recorder"`. */
export function withRecorder(generated: unknown, fetch: typeof globalThis.fetch): unknown {
  if (!generated || typeof generated !== "object" || (generated as { fetch?: unknown }).fetch !== "recorder") return generated;
  return { ...generated, fetch };
}

/**
 * The bearer a client made with `options` must send: its `token`, what its `getToken` returns, or `issuedToken` (what
 * the test's token endpoint issues for client credentials). A failing `getToken`'s error is returned in `allowed`:
 * the call may reject with it as it is.
 */
export async function expectedAuth(options: unknown, issuedToken: string): Promise<{ bearer?: string; allowed: unknown[] }> {
  if (!options || typeof options !== "object") return { allowed: [] };
  const { token, getToken } = options as { token?: unknown; getToken?: unknown };
  if (token !== undefined) return { bearer: token as string, allowed: [] };
  if (typeof getToken === "function") {
    try {
      return { bearer: await getToken(), allowed: [] };
    } catch (failure) {
      return { allowed: [failure] };
    }
  }
  return { bearer: issuedToken, allowed: [] };
}
