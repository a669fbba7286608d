import { describe, expect, it } from "vitest";
import { createFakeTenant } from "../src/index.js";
import { call } from "./support/call.js";
import { ROBOT, SEED, TOKEN } from "./support/seed.js";

describe("Auth0's rate limit: a token bucket for the tenant", () => {
  it("sends x-ratelimit-* on every answer, and 429 with Auth0's body when the bucket is empty", async () => {
    const clock = { now: 1_800_000_000_000 };
    const fake = createFakeTenant({ seed: SEED, token: TOKEN, rateLimit: { limit: 2, burst: 3 }, now: () => clock.now });
    const answers = [];
    for (let index = 0; index < 4; index++) answers.push(await call(fake, "GET", index === 1 ? "/client-grants/cgr_none" : "/client-grants"));
    expect(answers.map((answer) => [answer.status, answer.headers.get("x-ratelimit-limit"), answer.headers.get("x-ratelimit-remaining")])).toEqual([
      [200, "3", "2"],
      [404, "3", "1"],
      [200, "3", "0"],
      [429, "3", "0"],
    ]);
    expect(answers[3]?.body).toEqual({ statusCode: 429, error: "Too Many Requests", message: "Global limit has been reached", errorCode: "too_many_requests" });
    // Empty, the bucket is full again after burst / limit = 1.5 s.
    expect(answers[3]?.headers.get("x-ratelimit-reset")).toBe(String(Math.ceil((clock.now + 1500) / 1000)));
    clock.now += 500;
    expect((await call(fake, "GET", "/client-grants")).status).toBe(200);
    expect((await call(fake, "GET", "/client-grants")).status).toBe(429);
  });

  it("is off unless configured, and the token endpoint is outside it", async () => {
    const fake = createFakeTenant({ seed: SEED, token: TOKEN });
    expect((await call(fake, "GET", "/client-grants")).headers.get("x-ratelimit-limit")).toBeNull();
    const limited = createFakeTenant({ seed: SEED, token: TOKEN, rateLimit: { limit: 1 }, now: () => 0 });
    await call(limited, "GET", "/client-grants");
    const token = await call(limited, "POST", "/oauth/token", { token: null, body: { grant_type: "client_credentials", client_id: ROBOT, client_secret: "robot-secret" } });
    expect(token.status).toBe(200);
    expect(token.headers.get("x-ratelimit-limit")).toBeNull();
  });

  it("refuses a rate limit that is not a positive number", () => {
    expect(() => createFakeTenant({ rateLimit: { limit: 0 } })).toThrow(/rateLimit.limit/);
    expect(() => createFakeTenant({ rateLimit: { limit: 5, burst: 0.5 } })).toThrow(/rateLimit.burst/);
  });
});
