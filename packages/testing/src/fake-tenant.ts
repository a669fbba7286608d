import { jsonAnswer, withHeaders, type Answer, type Outcome } from "./answer.js";
import { managementApi, MANAGEMENT_ROOT } from "./auth0/management-api.js";
import { Auth0Tenant } from "./auth0/tenant.js";
import { serveControl } from "./control-routes.js";
import type { FakeApi } from "./fake-api.js";
import { outcomeOfFault } from "./fault-outcome.js";
import { FaultPlan, type Fault } from "./faults.js";
import { fetchRequest, type FakeRequest } from "./fetch-request.js";
import { outcomeAsResponse } from "./outcome-response.js";
import { seededRandom } from "./random.js";
import { checkRateLimitOptions, emptyBucketHeaders, TokenBucket, type RateLimitOptions } from "./rate-limit.js";
import { Refusal, reasonOf } from "./refusal.js";
import { parseBody } from "./request-body.js";
import type { SpecOperation } from "./spec-data.js";
import type { ServedRequest } from "./served-request.js";
import { stateFrom, type FakeSeed, type FakeState } from "./state.js";
import { TokenRegistry } from "./tokens.js";
import { adminApi, ADMIN_ROOTS } from "./vantage/admin-api.js";
import type { VantageContext } from "./vantage/routes.js";
import { wait } from "./wait.js";

/** Options of {@link createFakeTenant}. */
export interface FakeTenantOptions {
  /** What the tenant holds at start and after `reset()`; any part left out is empty. */
  seed?: FakeSeed | undefined;
  /** A bearer token that every operation of both APIs accepts, with every scope, for every tenant. */
  token?: string | undefined;
  /** Auth0's rate limit on the Management API: `limit` requests a second, `burst` at once. Default: none. */
  rateLimit?: RateLimitOptions | undefined;
  /** Seeds every random choice: ids, tokens, secrets, and faults with a `probability`. Default: a random seed. */
  randomSeed?: number | undefined;
  /** The clock, in milliseconds since the epoch: token expiry, the rate limit's refill, secrets' dates. Default `Date.now`. */
  now?: (() => number) | undefined;
  /** The origin the URLs name. Default `https://fake-tenant.grantkit.test`; the fake answers any origin it is sent. */
  origin?: string | undefined;
}

/** A fake Auth0 tenant and Vantage admin API, kept in memory. */
export interface FakeTenant {
  /** A `fetch` that the fake answers, with no socket: pass it as the clients' `fetch`. */
  readonly fetch: typeof globalThis.fetch;
  /** The Management API's root, for `createManagementClient`'s `baseUrl`. */
  readonly managementUrl: string;
  /** Auth0's token endpoint, for `createManagementClient`'s `tokenUrl`. */
  readonly managementTokenUrl: string;
  /** The admin API's root (v1), for `createAdminClient`'s `baseUrl`. */
  readonly adminUrl: string;
  /** Vantage's token endpoint, for `createAdminClient`'s `tokenUrl`. */
  readonly adminTokenUrl: string;
  /** The seed of its random choices: print it, and pass it back as `randomSeed` to replay a run. */
  readonly randomSeed: number;
  /** Every request served since the start or the last `reset()`, in order (control routes aside). */
  readonly requests: readonly ServedRequest[];
  /** A copy of everything the tenant holds now. */
  state(): FakeState;
  /** Replaces everything the tenant holds (a part left out is empty). Issued tokens stay valid. */
  replaceState(state: FakeSeed): void;
  /** Back to the seed: state, faults, the request log and the rate limit's bucket. Issued tokens stay valid. */
  reset(): void;
  /** Replaces the faults (and their counts). */
  setFaults(faults: readonly Fault[]): void;
  clearFaults(): void;
}

const DEFAULT_ORIGIN = "https://fake-tenant.grantkit.test";
const MANAGEMENT_TOKEN_PATH = "/oauth/token";
const ADMIN_TOKEN_PATH = "/auth2/connect/token";
/** The `x-ratelimit-limit` of a 429 a fault sends when no rate limit is set: Auth0's usual limit. */
const DEFAULT_LIMIT = 50;

/** How the server and the MSW handlers reach what a fake does with a request. */
const outcomes = new WeakMap<FakeTenant, (request: FakeRequest) => Promise<Outcome>>();

/**
 * What `fake` does with `request`: the answer, or a fault.
 * @internal
 */
export function outcomeOf(fake: FakeTenant, request: FakeRequest): Promise<Outcome> {
  const serve = outcomes.get(fake);
  if (serve === undefined) throw new TypeError("Not a fake tenant: make one with createFakeTenant()");
  return serve(request);
}

function checkOptions(options: FakeTenantOptions): void {
  const { token, randomSeed, now, rateLimit, origin } = options;
  if (token !== undefined && (typeof token !== "string" || !/^\S+$/.test(token))) throw new TypeError("token must be a non-empty string without spaces");
  if (randomSeed !== undefined && (!Number.isInteger(randomSeed) || randomSeed < 0 || randomSeed >= 2 ** 32)) {
    throw new TypeError(`randomSeed must be an integer from 0 to 2^32 - 1, got ${String(randomSeed)}`);
  }
  if (now !== undefined && typeof now !== "function") throw new TypeError("now must be a function that returns milliseconds");
  if (rateLimit !== undefined) checkRateLimitOptions(rateLimit);
  if (origin !== undefined && (typeof origin !== "string" || URL.canParse?.(origin) === false || new URL(origin).origin !== origin)) {
    throw new TypeError(`origin must be an origin such as https://fake.example (no path, no trailing slash), got ${String(origin)}`);
  }
}

/**
 * Creates a fake Auth0 tenant (client grants, organizations, lookups, `/oauth/token`) and Vantage admin API
 * (tenants' API clients and secrets, `/auth2/connect/token`) that keeps state, validates every request against
 * the specs, checks tokens and scopes, and injects the faults it is given.
 *
 * @example
 * import { createManagementClient } from "@grantkit/client";
 * import { createFakeTenant } from "@grantkit/testing";
 *
 * const fake = createFakeTenant({ token: "test-token" });
 * const client = createManagementClient({ baseUrl: fake.managementUrl, token: "test-token", fetch: fake.fetch });
 */
export function createFakeTenant(options: FakeTenantOptions = {}): FakeTenant {
  checkOptions(options);
  const seed = stateFrom(options.seed);
  const now = options.now ?? Date.now;
  const origin = options.origin ?? DEFAULT_ORIGIN;
  const randomSeed = options.randomSeed ?? Math.floor(Math.random() * 2 ** 32);
  // Separate streams, so that issuing a token does not change the next grant's id.
  const idRandom = seededRandom(randomSeed);
  const tokens = new TokenRegistry(seededRandom(randomSeed ^ 0x5bd1e995), now, options.token);
  const rateLimit = options.rateLimit;
  const routes = new Set<string>();

  // A copy to serve from: `seed` stays as it was given, for reset().
  const initial = stateFrom(seed);
  let auth0 = new Auth0Tenant(initial.management, idRandom);
  let vantage: VantageContext = { state: initial.admin, random: idRandom, now };
  let bucket = rateLimit === undefined ? undefined : new TokenBucket(rateLimit, now);
  let faults = new FaultPlan([], routes, randomSeed);
  let log: ServedRequest[] = [];

  const apis: FakeApi[] = [managementApi(() => auth0, tokens), adminApi(() => vantage, tokens)];
  for (const api of apis) for (const operation of api.validator.operations) routes.add(operation.key);

  function replaceState(state: FakeSeed): void {
    const fresh = stateFrom(state);
    auth0 = new Auth0Tenant(fresh.management, idRandom);
    vantage = { state: fresh.admin, random: idRandom, now };
  }

  /** The operation a path names, with the API it belongs to; or the API whose root it is under, for its 404. */
  function locate(method: string, pathname: string) {
    for (const api of apis) {
      const atRoot = api.validator.match(method, pathname, true);
      if (atRoot !== undefined) return { api, ...atRoot };
      for (const root of api.roots) {
        if (pathname !== root && !pathname.startsWith(`${root}/`)) continue;
        const under = api.validator.match(method, pathname.slice(root.length), false);
        return under === undefined ? { api } : { api, ...under };
      }
    }
    return undefined;
  }

  /** Serves a request the fake knows the operation of: rate limit, token, validation, then the operation. */
  function answer(api: FakeApi, operation: SpecOperation, path: Record<string, string>, request: FakeRequest, bodyText: string, calledOrigin: string): Answer {
    const isTokenEndpoint = operation.atOriginRoot;
    const limit = api.rateLimited && !isTokenEndpoint ? bucket?.take() : undefined;
    try {
      if (limit !== undefined && !limit.allowed) throw new Refusal(429, "Global limit has been reached", "too_many_requests");
      api.authorize(operation, path, request.headers.get("authorization"));
      const body = parseBody(bodyText, request.headers.get("content-type"));
      const validation = body.parsed
        ? api.validator.validate(operation, path, new URL(request.url).searchParams, body.value)
        : ({ valid: false, problem: { in: "body", property: "", message: body.message } } as const);
      if (!validation.valid) throw api.invalid(operation, validation.problem);
      const served = api.serve(validation.request, calledOrigin);
      return withHeaders(jsonAnswer(served.status, served.body), limit?.headers ?? {});
    } catch (error) {
      // Never a crash of the fake: a bug in it is a 500 that says so, in the API's error body.
      const refusal = error instanceof Refusal ? error : new Refusal(500, `The fake tenant failed: ${error instanceof Error ? error.message : String(error)}`);
      return withHeaders(api.errorAnswer(operation, refusal), limit?.headers ?? {});
    }
  }

  function faultAnswer(api: FakeApi, operation: SpecOperation, status: number): Answer {
    const refusal = new Refusal(status, status === 429 ? "Global limit has been reached" : reasonOf(status), status === 429 ? "too_many_requests" : undefined);
    const headers = status === 429 ? emptyBucketHeaders(bucket?.capacity ?? DEFAULT_LIMIT, now()) : {};
    return withHeaders(api.errorAnswer(operation, refusal), headers);
  }

  async function serve(request: FakeRequest): Promise<Outcome> {
    const url = new URL(request.url);
    const bodyText = await request.text();
    if (url.pathname.startsWith("/__grantkit/")) return { type: "answer", answer: serveControl(fake, request.method, url.pathname, bodyText) };
    const located = locate(request.method, url.pathname);
    const record = (outcome: Outcome, fault?: Fault): Outcome => {
      const status = outcome.type === "answer" || outcome.type === "drop-mid-body" ? outcome.answer.status : null;
      log.push(fault === undefined ? { method: request.method, path: url.pathname, status } : { method: request.method, path: url.pathname, status, fault: fault.kind });
      return outcome;
    };
    if (located === undefined || !("operation" in located) || located.operation === undefined) {
      const notFound = new Refusal(404, "Not Found");
      return record({ type: "answer", answer: located === undefined ? jsonAnswer(404, { statusCode: 404, error: "Not Found", message: "Not Found" }) : located.api.errorAnswer(undefined, notFound) });
    }
    const { api, operation, path } = located;
    const { fault, latencyMs } = faults.strike(operation.key);
    if (latencyMs > 0) await wait(latencyMs, request.signal);
    const serveNow = () => answer(api, operation, path, request, bodyText, url.origin);
    if (fault === undefined) return record({ type: "answer", answer: serveNow() });
    return record(outcomeOfFault(fault, serveNow, (status) => faultAnswer(api, operation, status)), fault);
  }

  const fake: FakeTenant = {
    fetch: async (input, init) => {
      const request = fetchRequest(input, init);
      // As `fetch` does: an aborted signal ends the call before anything is sent.
      request.signal.throwIfAborted();
      return outcomeAsResponse(await serve(request), request.signal);
    },
    managementUrl: `${origin}${MANAGEMENT_ROOT}`,
    managementTokenUrl: `${origin}${MANAGEMENT_TOKEN_PATH}`,
    adminUrl: `${origin}${ADMIN_ROOTS[0]}`,
    adminTokenUrl: `${origin}${ADMIN_TOKEN_PATH}`,
    randomSeed,
    get requests() {
      return [...log];
    },
    state: () => ({ management: structuredClone(auth0.state), admin: structuredClone(vantage.state) }),
    replaceState,
    reset() {
      replaceState(seed);
      faults = new FaultPlan([], routes, randomSeed);
      bucket = rateLimit === undefined ? undefined : new TokenBucket(rateLimit, now);
      log = [];
    },
    setFaults(list) {
      faults = new FaultPlan(list, routes, randomSeed);
    },
    clearFaults() {
      faults = new FaultPlan([], routes, randomSeed);
    },
  };
  outcomes.set(fake, serve);
  return fake;
}
