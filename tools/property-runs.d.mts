/**
 * The seed of a test file's properties: `GRANTKIT_SEED` when it is set, otherwise a random one. Printed once (with
 * `file`), so a failing run can be replayed with `GRANTKIT_SEED=<seed>`.
 */
export function propertySeed(file: string): number;

/** How a call ended: with a value, with an error, or not within the time allowed. */
export type Outcome<T> = { kind: "resolved"; value: T } | { kind: "rejected"; error: unknown } | { kind: "hung" };

/** Runs `call` (a synchronous throw counts as a rejection) and waits at most `timeoutMs` for it to settle. */
export function outcomeOf<T>(call: () => T | Promise<T>, timeoutMs: number): Promise<Outcome<T>>;

/** What a call may end with besides a value. */
export interface OutcomeRules {
  /** The package's error for bad arguments and options: allowed only when nothing was sent. */
  invalidRequest: abstract new (...args: never[]) => unknown;
  /** The package's other typed errors (`GrantkitError` and its family). */
  typed: Array<abstract new (...args: never[]) => unknown>;
  /**
   * The package's NetworkError, when `fetch` is the test's recording one: it says a request failed on its way, so
   * it is wrong when nothing reached `fetch` (a caller's mistake reported, and retried, as a network failure).
   */
  network?: abstract new (...args: never[]) => unknown;
  /** How many requests the call sent. */
  sent: number;
  /** Values the call may reject with as they are: an aborted signal's reason, an error the caller's own function threw. */
  allowed?: unknown[];
}

/**
 * What is wrong with how a call ended, or `undefined`: a hang, an untyped error, an `InvalidRequestError` after
 * something was sent, or a NetworkError before anything was are wrong; a value (checked by the caller), another
 * typed error or an allowed value are not.
 */
export function unexpectedOutcome(outcome: Outcome<unknown>, rules: OutcomeRules): string | undefined;

/** The reasons of the aborted `AbortSignal`s anywhere in `value` (a few levels deep): a call may reject with them. */
export function abortReasons(value: unknown): unknown[];

/** Generated client options with `fetch` replaced by the test's where the arbitrary put the string `"recorder"`. */
export function withRecorder(generated: unknown, fetch: typeof globalThis.fetch): unknown;

/**
 * The bearer a client made with `options` must send: its `token`, what its `getToken` returns, or `issuedToken` (what
 * the test's token endpoint issues for client credentials). A failing `getToken`'s error is returned in `allowed`:
 * the call may reject with it as it is.
 */
export function expectedAuth(options: unknown, issuedToken: string): Promise<{ bearer?: string; allowed: unknown[] }>;
