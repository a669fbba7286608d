import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_FAULT_WEIGHTS, startChaosServer, type ChaosServer, type FaultKind, type FaultWeights } from "../chaos-server.mjs";

const TOKEN = "fixed-token";
const grant = { id: "cgr_1", audience: "https://api.example.com/" };
const servers: ChaosServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(seed: number, faultWeights: FaultWeights): Promise<ChaosServer> {
  const server = await startChaosServer({
    seed,
    faultWeights,
    data: { grants: [grant], organizations: [], assignments: [], adminClients: [] },
    token: TOKEN,
    clientCredentials: { clientId: "id", clientSecret: "secret" },
    tenantId: "tenant",
    tokenLifetimeSeconds: 60,
  });
  servers.push(server);
  return server;
}

const only = (kind: FaultKind): FaultWeights =>
  Object.fromEntries(Object.keys(DEFAULT_FAULT_WEIGHTS).map((key) => [key, key === kind ? 1 : 0])) as FaultWeights;

/** A plain init, not a `Request`: the signal of a collected `Request` may never abort (nodejs/node issue 55428). */
function send(server: ChaosServer, path: string, init: RequestInit = {}) {
  return fetch(`${server.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
    signal: AbortSignal.timeout(1_000),
  });
}

/** What a client sees of one answer: its status, content type and body, or the error that replaced them. */
async function seen(server: ChaosServer, path = `/api/v2/client-grants/${grant.id}`, init: RequestInit = {}) {
  try {
    const response = await send(server, path, init);
    try {
      return { status: response.status, type: response.headers.get("content-type"), text: await response.text(), headers: response.headers };
    } catch (error) {
      return { status: response.status, bodyError: (error as Error).name };
    }
  } catch (error) {
    return { error: (error as Error).name };
  }
}

describe("chaos server faults", () => {
  it("answers normally without a fault", async () => {
    const answer = await seen(await start(1, only("none")));
    expect(answer).toMatchObject({ status: 200, type: expect.stringContaining("json") });
    expect(JSON.parse((answer as { text: string }).text)).toEqual(grant);
  });

  it("rate-limits each API its own way: Auth0's headers, none left until a reset ahead; retry-after on the admin API", async () => {
    const server = await start(1, only("rate-limit"));
    const management = (await seen(server)) as { status: number; headers: Headers };
    expect(management.status).toBe(429);
    expect(management.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(management.headers.get("x-ratelimit-reset")) * 1000).toBeGreaterThan(Date.now());
    const admin = (await seen(server, "/api/adminapi2/v1/tenants/tenant/clients/", { method: "POST", body: "{}" })) as { status: number; headers: Headers };
    expect(admin.status).toBe(429);
    expect(admin.headers.get("retry-after")).toBe("1");
  });

  it("sends Auth0's rate-limit headers on every Management API answer, with requests left", async () => {
    const answer = (await seen(await start(1, only("none")))) as { headers: Headers };
    expect(Number(answer.headers.get("x-ratelimit-remaining"))).toBeGreaterThan(0);
  });

  it.each([
    ["unauthorized", { status: 401 }],
    ["server-error", { status: expect.toSatisfy((status: number) => status >= 500) }],
    ["reset", { error: "TypeError" }],
    ["stall", { error: "TimeoutError" }],
  ] as const)("%s", async (kind, expected) => {
    expect(await seen(await start(1, only(kind)))).toMatchObject(expected);
  });

  it("redirect answers a 3xx to the same path on another origin, and records what reaches it there", async () => {
    const server = await start(1, only("redirect"));
    const path = `/api/v2/client-grants/${grant.id}`;
    const answer = (await seen(server, path, { redirect: "manual" })) as { status: number; headers: Headers };
    expect([301, 302, 303, 307, 308]).toContain(answer.status);
    expect(answer.headers.get("location")).toBe(`${server.otherOrigin.url}${path}`);
    expect(new URL(server.otherOrigin.url).origin).not.toBe(new URL(server.url).origin);
    expect(server.otherOrigin.requests).toEqual([]);
    // fetch's own redirect: "follow" goes there.
    await seen(server, path);
    expect(server.otherOrigin.requests).toEqual([`GET ${path}`]);
  });

  it("reset-mid-body sends the headers, then cuts the body", async () => {
    expect(await seen(await start(1, only("reset-mid-body")))).toEqual({ status: 200, bodyError: "TypeError" });
  });

  it("bad bodies: invalid JSON, none, a wrong type, a wrong shape", async () => {
    const invalid = (await seen(await start(1, only("invalid-json")))) as { text: string; type: string };
    expect(invalid.type).toContain("json");
    expect(() => JSON.parse(invalid.text)).toThrow();
    expect(await seen(await start(1, only("empty-body")))).toMatchObject({ text: "" });
    expect((await seen(await start(1, only("wrong-content-type")))) as { type: string }).toMatchObject({ type: expect.stringMatching(/^text\//) });
    const wrong = (await seen(await start(1, only("wrong-shape")))) as { text: string };
    expect(JSON.parse(wrong.text)).not.toMatchObject({ id: grant.id });
  });
});

describe("chaos server log", () => {
  it("records a create carried out twice, and not one refused before acting", async () => {
    const server = await start(1, only("none"));
    const body = JSON.stringify({ audience: "https://twice.example.com/" });
    expect((await send(server, "/api/v2/client-grants", { method: "POST", body })).status).toBe(201);
    // Already there: refused with 409, but carried out as far as the server goes, so it counts.
    expect((await send(server, "/api/v2/client-grants", { method: "POST", body })).status).toBe(409);
    const limited = await start(1, only("rate-limit"));
    await send(limited, "/api/v2/client-grants", { method: "POST", body });
    expect(server.duplicatedCreates()).toEqual(["grant https://twice.example.com/"]);
    expect(limited.processedCreates).toEqual([]);
  });

  it("draws the same faults from the same seed, and others from another", async () => {
    const faults = async (seed: number) => {
      const server = await start(seed, { ...DEFAULT_FAULT_WEIGHTS, stall: 0 });
      for (let i = 0; i < 40; i++) await seen(server, `/api/v2/client-grants/cgr_${i}`);
      return server.requests.map((request) => request.fault);
    };
    const first = await faults(7);
    expect(await faults(7)).toEqual(first);
    expect(await faults(8)).not.toEqual(first);
  });
});
