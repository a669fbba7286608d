import { describe, expect, it } from "vitest";
import { ApiError, NetworkError } from "../src/core/errors.js";
import { DEFAULT_RETRY, isRetryable, resolveRetry, retryDelayMs } from "../src/core/retry.js";

const request = { method: "GET", url: "https://example.us.auth0.com/api/v2/client-grants" };
const answer = (status: number, headers: Record<string, string> = {}) =>
  new ApiError({ request, status, statusText: "", headers: new Headers(headers), body: undefined });
const dropped = new NetworkError(request, new TypeError("fetch failed"));
const policy = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1_000 };

describe("retry policy", () => {
  it("retries 429 for every method, 5xx and dropped connections only for idempotent ones and PATCH", () => {
    expect(["GET", "POST", "PATCH", "DELETE"].map((m) => isRetryable(m, answer(429)))).toEqual([true, true, true, true]);
    expect(["GET", "POST", "PATCH", "DELETE"].map((m) => isRetryable(m, answer(503)))).toEqual([true, false, true, true]);
    expect(["GET", "POST", "PATCH", "DELETE"].map((m) => isRetryable(m, dropped))).toEqual([true, false, true, true]);
    expect(isRetryable("GET", answer(404))).toBe(false);
    expect(isRetryable("GET", answer(400))).toBe(false);
  });

  it("backs off exponentially with full jitter, capped at maxDelayMs", () => {
    expect([0, 1, 2, 3, 4].map((n) => retryDelayMs(n, dropped, policy, 0, () => 0.999999))).toEqual([99, 199, 399, 799, 999]);
    expect(retryDelayMs(2, dropped, policy, 0, () => 0)).toBe(0);
  });

  it("waits until x-ratelimit-reset on a 429, and refuses a wait beyond maxDelayMs", () => {
    const now = 1_764_000_000_000;
    expect(retryDelayMs(0, answer(429, { "x-ratelimit-reset": "1764000000.5" }), policy, now)).toBe(500);
    expect(retryDelayMs(0, answer(429, { "x-ratelimit-reset": "1763999999" }), policy, now)).toBe(0);
    expect(retryDelayMs(0, answer(429, { "x-ratelimit-reset": "1764000002" }), policy, now)).toBeUndefined();
  });

  it("honours retry-after, in seconds or as a date, and ignores x-ratelimit-reset on a 5xx", () => {
    expect(retryDelayMs(0, answer(503, { "retry-after": "0.25" }), policy, 0)).toBe(250);
    const inAMinute = answer(429, { "retry-after": new Date(Date.now() + 60_000).toUTCString() });
    expect(retryDelayMs(0, inAMinute, { ...DEFAULT_RETRY, maxDelayMs: 120_000 })).toBeGreaterThan(58_000);
    expect(retryDelayMs(0, inAMinute, DEFAULT_RETRY)).toBeUndefined();
    expect(retryDelayMs(0, answer(503, { "x-ratelimit-reset": "9999999999" }), policy, 0, () => 0.5)).toBe(50);
  });
});

describe("retry options", () => {
  it("fill each option left out or undefined with its default", () => {
    expect(resolveRetry({ maxRetries: undefined, baseDelayMs: 10 })).toEqual({ ...DEFAULT_RETRY, baseDelayMs: 10 });
    expect(resolveRetry(undefined)).toEqual(DEFAULT_RETRY);
    expect(resolveRetry(false).maxRetries).toBe(0);
  });
});
