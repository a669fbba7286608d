// The tenant of the chaos run: the fake tenant of @grantkit/testing behind a socket, with its own faults set
// (chaos-faults.ts), and a thin layer in front of it for the faults it has no kind for. The layer is the `fetch` the
// clients are given: it logs every request, and every create that reached the tenant, so the run can tell a create
// that was carried out twice.
import type { FakeSeed, FakeState, ServedRequest } from "@grantkit/testing";
import { startFakeServer } from "@grantkit/testing/server";
import { hashString, mulberry32 } from "@grantkit/test-support/seeded-random";
import { ANSWERED_BY_LAYER, layerAnswer, layerFault, tenantFaults, withBadBody, type LayerFault, type Shape } from "./chaos-faults.js";

/** Where the redirect faults point: another origin, which no request may reach. */
const OTHER_ORIGIN = "http://other-origin.invalid";

export interface ChaosTenantOptions {
  /** Seeds the fake's faults and the layer's. */
  seed: number;
  /** What the tenant holds at the start. */
  state: FakeSeed;
  /** A bearer that opens both APIs. */
  token: string;
}

/** A request a client sent, as the layer saw it. */
interface LayerRequest {
  readonly method: string;
  readonly path: string;
  /** The layer's fault, `none` when it left the request to the tenant (whose own fault is in `served()`). */
  readonly fault: LayerFault;
}

export interface ChaosTenant {
  readonly managementUrl: string;
  readonly managementTokenUrl: string;
  readonly adminUrl: string;
  readonly adminTokenUrl: string;
  /** The clients' `fetch`: the layer, then the fake over HTTP. */
  readonly fetch: typeof globalThis.fetch;
  /** Every request the clients sent, in order. */
  readonly requests: readonly LayerRequest[];
  /** The requests that reached the other origin a redirect pointed to. */
  readonly otherOrigin: { readonly url: string; readonly requests: readonly string[] };
  /** The requests the fake served, with the faults it injected. */
  served(): readonly ServedRequest[];
  state(): FakeState;
  /** The creates (`grant <audience>`, `client <clientId>`, …) the tenant carried out more than once. */
  duplicatedCreates(): string[];
  close(): Promise<void>;
}

/** Starts the fake server with the run's faults, and the layer in front of it. */
export async function startChaosTenant({ seed, state, token }: ChaosTenantOptions): Promise<ChaosTenant> {
  const server = await startFakeServer({ seed: state, token, randomSeed: seed });
  server.fake.setFaults(tenantFaults());
  const requests: LayerRequest[] = [];
  const otherOriginRequests: string[] = [];
  const carriedOut = new Map<string, number>();
  /** How many times each distinct request (method, URL and body) has arrived: its attempt number seeds its fault. */
  const attempts = new Map<string, number>();
  let closed: Promise<void> | undefined;

  const fetch: typeof globalThis.fetch = async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init.method ?? "GET";
    if (url.origin === OTHER_ORIGIN) {
      otherOriginRequests.push(`${method} ${url.pathname}`);
      return Response.json({});
    }
    const body = typeof init.body === "string" ? init.body : init.body instanceof URLSearchParams ? init.body.toString() : "";
    const key = `${method} ${url.href} ${body}`;
    const attempt = attempts.get(key) ?? 0;
    attempts.set(key, attempt + 1);
    const random = mulberry32(hashString(`${seed} ${attempt} ${key}`));
    const fault = layerFault(random);
    const route = routeOf(method, url.pathname);
    requests.push({ method, path: `${url.pathname}${url.search}`, fault });
    if (ANSWERED_BY_LAYER.has(fault)) return layerAnswer(fault, route.shape, route.api, `${OTHER_ORIGIN}${url.pathname}`, random);

    const marker = route.createMarker?.(body);
    let answer: Response;
    try {
      answer = await globalThis.fetch(url, init);
    } catch (error) {
      // Every fault of the fake on a create strikes after it stored it (chaos-faults.ts).
      if (marker !== undefined) carriedOut.set(marker, (carriedOut.get(marker) ?? 0) + 1);
      throw error;
    }
    // A 429 is the one answer to a create that says it was not carried out.
    if (marker !== undefined && answer.status !== 429) carriedOut.set(marker, (carriedOut.get(marker) ?? 0) + 1);
    return withBadBody(fault, answer, route.shape, random);
  };

  return {
    managementUrl: server.managementUrl,
    managementTokenUrl: server.managementTokenUrl,
    adminUrl: server.adminUrl,
    adminTokenUrl: server.adminTokenUrl,
    fetch,
    requests,
    otherOrigin: { url: OTHER_ORIGIN, requests: otherOriginRequests },
    served: () => server.fake.requests,
    state: () => server.fake.state(),
    duplicatedCreates: () => [...carriedOut].flatMap(([marker, times]) => (times > 1 ? [marker] : [])),
    // Once, however often asked: the run closes it, and `afterAll` again in case the run failed before it could.
    close: () => (closed ??= server.close()),
  };
}

interface ChaosRoute {
  shape: Shape;
  api: "management" | "admin";
  /** What a create makes, named from its body, to tell one carried out twice. */
  createMarker?: (body: string) => string;
}

/** The route of a request, as far as the layer needs it: the shape of its answer, its API, what it creates. */
function routeOf(method: string, pathname: string): ChaosRoute {
  if (pathname === "/oauth/token") return { shape: "token", api: "management" };
  if (pathname === "/auth2/connect/token") return { shape: "token", api: "admin" };
  if (pathname.startsWith("/api/adminapi2/")) {
    if (pathname.endsWith("/secrets/")) return { shape: "object", api: "admin", createMarker: (body) => `secret ${field(body, "description")}` };
    return { shape: "object", api: "admin", createMarker: (body) => `client ${field(body, "clientId")}` };
  }
  if (method === "DELETE") return { shape: "none", api: "management" };
  const organization = /\/organizations\/([^/]+)\/client-grants$/.exec(pathname);
  if (method === "POST" && organization) {
    return { shape: "object", api: "management", createMarker: (body) => `assignment ${decodeURIComponent(organization[1]!)} ${field(body, "grant_id")}` };
  }
  if (method === "POST") return { shape: "object", api: "management", createMarker: (body) => `grant ${field(body, "audience")}` };
  const isList = method === "GET" && /\/(client-grants|organizations)$/.test(pathname);
  return { shape: isList ? "list" : "object", api: "management" };
}

function field(body: string, name: string): string {
  try {
    return String((JSON.parse(body) as Record<string, unknown>)[name]);
  } catch {
    return "(no JSON body)";
  }
}
