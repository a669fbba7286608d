/** The rate-limit headers of a response, parsed. */
export interface RateLimit {
  /** `x-ratelimit-limit`: requests allowed in the current window. */
  readonly limit?: number | undefined;
  /** `x-ratelimit-remaining`: requests left in the current window. */
  readonly remaining?: number | undefined;
  /** `x-ratelimit-reset`: when the window resets. */
  readonly resetAt?: Date | undefined;
  /** `retry-after`, in milliseconds from when the response arrived. */
  readonly retryAfterMs?: number | undefined;
}

function headerNumber(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  if (value === null || value.trim() === "") return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** The rate-limit headers Auth0 sends on every answer (and `retry-after`), or `undefined` when there are none. */
export function parseRateLimit(headers: Headers, now = Date.now()): RateLimit | undefined {
  const limit = headerNumber(headers, "x-ratelimit-limit");
  const remaining = headerNumber(headers, "x-ratelimit-remaining");
  const reset = headerNumber(headers, "x-ratelimit-reset");
  const retryAfterMs = parseRetryAfter(headers.get("retry-after"), now);
  if (limit === undefined && remaining === undefined && reset === undefined && retryAfterMs === undefined) {
    return undefined;
  }
  return { limit, remaining, resetAt: reset === undefined ? undefined : new Date(reset * 1000), retryAfterMs };
}

/** `Retry-After` is either delay seconds or an HTTP date. */
function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
