import { ApiError, type NetworkError, type TimeoutError } from "./errors.js";

/**
 * How failed calls are retried, as data (ky's shape). Pass `retry: false` to a client to turn retries off; any field
 * left out keeps the client's default.
 */
export interface RetryOptions {
  /** Retries after the first attempt. Default 3. */
  limit?: number | undefined;
  /**
   * The methods sent again after a 5xx in `statusCodes` or an attempt that got no answer: the server may have acted
   * on those, so only methods that can safely be sent twice. Each client declares its own default (see its README).
   * A 429 is retried whatever the method: the server did not process the request.
   */
  methods?: readonly string[] | undefined;
  /** The 5xx statuses retried for `methods`. Default `[500, 502, 503, 504]`. */
  statusCodes?: readonly number[] | undefined;
  /** The first backoff step; each retry doubles it, with full jitter. Default 500 ms. */
  baseDelayMs?: number | undefined;
  /** The longest backoff between two attempts. Default 30 000 ms. */
  backoffLimit?: number | undefined;
  /**
   * The longest wait a server may ask for (`x-ratelimit-reset` on a 429, `retry-after`). A longer one is not waited
   * for: the error is thrown at once, its `rateLimit` telling when to come back. Default 60 000 ms.
   */
  maxWaitMs?: number | undefined;
}

export type RetryPolicy = { readonly [Key in keyof RetryOptions]-?: NonNullable<RetryOptions[Key]> };

/** The defaults of every field but `methods`, which each client declares. */
export const DEFAULT_RETRY: Omit<RetryPolicy, "methods"> = {
  limit: 3,
  statusCodes: [500, 502, 503, 504],
  baseDelayMs: 500,
  backoffLimit: 30_000,
  maxWaitMs: 60_000,
};

/** The client's policy: its defaults (`methods` included), overridden by the options the application passed. */
export function resolveRetry(options: RetryOptions | false | undefined, methods: readonly string[]): RetryPolicy {
  const defaults: RetryPolicy = { ...DEFAULT_RETRY, methods };
  if (options === false) return { ...defaults, limit: 0 };
  const policy = { ...defaults } as { -readonly [Key in keyof RetryPolicy]: RetryPolicy[Key] };
  for (const key of Object.keys(defaults) as Array<keyof RetryPolicy>) {
    if (options?.[key] !== undefined) Object.assign(policy, { [key]: options[key] });
  }
  return policy;
}

/** What went wrong with an attempt: an error status, no answer, or (for an idempotent exchange) no answer in time. */
export type Failure = ApiError | NetworkError | TimeoutError;

/** Whether the failure may be retried; `idempotent`: the request may be sent again whatever its method. */
export function isRetryable(method: string, failure: Failure, policy: RetryPolicy, idempotent: boolean): boolean {
  const resendable = idempotent || policy.methods.includes(method);
  if (!(failure instanceof ApiError)) return resendable;
  if (failure.status === 429) return true;
  return resendable && policy.statusCodes.includes(failure.status);
}

/**
 * The wait before retry number `retry` (0 for the first), or `undefined` when the server asks for a longer wait
 * than `maxWaitMs`. The server's word wins: `x-ratelimit-reset` (on a 429) or `retry-after` when present;
 * otherwise exponential backoff with full jitter, capped by `backoffLimit`.
 */
export function retryDelayMs(
  retry: number,
  failure: Failure,
  policy: RetryPolicy,
  now = Date.now(),
  random = Math.random,
): number | undefined {
  const asked = failure instanceof ApiError ? askedWaitMs(failure, now) : undefined;
  if (asked !== undefined) return asked <= policy.maxWaitMs ? asked : undefined;
  const ceiling = Math.min(policy.backoffLimit, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/** `x-ratelimit-reset` counts only on a 429 (Auth0 sends it on every answer); `retry-after` on any status. */
function askedWaitMs({ status, rateLimit }: ApiError, now: number): number | undefined {
  if (status === 429 && rateLimit?.resetAt) return Math.max(0, rateLimit.resetAt.getTime() - now);
  return rateLimit?.retryAfterMs;
}
