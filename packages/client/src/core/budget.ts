import { abortReason } from "./internal/deadline.js";
import type { ApiError } from "./errors.js";
import { parseRateLimit, type RateLimit } from "./rate-limit.js";
import { checkInteger, invalid, MAX_TIMER_MS } from "./validate.js";

/** The rate-limit state a budget works from, as {@link RateLimitBudgetOptions.onRateLimit} reports it. */
export interface RateLimitState extends RateLimit {
  /** Attempts sent and not answered yet. */
  readonly inFlight: number;
  /** Attempts held by the budget, waiting to be sent. */
  readonly waiting: number;
}

/** Options of a rate-limit budget: {@link createRateLimitBudget}, or the same fields among a client's options. */
export interface RateLimitBudgetOptions {
  /** The most attempts in flight at once. Default: no limit but the server's headers. */
  maxConcurrency?: number | undefined;
  /**
   * The most attempts started per second, spaced evenly: for an API that sends no rate-limit headers (Vantage's
   * admin API documents none). Default: no limit but the server's headers.
   */
  maxRequestsPerSecond?: number | undefined;
  /** Called with the parsed state after every answer that carries rate-limit headers, to log or plot the pace. */
  onRateLimit?: ((state: RateLimitState) => void) | undefined;
}

interface Waiter {
  start(): void;
  fail(error: unknown): void;
  /** The latest time this waiter accepts to be started at (the call's `maxWaitMs`). */
  latest: number;
}

/** What an attempt hands back when it ends: the answer's headers, or nothing when no answer came. */
export type Release = (headers: Headers | undefined, limited?: ApiError) => void;

/**
 * The rate limit one client (or several, sharing it) works within. It reads Auth0's `x-ratelimit-*` headers on every
 * answer, 2xx and 429 alike, and holds attempts rather than let them fail:
 *
 * - Until the first answer, one attempt at a time: the server has not said what it allows yet.
 * - Each attempt spends one of the `remaining` requests the latest answer advertised, less those already in flight.
 * - With none left, attempts are released at the rate the bucket refills. Auth0's limit is a token bucket, and its
 *   `x-ratelimit-reset` is when the bucket is full again (`limit` available), so the refill rate is at least
 *   `(limit - remaining - 1) / (reset - now)` (one less for `remaining` rounded down; `reset` is rounded up to the
 *   second, so the fastest rate seen is the closest). The budget keeps that fastest rate, at most `limit` a second
 *   (no bucket of Auth0's refills faster than its size a second; a clock ahead of the server's, or a reset rounded
 *   down, would otherwise make a short wait look like a fast refill), and the refilled bucket holds `limit` at most,
 *   however long the budget was idle.
 * - A 429 means the estimate let through a call the server refused (another client of the tenant spent the
 *   tokens, or the server's reset means something else): the estimate is dropped, attempts wait for the 429's reset,
 *   then one goes first, its answer says how many more may follow, and the rate is learnt again from the answers of
 *   attempts sent after the 429 (an answer to one sent before it tells of a bucket that no longer is).
 * - An answer without the headers (an API that sends none) lifts the header rule; `maxConcurrency` and
 *   `maxRequestsPerSecond` hold whatever the headers say.
 *
 * A held attempt honours its call's signal; a hold by a 429 longer than the call's `maxWaitMs` fails at once with
 * that 429 (until an answer to an attempt sent after it arrives). Timers run only while an attempt waits.
 */
export class RateLimitBudget {
  readonly #maxConcurrency: number;
  readonly #intervalMs: number;
  readonly #onRateLimit: ((state: RateLimitState) => void) | undefined;
  readonly #queue: Waiter[] = [];
  #inFlight = 0;
  /** "unknown" before the first answer; "none" once an answer came without headers; else the estimate below. */
  #mode: "unknown" | "none" | "headers" = "unknown";
  #tokens = 0;
  #resetAt = 0;
  /** When the latest headers were read: `#tokens` was right then, and the bucket refills from there. */
  #readAt = 0;
  /** The fastest refill the headers have shown since the last 429, in requests per ms; 0 when none is known. */
  #refillPerMs = 0;
  #lastState: RateLimit | undefined;
  #lastLimited: ApiError | undefined;
  /** Attempts started so far; each is numbered by it. */
  #started = 0;
  /** How many had started when the last 429 was read: their answers tell of the bucket before it. */
  #staleUpTo = 0;
  #nextStartAt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerAt = 0;

  constructor(options: RateLimitBudgetOptions = {}) {
    const { maxConcurrency, maxRequestsPerSecond, onRateLimit } = options;
    if (maxConcurrency !== undefined) checkInteger(maxConcurrency, "maxConcurrency", 1);
    if (maxRequestsPerSecond !== undefined && !(typeof maxRequestsPerSecond === "number" && maxRequestsPerSecond > 0 && maxRequestsPerSecond <= 1e6)) {
      invalid(`maxRequestsPerSecond must be a number above 0, got ${String(maxRequestsPerSecond)}`);
    }
    if (onRateLimit !== undefined && typeof onRateLimit !== "function") invalid("onRateLimit must be a function");
    this.#maxConcurrency = maxConcurrency ?? Number.POSITIVE_INFINITY;
    this.#intervalMs = maxRequestsPerSecond === undefined ? 0 : 1000 / maxRequestsPerSecond;
    this.#onRateLimit = onRateLimit;
  }

  /** The state now, as `onRateLimit` reports it. */
  get state(): RateLimitState {
    return { ...this.#lastState, inFlight: this.#inFlight, waiting: this.#queue.length };
  }

  /**
   * Waits until an attempt may be sent, then counts it in flight; the returned {@link Release} must be called once
   * the attempt ends. Rejects with `signal`'s reason on abort, or with the last 429 when the wait would end later
   * than `maxWaitMs` from now.
   */
  acquire(signal: AbortSignal | undefined, maxWaitMs: number): Promise<Release> | Release {
    if (this.#queue.length === 0 && this.#blockedUntil() === 0) return this.#start();
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise<Release>((resolve, reject) => {
      const onAbort = () => {
        this.#remove(waiter);
        reject(abortReason(signal!));
      };
      const waiter: Waiter = {
        latest: Date.now() + maxWaitMs,
        start: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve(this.#start());
        },
        fail: (error) => {
          signal?.removeEventListener("abort", onAbort);
          reject(error);
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#queue.push(waiter);
      this.#pump();
    });
  }

  /**
   * 0 when an attempt may start now; else the time it may (`Infinity`: when an answer in flight arrives).
   */
  #blockedUntil(now = Date.now()): number {
    if (this.#inFlight >= this.#maxConcurrency) return Number.POSITIVE_INFINITY;
    if (this.#mode === "unknown" && this.#inFlight > 0) return Number.POSITIVE_INFINITY;
    if (this.#mode === "headers" && this.#refillPerMs > 0) {
      const refilledIn = this.#refill(now);
      if (refilledIn > 0) return Math.ceil(now + refilledIn);
    } else if (this.#mode === "headers" && this.#tokens <= 0) {
      if (now < this.#resetAt) return this.#resetAt;
      // The reset has passed: one attempt goes first, and its answer tells how many may follow.
      if (this.#inFlight > 0) return Number.POSITIVE_INFINITY;
    }
    return this.#nextStart(now);
  }

  /**
   * Brings `#tokens` up to `now` at the learnt rate (the bucket holds `limit` at most, those in flight counted), and
   * says in how many ms a whole request is there: 0 when one is now.
   */
  #refill(now: number): number {
    const full = (this.#lastState?.limit ?? Number.POSITIVE_INFINITY) - this.#inFlight;
    const tokens = Math.min(full, this.#tokens + (now - this.#readAt) * this.#refillPerMs);
    if (tokens > this.#tokens) {
      this.#tokens = tokens;
      this.#readAt = now;
    }
    return this.#tokens >= 1 ? 0 : (1 - this.#tokens) / this.#refillPerMs;
  }

  /** 0, or the time `maxRequestsPerSecond` lets the next attempt start at. */
  #nextStart(now: number): number {
    return now < this.#nextStartAt ? this.#nextStartAt : 0;
  }

  #start(): Release {
    const number = ++this.#started;
    this.#inFlight += 1;
    this.#tokens -= 1;
    if (this.#intervalMs > 0) this.#nextStartAt = Math.max(Date.now(), this.#nextStartAt) + this.#intervalMs;
    let released = false;
    return (headers, limited) => {
      if (released) return;
      released = true;
      this.#inFlight -= 1;
      // A success sent before the last 429 says what the bucket held before it: it must not undo the 429's hold. One
      // sent after it ends that hold: a later wait is the budget's pacing, which no 429 stands for.
      if (limited) this.#lastLimited = limited;
      if (headers && (limited || number > this.#staleUpTo)) {
        if (!limited) this.#lastLimited = undefined;
        this.#read(headers, limited !== undefined);
      }
      this.#pump();
    };
  }

  #read(headers: Headers, limited: boolean): void {
    // One lookup for an answer without the headers, the common case of an API that sends none.
    const state = headers.has("x-ratelimit-remaining") ? parseRateLimit(headers) : undefined;
    if (state?.remaining === undefined) {
      // An answer without the headers (an API that sends none, or a proxy's answer) lifts the header rule.
      this.#mode = "none";
      return;
    }
    this.#mode = "headers";
    // Attempts still in flight were sent against the estimate: the server may not have counted them yet.
    this.#tokens = state.remaining - this.#inFlight;
    const now = Date.now();
    this.#readAt = now;
    if (state.resetAt) this.#resetAt = state.resetAt.getTime();
    if (limited) {
      this.#refillPerMs = 0;
      this.#staleUpTo = this.#started;
    } else this.#learnRefill(state, now);
    this.#lastState = state;
    this.#onRateLimit?.(this.state);
  }

  /** Keeps the fastest refill rate an answer's headers prove: see the class comment. */
  #learnRefill({ limit, remaining, resetAt }: RateLimit, now: number): void {
    if (limit === undefined || remaining === undefined || resetAt === undefined) return;
    const missing = limit - remaining - 1;
    const untilFull = resetAt.getTime() - now;
    if (missing > 0 && untilFull > 0) this.#refillPerMs = Math.min(limit / 1000, Math.max(this.#refillPerMs, missing / untilFull));
  }

  /** Starts every waiter that may start now, in order, and sets one timer for the next that may start later. */
  #pump(): void {
    const now = Date.now();
    while (this.#queue.length > 0) {
      const until = this.#blockedUntil(now);
      if (until === 0) {
        this.#queue.shift()!.start();
        continue;
      }
      this.#failLate(until);
      if (this.#queue.length === 0) break;
      if (Number.isFinite(until)) this.#wakeAt(until);
      return;
    }
    this.#clearTimer();
  }

  /**
   * Waiters that would wait past their `maxWaitMs` fail now, with the 429 that made them wait: all taken out of the
   * queue in one pass first (the others keep their order), then failed.
   */
  #failLate(until: number): void {
    const limited = this.#lastLimited;
    if (!Number.isFinite(until) || limited === undefined) return;
    const late: Waiter[] = [];
    let kept = 0;
    for (const waiter of this.#queue) {
      if (waiter.latest < until) late.push(waiter);
      else this.#queue[kept++] = waiter;
    }
    this.#queue.length = kept;
    for (const waiter of late) waiter.fail(limited);
  }

  #wakeAt(at: number): void {
    if (this.#timer !== undefined && this.#timerAt === at) return;
    this.#clearTimer();
    this.#timerAt = at;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#pump();
    }, Math.min(MAX_TIMER_MS, Math.max(0, at - Date.now())));
  }

  #clearTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #remove(waiter: Waiter): void {
    const index = this.#queue.indexOf(waiter);
    if (index >= 0) this.#queue.splice(index, 1);
    if (this.#queue.length === 0) this.#clearTimer();
    // A waiter that leaves may have held up the ones behind it.
    else this.#pump();
  }
}

/**
 * A rate-limit budget to share: pass it as `budget` to several clients of one tenant in one process, and they work
 * within one limit instead of each believing it has the whole of it.
 */
export function createRateLimitBudget(options?: RateLimitBudgetOptions): RateLimitBudget {
  return new RateLimitBudget(options);
}
