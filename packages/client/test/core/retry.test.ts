import { describe, expect, it } from "vitest";
import { ApiError, NetworkError } from "../../src/core/errors.js";
import { DEFAULT_RETRY, isRetryable, resolveRetry, retryDelayMs } from "../../src/core/retry.js";

const request = { method: "GET", url: "https://example.us.auth0.com/api/v2/client-grants" };
const answer = (status: number, headers: Record<string, string> = {}) =>
  new ApiError({ request, status, statusText: "", headers: new Headers(headers), body: undefined });
const dropped = new NetworkError(request, new TypeError("fetch failed"));
const methods = ["GET", "PUT", "PATCH", "DELETE"];
const policy = resolveRetry({ limit: 3, baseDelayMs: 100, backoffLimit: 1_000, maxWaitMs: 1_000 }, methods);

describe("retry policy", () => {
  it("retries 429 for every method, listed 5xx and dropped connections only for the policy's methods", () => {
    const retried = (failure: ApiError | NetworkError) => ["GET", "POST", "PATCH", "DELETE"].map((m) => isRetryable(m, failure, policy, false));
    expect(retried(answer(429))).toEqual([true, true, true, true]);
    expect(retried(answer(503))).toEqual([true, false, true, true]);
    expect(retried(dropped)).toEqual([true, false, true, true]);
    expect(isRetryable("GET", answer(404), policy, false)).toBe(false);
    expect(isRetryable("GET", answer(501), policy, false)).toBe(false);
    expect(isRetryable("DELETE", answer(503), { ...policy, methods: ["GET"] }, false)).toBe(false);
    expect(isRetryable("GET", answer(599), { ...policy, statusCodes: [599] }, false)).toBe(true);
  });

  it("retries every status and drop of an idempotent request (a token exchange), whatever its method", () => {
    expect(isRetryable("POST", answer(503), policy, true)).toBe(true);
    expect(isRetryable("POST", dropped, policy, true)).toBe(true);
    expect(isRetryable("POST", answer(400), policy, true)).toBe(false);
  });

  it("backs off exponentially with full jitter, capped at backoffLimit", () => {
    expect([0, 1, 2, 3, 4].map((n) => retryDelayMs(n, dropped, policy, 0, () => 0.999999))).toEqual([99, 199, 399, 799, 999]);
    expect(retryDelayMs(2, dropped, policy, 0, () => 0)).toBe(0);
  });

  it("waits until x-ratelimit-reset on a 429, and refuses a wait beyond maxWaitMs", () => {
    const now = 1_764_000_000_000;
    expect(retryDelayMs(0, answer(429, { "x-ratelimit-reset": "1764000000.5" }), policy, now)).toBe(500);
    expect(retryDelayMs(0, answer(429, { "x-ratelimit-reset": "1763999999" }), policy, now)).toBe(0);
    expect(retryDelayMs(0, answer(429, { "x-ratelimit-reset": "1764000002" }), policy, now)).toBeUndefined();
  });

  it("honours retry-after, in seconds or as a date, and ignores x-ratelimit-reset on a 5xx", () => {
    expect(retryDelayMs(0, answer(503, { "retry-after": "0.25" }), policy, 0)).toBe(250);
    const inTwoMinutes = answer(429, { "retry-after": new Date(Date.now() + 120_000).toUTCString() });
    expect(retryDelayMs(0, inTwoMinutes, { ...policy, maxWaitMs: 180_000 })).toBeGreaterThan(118_000);
    expect(retryDelayMs(0, inTwoMinutes, resolveRetry(undefined, methods))).toBeUndefined();
    expect(retryDelayMs(0, answer(503, { "x-ratelimit-reset": "9999999999" }), policy, 0, () => 0.5)).toBe(50);
  });
});

describe("retry options", () => {
  it("fill each option left out or undefined with the default, the client's methods included", () => {
    expect(resolveRetry({ limit: undefined, baseDelayMs: 10 }, methods)).toEqual({ ...DEFAULT_RETRY, methods, baseDelayMs: 10 });
    expect(resolveRetry(undefined, ["GET"])).toEqual({ ...DEFAULT_RETRY, methods: ["GET"] });
    expect(resolveRetry(false, methods).limit).toBe(0);
  });
});
