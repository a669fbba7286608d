import type { ServerResponse } from "node:http";
import { caught, json, startServer, type TestServer } from "@grantkit/test-support/test-server";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError, createRateLimitBudget, type RateLimitBudget, type RateLimitState } from "../../src/core/index.js";
import { createThingsClient, thing, type ThingsClientOptions } from "./support/things-api.js";

/**
 * The rate-limit budget, as a client built on the core uses it, against a local server (or a fetch) with tiny limits
 * and resets a fraction of a second ahead. The headers are Auth0's, which the core reads.
 */
let server: TestServer | undefined;
afterEach(() => server?.close());

const seconds = (ms: number) => String(ms / 1000);
const limitHeaders = (remaining: number, resetAtMs: number, limit = 10) => ({
  "x-ratelimit-limit": String(limit),
  "x-ratelimit-remaining": String(remaining),
  "x-ratelimit-reset": seconds(resetAtMs),
});
const client = (options: Partial<ThingsClientOptions> = {}) =>
  createThingsClient({ baseUrl: server!.url, token: "tok_0123456789", retry: { baseDelayMs: 1 }, ...options } as ThingsClientOptions);
/** A client whose fetch is the test's own: no server, so the times are the client's alone. */
const fetching = (fetch: typeof globalThis.fetch, options: Partial<ThingsClientOptions> = {}) =>
  createThingsClient({ baseUrl: "http://127.0.0.1:9", token: "tok_0123456789", fetch, ...options } as ThingsClientOptions);
const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;

describe("the rate-limit budget", () => {
  it("holds calls once remaining reaches 0 and releases them at the rate the bucket refills, not at its reset", async () => {
    const sent: Array<{ start: number; end: number }> = [];
    let firstResetAt = 0;
    // A fetch that answers by itself: the times are the client's own, whatever the machine's load. Every answer
    // leaves the bucket empty, full again in a second: 11 deep, so at least 10 requests a second come back.
    const fetch = async () => {
      const call = { start: Date.now(), end: 0 };
      sent.push(call);
      await new Promise((resolve) => setTimeout(resolve, 20));
      call.end = Date.now();
      const resetAt = Date.now() + 1000;
      firstResetAt ||= resetAt;
      return Response.json(thing, { headers: limitHeaders(0, resetAt, 11) });
    };
    const things = fetching(fetch);
    await things.get(thing.id);
    await Promise.all([things.get(thing.id), things.get(thing.id), things.get(thing.id)]);
    expect(sent).toHaveLength(4);
    // One a refill (100 ms) after the answer before: none much sooner, and all three long before the bucket is full.
    // (The budget reads each answer a moment after the fetch stamped its reset, so under load it sees the bucket full a
    // little sooner than a second ahead, and the refill a little faster: 90 ms leaves room for a 100 ms delay.)
    for (let i = 1; i < sent.length; i++) expect(sent[i]!.start).toBeGreaterThanOrEqual(sent[i - 1]!.end + 90);
    expect(sent[3]!.start).toBeLessThan(firstResetAt);
  });

  it("after a 429, drops the refill rate it learnt and waits for the 429's reset", async () => {
    const starts: number[] = [];
    let limitedResetAt = 0;
    const fetch = async () => {
      starts.push(Date.now());
      if (starts.length === 2) {
        // Another client of the tenant spent the tokens: the call the refill rate let through is refused.
        limitedResetAt = Date.now() + 400;
        return Response.json({ statusCode: 429, error: "Too Many Requests" }, { status: 429, headers: limitHeaders(0, limitedResetAt, 11) });
      }
      return Response.json(thing, { headers: limitHeaders(0, Date.now() + 1000, 11) });
    };
    const things = fetching(fetch, { retry: { baseDelayMs: 1 } });
    await things.get(thing.id);
    // Two calls held: the first goes a refill later and is refused; the other (and the retry) wait for the reset.
    await Promise.all([things.get(thing.id), things.get(thing.id)]);
    expect(starts).toHaveLength(4);
    for (const start of starts.slice(2)) expect(start).toBeGreaterThanOrEqual(limitedResetAt);
  });

  it("sends one call before the server has said anything, then the others together", async () => {
    let inFlight = 0;
    let most = 0;
    let firstAnsweredAt = 0;
    const starts: number[] = [];
    // Counted at the fetch, not at a server: what the budget lets go at once, whatever the sockets and the load.
    const fetch = async () => {
      starts.push(Date.now());
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 30));
      inFlight--;
      firstAnsweredAt ||= Date.now();
      return Response.json(thing, { headers: limitHeaders(50, Date.now() + 1000) });
    };
    const things = fetching(fetch);
    await Promise.all(Array.from({ length: 6 }, () => things.get(thing.id)));
    for (const start of starts.slice(1)) expect(start).toBeGreaterThanOrEqual(firstAnsweredAt);
    expect(most).toBe(5);
  });

  it("lifts the header rule when an answer comes without the headers, even after a 429 with remaining 0", async () => {
    let answered = 0;
    let inFlight = 0;
    let most = 0;
    // The first answer is a 429 with Auth0's headers; every later one comes without any (a proxy's, say).
    const fetch = async () => {
      if (answered++ === 0) {
        return Response.json({ statusCode: 429, error: "Too Many Requests" }, { status: 429, headers: limitHeaders(0, Date.now() + 50) });
      }
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inFlight--;
      return Response.json(thing);
    };
    const things = fetching(fetch, { retry: { baseDelayMs: 1 } });
    await Promise.all(Array.from({ length: 10 }, () => things.get(thing.id)));
    expect(most).toBeGreaterThan(1);
  });

  it("never has more than maxConcurrency calls in flight", async () => {
    let inFlight = 0;
    let most = 0;
    server = await startServer((_req, res) => {
      most = Math.max(most, ++inFlight);
      setTimeout(() => (inFlight--, json(res, 200, thing)), 10);
    });
    const things = client({ maxConcurrency: 3 });
    await Promise.all(Array.from({ length: 20 }, () => things.get(thing.id)));
    expect(server.received).toHaveLength(20);
    expect(most).toBe(3);
  });

  it("spaces calls by maxRequestsPerSecond for an API that sends no headers", async () => {
    const starts: number[] = [];
    const fetch = async () => (starts.push(performance.now()), Response.json(thing));
    const things = fetching(fetch, { maxRequestsPerSecond: 50 });
    await Promise.all(Array.from({ length: 6 }, () => things.get(thing.id)));
    expect(starts).toHaveLength(6);
    // 50 a second: the i-th call no sooner than 20 ms x i after the first, less a millisecond of timer rounding. (Two
    // neighbours may be closer: a start the machine delayed does not push the schedule of the next ones back.)
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[0]!).toBeGreaterThanOrEqual(20 * i - 1);
  });

  it("rejects a held call at once when its signal aborts, frees its place, and leaves no timer", async () => {
    const before = timers();
    server = await startServer((_req, res) => json(res, 200, thing, limitHeaders(0, Date.now() + 60_000)));
    const things = client();
    await things.get(thing.id);
    const controller = new AbortController();
    const held = things.get(thing.id, { signal: controller.signal });
    const aborted = Date.now();
    setTimeout(() => controller.abort(new Error("gave up")), 20);
    await expect(held).rejects.toThrow("gave up");
    expect(Date.now() - aborted).toBeLessThan(1_000);
    expect(server.received).toHaveLength(1);
    expect(timers()).toBe(before);
  });

  it("fails a call at once with the last 429 when the reset is later than maxWaitMs", async () => {
    server = await startServer((_req, res) =>
      json(res, 429, { statusCode: 429, error: "Too Many Requests", message: "Global limit" }, limitHeaders(0, Date.now() + 3_600_000)),
    );
    const things = client({ retry: { baseDelayMs: 1, maxWaitMs: 1_000 } });
    const first = await caught(things.get(thing.id));
    const second = await caught(things.get(thing.id));
    for (const error of [first, second]) expect(error).toMatchObject({ status: 429, rateLimit: { remaining: 0 } });
    expect(second).toBeInstanceOf(ApiError);
    expect(server.received).toHaveLength(1);
  });

  it("reports the parsed state of every answer with headers to onRateLimit", async () => {
    const states: RateLimitState[] = [];
    const resetAt = Date.now() + 5_000;
    server = await startServer((_req, res, n) => json(res, 200, thing, limitHeaders(9 - n, resetAt)));
    const things = client({ onRateLimit: (state: RateLimitState) => states.push(state) });
    await things.get(thing.id);
    await things.get(thing.id);
    expect(states).toEqual([
      { limit: 10, remaining: 9, resetAt: new Date(resetAt), retryAfterMs: undefined, inFlight: 0, waiting: 0 },
      { limit: 10, remaining: 8, resetAt: new Date(resetAt), retryAfterMs: undefined, inFlight: 0, waiting: 0 },
    ]);
  });

  it("is shared by the clients given the same budget: one client's 0 holds the other's calls", async () => {
    const resetAt = Date.now() + 250;
    // A bucket of one: the refill rate is not known, so the next call waits for the reset.
    server = await startServer((_req, res, n) => json(res, 200, thing, n === 0 ? limitHeaders(0, resetAt, 1) : limitHeaders(9, Date.now() + 1000)));
    const budget = createRateLimitBudget();
    await client({ budget }).get(thing.id);
    await client({ budget }).get(thing.id);
    expect(server.received[1]!.at).toBeGreaterThanOrEqual(resetAt - 5);
    expect(() => client({ budget, maxConcurrency: 2 })).toThrow(/not both/);
  });

  it("retries a 429 after the reset without every waiting call colliding again", async () => {
    let tokens = 2;
    let refillAt = Date.now() + 200;
    const answer = (res: ServerResponse) => {
      if (Date.now() >= refillAt) {
        tokens = 2;
        refillAt = Date.now() + 200;
      }
      if (tokens === 0) return json(res, 429, { statusCode: 429, error: "Too Many Requests" }, limitHeaders(0, refillAt, 2));
      tokens -= 1;
      json(res, 200, thing, limitHeaders(tokens, refillAt, 2));
    };
    server = await startServer((_req, res) => answer(res));
    const things = client({ retry: { baseDelayMs: 1, limit: 10 } });
    await Promise.all(Array.from({ length: 8 }, () => things.get(thing.id)));
    const limited = server.received.length - 8;
    expect(limited).toBeLessThanOrEqual(1);
  });
});

/**
 * The budget itself, driven by hand: `acquire` gives a place (a `Release` at once, or a promise of one), and the
 * release hands back the answer's headers, and its 429 if it was one.
 */
describe("the rate-limit budget's bucket", () => {
  const headers = (remaining: number, resetAtMs: number, limit: number) => new Headers(limitHeaders(remaining, resetAtMs, limit));
  const tooMany = (answer: Headers) =>
    new ApiError({ request: { method: "GET", url: "https://tenant.example/things" }, status: 429, statusText: "Too Many Requests", headers: answer, body: undefined });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const released = (place: ReturnType<RateLimitBudget["acquire"]>) => (typeof place === "function" ? place : undefined);

  it("fails thousands of held calls at once on a 429 whose reset is past their maxWaitMs", async () => {
    const budget = createRateLimitBudget();
    const first = released(budget.acquire(undefined, 1000))!;
    // Before the first answer, every other call is held.
    const held = Array.from({ length: 5000 }, () => Promise.resolve(budget.acquire(undefined, 1000)).then(() => "started", (error: unknown) => error));
    const answer = headers(0, Date.now() + 3_600_000, 100);
    const limited = tooMany(answer);
    first(answer, limited);
    const outcomes = await Promise.all(held);
    expect(outcomes.every((outcome) => outcome === limited)).toBe(true);
    expect(budget.state.waiting).toBe(0);
  });

  it("after an idle while, lets a full bucket go at once and no more", async () => {
    const budget = createRateLimitBudget();
    // Empty, full again in a second: 10 of the 11 come back in that second, 10 a second.
    released(budget.acquire(undefined, 60_000))!(headers(0, Date.now() + 1000, 11));
    await sleep(1500);
    const stop = new AbortController();
    const places = Array.from({ length: 30 }, () => budget.acquire(stop.signal, 60_000));
    const atOnce = places.filter((place) => typeof place === "function");
    stop.abort();
    await Promise.allSettled(places);
    // 15 requests came back in 1.5 s by the rate, but the bucket holds 11.
    expect(atOnce).toHaveLength(11);
  });

  it("takes no refill faster than the bucket's size a second, whatever a reset a few ms ahead suggests", async () => {
    const budget = createRateLimitBudget();
    // 2 requests missing and full again in 20 ms would be 100 a second: the bucket of 11 refills 11 a second at most.
    released(budget.acquire(undefined, 60_000))!(headers(8, Date.now() + 20, 11));
    for (let i = 0; i < 8; i++) released(budget.acquire(undefined, 60_000))!(undefined);
    const before = Date.now();
    const ninth = await budget.acquire(undefined, 60_000);
    ninth(undefined);
    expect(Date.now() - before).toBeGreaterThanOrEqual(85);
  });

  it("keeps a 429's hold when an answer sent before it arrives after it", async () => {
    const budget = createRateLimitBudget();
    released(budget.acquire(undefined, 60_000))!(headers(5, Date.now() + 1000, 11));
    const early = released(budget.acquire(undefined, 60_000))!;
    const refused = released(budget.acquire(undefined, 60_000))!;
    const limitedAnswer = headers(0, Date.now() + 2000, 11);
    refused(limitedAnswer, tooMany(limitedAnswer));
    // Sent before the 429, this answer tells of the bucket before it: 3 left.
    early(headers(3, Date.now() + 1000, 11));
    const stop = new AbortController();
    const next = budget.acquire(stop.signal, 60_000);
    expect(typeof next).not.toBe("function");
    stop.abort();
    await expect(next).rejects.toThrow();
  });

  it("fails a held call with a 429 only while that 429 holds it: after a later success, pacing just waits", async () => {
    const budget = createRateLimitBudget();
    const first = released(budget.acquire(undefined, 60_000))!;
    const limitedAnswer = headers(0, Date.now() + 30, 11);
    first(limitedAnswer, tooMany(limitedAnswer));
    // After the 429's reset, one goes first and succeeds: the bucket is empty again, refilling 10 a second.
    (await budget.acquire(undefined, 60_000))(headers(0, Date.now() + 1000, 11));
    // Held about 100 ms by the refill, longer than its maxWaitMs: no 429 stands for that wait, so it waits.
    const paced = await budget.acquire(undefined, 5);
    paced(undefined);
  });
});
