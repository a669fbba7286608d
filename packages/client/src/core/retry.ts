import { ApiError, type NetworkError, type TimeoutError } from "./errors.js";

/** How failed calls are retried. Pass `retry: false` to a client to turn retries off. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number;
  /** The first backoff step; each retry doubles it (with full jitter). Default 500 ms. */
  baseDelayMs?: number;
  /**
   * The longest wait before a retry. Default 30 000 ms. A rate limit that resets later than this is not waited
   * for: its 429 is thrown, with `rateLimit` telling when to come back.
   */
  maxDelayMs?: number;
}

export type RetryPolicy = Required<RetryOptions>;

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 30_000 };

/**
 * Methods safe to send again after a 5xx or a dropped connection. POST is not: the server may have acted on it
 * already, so it is retried only on 429, which means the request was not processed.
 */
const RETRIED_ON_FAILURE = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH"]);

export function resolveRetry(options: RetryOptions | false | undefined): RetryPolicy {
  if (options === false) return { ...DEFAULT_RETRY, maxRetries: 0 };
  return {
    maxRetries: options?.maxRetries ?? DEFAULT_RETRY.maxRetries,
    baseDelayMs: options?.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs,
    maxDelayMs: options?.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs,
  };
}

/** What went wrong with an attempt: an error status, no response at all, or (for an idempotent exchange) no answer in time. */
export type Failure = ApiError | NetworkError | TimeoutError;

/** `idempotent`: the request may be sent again whatever its method (a token exchange). */
export function isRetryable(method: string, failure: Failure, idempotent = false): boolean {
  const resendable = idempotent || RETRIED_ON_FAILURE.has(method);
  if (!(failure instanceof ApiError)) return resendable;
  if (failure.status === 429) return true;
  return failure.status >= 500 && resendable;
}

/**
 * The wait before retry number `retry` (0 for the first), or `undefined` when the server asks for a longer wait
 * than the policy allows. The server's word wins: `x-ratelimit-reset` or `retry-after` when present; otherwise
 * exponential backoff with full jitter.
 */
export function retryDelayMs(
  retry: number,
  failure: Failure,
  policy: RetryPolicy,
  now = Date.now(),
  random = Math.random,
): number | undefined {
  const asked = failure instanceof ApiError ? askedWaitMs(failure, now) : undefined;
  if (asked !== undefined) return asked <= policy.maxDelayMs ? asked : undefined;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/** `x-ratelimit-reset` counts only on a 429 (Auth0 sends it on every answer); `retry-after` on any status. */
function askedWaitMs({ status, rateLimit }: ApiError, now: number): number | undefined {
  if (status === 429 && rateLimit?.resetAt) return Math.max(0, rateLimit.resetAt.getTime() - now);
  return rateLimit?.retryAfterMs;
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
