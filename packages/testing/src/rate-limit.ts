/** Auth0's rate limit as the fake applies it: a token bucket for the tenant. */
export interface RateLimitOptions {
  /** Requests per second the bucket refills with. */
  limit: number;
  /** How many requests the full bucket holds. Default: `limit`. */
  burst?: number | undefined;
}

/** Whether one request may go on, and the `x-ratelimit-*` headers of its answer. */
export interface RateLimitDecision {
  readonly allowed: boolean;
  readonly headers: Readonly<Record<string, string>>;
}

export function checkRateLimitOptions(options: RateLimitOptions): void {
  const { limit, burst } = options;
  if (typeof limit !== "number" || !Number.isFinite(limit) || limit <= 0) throw new TypeError(`rateLimit.limit must be a positive number, got ${String(limit)}`);
  if (burst !== undefined && (!Number.isInteger(burst) || burst < 1)) throw new TypeError(`rateLimit.burst must be a positive integer, got ${String(burst)}`);
}

/**
 * A token bucket: it holds up to `burst` requests and refills at `limit` per second; a request takes one, or is
 * refused when none is left. `x-ratelimit-reset` is the second (Unix time) at which the bucket is full again.
 */
export class TokenBucket {
  readonly #rate: number;
  readonly #capacity: number;
  readonly #now: () => number;
  #tokens: number;
  #at: number;

  constructor(options: RateLimitOptions, now: () => number) {
    this.#rate = options.limit;
    this.#capacity = options.burst ?? Math.max(1, Math.floor(options.limit));
    this.#now = now;
    this.#tokens = this.#capacity;
    this.#at = now();
  }

  take(): RateLimitDecision {
    const now = this.#now();
    this.#tokens = Math.min(this.#capacity, this.#tokens + ((now - this.#at) / 1000) * this.#rate);
    this.#at = now;
    const allowed = this.#tokens >= 1;
    if (allowed) this.#tokens -= 1;
    const fullAt = now + ((this.#capacity - this.#tokens) / this.#rate) * 1000;
    return {
      allowed,
      headers: {
        "x-ratelimit-limit": String(this.#capacity),
        "x-ratelimit-remaining": String(Math.floor(this.#tokens)),
        "x-ratelimit-reset": String(Math.ceil(fullAt / 1000)),
      },
    };
  }

  /** How many requests the full bucket holds: the `x-ratelimit-limit` it sends. */
  get capacity(): number {
    return this.#capacity;
  }
}

/** The headers of a 429 that a fault sends: an empty bucket of `capacity`, full again a second from `now`. */
export function emptyBucketHeaders(capacity: number, now: number): Readonly<Record<string, string>> {
  return {
    "x-ratelimit-limit": String(capacity),
    "x-ratelimit-remaining": "0",
    "x-ratelimit-reset": String(Math.ceil((now + 1000) / 1000)),
  };
}
