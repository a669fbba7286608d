// The chaos suite: 2,000 mixed calls of both clients, at concurrency 50, in both auth modes, against the fake tenant
// (@grantkit/testing, over HTTP) with faults in about two answers in five: the fake's own, and a thin layer's for the
// kinds it lacks (support/chaos-faults.ts). Whatever happens, every call settles in time, with a documented result
// or one of the packages' errors; no create is carried out twice; nothing is left running. Replay a run with
// GRANTKIT_SEED=<the seed it printed> (the fake draws its faults in the order requests arrive, which concurrency
// can change: a replay strikes the same requests as long as they arrive in the same order).
import * as managementPackage from "@grantkit/client";
import type { FakeState } from "@grantkit/testing";
import { seedFromEnv } from "@grantkit/test-support/seeded-random";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as adminPackage from "../src/index.js";
import { planChaos, type ChaosCall, type ChaosClients } from "./support/chaos-calls.js";
import { startChaosTenant, type ChaosTenant } from "./support/chaos-tenant.js";

const SEED = seedFromEnv();
const CALLS = 2_000;
const CONCURRENCY = 50;
/**
 * A call still pending then is hung. Each attempt lasts at most TIMEOUT_MS and each wait at most maxWaitMs
 * (2.5 s): only a call rate-limited again and again, its token exchange too, could come near it.
 */
const DEADLINE_MS = 20_000;
/**
 * Short, so stalls cost little; not so short that a busy machine times out answers that are merely slow (the server
 * shares this process, and `pnpm test` runs every package's tests at once on 2 cores).
 */
const TIMEOUT_MS = 1_000;
const TOKEN = "chaos-fixed-token";
const CREDENTIALS = { clientId: "chaos-m2m", clientSecret: "chaos-client-secret" };
const TENANT = "chaos-tenant";
/** Every Management API scope the run's calls need. */
const MANAGEMENT_SCOPES = [
  "read:client_grants",
  "create:client_grants",
  "update:client_grants",
  "delete:client_grants",
  "read:organization_client_grants",
  "create:organization_client_grants",
  "delete:organization_client_grants",
];

const TYPED_ERRORS = {
  management: [
    managementPackage.ApiError,
    managementPackage.NetworkError,
    managementPackage.TimeoutError,
    managementPackage.ResponseParseError,
    managementPackage.RedirectError,
    managementPackage.InvalidRequestError,
  ],
  admin: [
    adminPackage.ApiError,
    adminPackage.NetworkError,
    adminPackage.TimeoutError,
    adminPackage.ResponseParseError,
    adminPackage.RedirectError,
    adminPackage.InvalidRequestError,
    adminPackage.ProvisioningError,
  ],
};

/** The RedirectError a call failed with, itself or as the cause of a ProvisioningError. */
function redirectErrorOf(error: unknown): InstanceType<typeof adminPackage.RedirectError> | undefined {
  if (error instanceof adminPackage.ProvisioningError) return redirectErrorOf(error.cause);
  return error instanceof adminPackage.RedirectError ? error : undefined;
}

type Settled = { kind: "ok"; value: unknown } | { kind: "error"; error: unknown } | { kind: "hang" };

/** The call's outcome, or `hang` when it has not settled by the deadline. The deadline timer never outlives it. */
async function settleWithin(call: () => Promise<unknown>, ms: number): Promise<Settled> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<Settled>((resolve) => (timer = setTimeout(() => resolve({ kind: "hang" }), ms)));
  const settled = (async () => call())().then(
    (value): Settled => ({ kind: "ok", value }),
    (error: unknown): Settled => ({ kind: "error", error }),
  );
  try {
    return await Promise.race([settled, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs the calls, `concurrency` at a time. After a hang no new call starts: the run has failed already. */
async function runAll(calls: ChaosCall[], clients: ChaosClients, concurrency: number): Promise<Settled[]> {
  const results: Settled[] = [];
  let next = 0;
  let hung = false;
  const worker = async () => {
    while (next < calls.length && !hung) {
      const index = next++;
      const call = calls[index] as ChaosCall;
      const result = await settleWithin(() => call.run(clients), DEADLINE_MS);
      results[index] = result;
      hung ||= result.kind === "hang";
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

/** What is alive in the process: handles (sockets, servers, timers) and requests, counted by type. */
function activeResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const type of process.getActiveResourcesInfo()) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}

/**
 * The resources alive now that were not alive in `before`. Closed sockets may take a few turns of the event loop to
 * be gone, but no timer of the run may outlive it: turns are waited for, not time.
 */
async function leftSince(before: Map<string, number>): Promise<string[]> {
  let left: string[] = [];
  for (let turns = 0; turns < 10; turns++) {
    left = [...activeResources()].flatMap(([type, count]) =>
      Array.from({ length: Math.max(0, count - (before.get(type) ?? 0)) }, () => type),
    );
    if (left.length === 0) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return left;
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.constructor.name} (name ${error.name}): ${error.message}` : `a thrown ${typeof error}: ${String(error)}`;
}

/** The fake's faults as the report and the checks name them: a 429 and a 5xx are two kinds. */
function tenantFaultOf(request: { fault?: string; status: number | null }): string | undefined {
  if (request.fault !== "status") return request.fault;
  return request.status === 429 ? "status 429" : "status 5xx";
}

/** Every kind of fault the run injects: the fake's, and the layer's (see support/chaos-faults.ts). */
const FAULT_KINDS = [
  "status 429",
  "status 5xx",
  "drop",
  "drop-mid-body",
  "stall",
  "malformed-body",
  "unauthorized",
  "redirect",
  "empty-body",
  "wrong-content-type",
  "wrong-shape",
];

describe(`chaos (seed ${SEED}; replay with GRANTKIT_SEED=${SEED})`, () => {
  const { calls, state } = planChaos(SEED, CALLS, TENANT);
  let server: ChaosTenant;
  let after: FakeState;
  let results: Settled[];
  let leftover: string[];
  const context = (what: string) => `seed ${SEED} (replay with GRANTKIT_SEED=${SEED}): ${what}`;

  beforeAll(async () => {
    console.log(`chaos: seed ${SEED} (replay with GRANTKIT_SEED=${SEED})`);
    const before = activeResources();
    const credential = { client_id: CREDENTIALS.clientId, client_secret: CREDENTIALS.clientSecret };
    server = await startChaosTenant({
      seed: SEED,
      token: TOKEN,
      state: {
        management: { ...state.management, credentials: [{ ...credential, scope: MANAGEMENT_SCOPES }] },
        admin: { ...state.admin, credentials: [{ ...credential, tenantId: TENANT }] },
      },
    });
    // Small backoff, and room for the tenant's 429s to be waited for (they ask for a second at most).
    const transport = { timeoutMs: TIMEOUT_MS, retry: { limit: 3, baseDelayMs: 20, backoffLimit: 200, maxWaitMs: 2_500 }, fetch: server.fetch };
    const managementAt = { baseUrl: server.managementUrl, ...transport };
    const adminAt = { baseUrl: server.adminUrl, tokenUrl: server.adminTokenUrl, tenantId: TENANT, ...transport };
    const clients: ChaosClients = {
      management: {
        token: managementPackage.createManagementClient({ ...managementAt, token: TOKEN }),
        clientCredentials: managementPackage.createManagementClient({ ...managementAt, tokenUrl: server.managementTokenUrl, clientCredentials: CREDENTIALS }),
      },
      admin: {
        token: adminPackage.createAdminClient({ ...adminAt, token: TOKEN }),
        clientCredentials: adminPackage.createAdminClient({ ...adminAt, clientCredentials: CREDENTIALS }),
      },
    };
    const started = Date.now();
    results = await runAll(calls, clients, CONCURRENCY);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    after = server.state();
    await server.close();
    leftover = await leftSince(before);

    const outcomes = new Map<string, number>();
    for (const result of results) {
      const key = result.kind === "error" ? (result.error as Error).name : result.kind;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    }
    const faults = new Map<string, number>();
    for (const fault of injectedFaults()) faults.set(fault, (faults.get(fault) ?? 0) + 1);
    console.log(
      `chaos: ${results.length} calls in ${seconds} s, ${server.requests.length} requests; ` +
        `outcomes ${JSON.stringify(Object.fromEntries(outcomes))}; faults ${JSON.stringify(Object.fromEntries(faults))}`,
    );
  }, 180_000);

  afterAll(() => server?.close());

  /** The fault of each request that got one, from the layer or the fake. */
  const injectedFaults = () => [
    ...server.requests.flatMap((request) => (request.fault === "none" ? [] : [request.fault])),
    ...server.served().flatMap((request) => tenantFaultOf(request) ?? []),
  ];

  it("settles every call before its deadline", () => {
    const hung = calls.flatMap((call, index) => (results[index]?.kind === "hang" ? [`${call.method} ${call.args}`] : []));
    expect(hung, context("calls still pending after their deadline")).toEqual([]);
    expect(results.filter(Boolean)).toHaveLength(CALLS);
  });

  it("fails only with the package's typed errors, none of them a refused argument", () => {
    const untyped = calls.flatMap((call, index) => {
      const result = results[index];
      if (result?.kind !== "error") return [];
      const typed = TYPED_ERRORS[call.api].some((type) => result.error instanceof type);
      return typed ? [] : [`${call.method} (${call.mode}) ${call.args}: ${describeError(result.error)}`];
    });
    expect(untyped, context("calls that failed with an untyped error")).toEqual([]);
    // Every argument of the plan is valid: a refusal would be a check going wrong under load.
    const refused = results.filter((result) => result.kind === "error" && result.error instanceof adminPackage.InvalidRequestError);
    expect(refused.map((r) => describeError((r as { error: unknown }).error)), context("valid calls refused")).toEqual([]);
  });

  it("resolves only with the documented results, backed by what the server did", () => {
    const wrong = calls.flatMap((call, index) => {
      const result = results[index];
      const problem =
        result?.kind === "ok" ? call.checkResult(result.value, after)
        : result?.kind === "error" ? call.checkError?.(result.error, after)
        : undefined;
      return problem === undefined ? [] : [`${call.method} (${call.mode}) ${call.args}: ${problem}`];
    });
    expect(wrong, context("calls whose outcome is not the documented one")).toEqual([]);
  });

  it("never has the tenant carry out a create twice", () => {
    expect(server.duplicatedCreates(), context("creates carried out more than once")).toEqual([]);
  });

  it("follows no redirect to another origin: nothing reaches it, and the calls redirected fail with a RedirectError", () => {
    expect(server.otherOrigin.requests, context("requests that reached the origin the redirects point to")).toEqual([]);
    const refused = results.flatMap((result) => {
      const error = result.kind === "error" ? redirectErrorOf(result.error) : undefined;
      return error === undefined ? [] : [error];
    });
    const elsewhere = refused.filter((error) => !error.location?.startsWith(`${server.otherOrigin.url}/`));
    expect(elsewhere.map((error) => error.message), context("RedirectErrors not about the redirect fault")).toEqual([]);
    // A redirect of an API call ends that call (it is not retried): each RedirectError of one answers a redirect
    // fault of its own. Fewer is possible, when a redirect arrives after its attempt timed out on a busy machine.
    // (A redirect of a token exchange ends every call waiting for it: those are not counted.)
    const isToken = (path: string) => path.startsWith("/oauth/token") || path.startsWith("/auth2/connect/token");
    const struck = server.requests.filter((request) => request.fault === "redirect" && !isToken(request.path));
    const ended = refused.filter((error) => !isToken(new URL(error.url).pathname));
    expect(ended.length, context("calls ended by a redirect of an API call")).toBeGreaterThan(0);
    expect(ended.length, context("calls ended by a redirect of an API call, against those redirects")).toBeLessThanOrEqual(struck.length);
  });

  it("leaves no socket, server or timer behind", () => {
    expect(leftover, context("resources left after the server closed")).toEqual([]);
  });

  it("injected every fault, and still let every method through", () => {
    const injected = new Set(injectedFaults());
    expect(FAULT_KINDS.filter((kind) => !injected.has(kind)), context("faults never injected")).toEqual([]);
    // The tenant checks every request against the spec: a 400 is a request the client got wrong under load, and a 404
    // one for something the plan never made (only the grants a get asks for on purpose do not exist).
    const refused = server.served().filter((request) => request.status === 400 || (request.status === 404 && !request.path.includes("/cgr_missing")));
    expect(refused, context("requests the tenant refused")).toEqual([]);
    // Faults did not turn the run into one long failure: every method and both auth modes succeeded, so every
    // documented result was checked.
    const succeeded = calls.filter((_, index) => results[index]?.kind === "ok");
    const never = (key: "method" | "mode") => [...new Set(calls.map((call) => call[key]))].filter((value) => !succeeded.some((call) => call[key] === value));
    expect(never("method"), context("methods that never succeeded")).toEqual([]);
    expect(never("mode"), context("auth modes that never succeeded")).toEqual([]);
  });
});
