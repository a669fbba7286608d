import type { FaultKind, FaultWeights } from "./chaos-faults.d.mts";
import type { Route, Tenant, TenantOptions } from "./chaos-tenant.d.mts";

export type { FaultKind, FaultWeights } from "./chaos-faults.d.mts";
export type { Route, TenantData } from "./chaos-tenant.d.mts";
export { DEFAULT_FAULT_WEIGHTS } from "./chaos-faults.d.mts";

export interface ChaosServerOptions extends TenantOptions {
  /** The run's seed: with the request itself, it picks each request's fault. */
  seed: number;
  /** How often each fault is injected, on every route or by route. Default {@link DEFAULT_FAULT_WEIGHTS}. */
  faultWeights?: FaultWeights | ((route: Route["name"]) => FaultWeights);
}

/** One request the server got, and what it did with it. */
export interface LoggedRequest {
  method: string;
  /** Path and query. */
  path: string;
  /** When it arrived (epoch milliseconds). */
  at: number;
  /** `undefined` when the request matched no route (answered 404). */
  route: Route["name"] | undefined;
  /** The fault injected; `"none"` for a normal answer (or a real 401 to a revoked token). */
  fault: FaultKind;
  /** Whether the server carried the request out (a create created, a delete deleted). */
  acted: boolean;
  /** The status sent, or what was done instead of answering. */
  outcome: number | "reset" | "reset-mid-body" | "stall";
}

export interface ChaosServer {
  url: string;
  requests: LoggedRequest[];
  /** The marker of every create the server carried out (see `createMarker`), faults after acting included. */
  processedCreates: string[];
  /** The markers carried out more than once. */
  duplicatedCreates(): string[];
  /** The tenant's state, to check what a successful call claims. */
  tenant: Pick<Tenant, "hasGrant" | "hasAssignment" | "hasAdminClient">;
  /** Where the redirect fault points, and every request (`METHOD /path`) that reached it: a client must send none. */
  otherOrigin: { url: string; requests: string[] };
  /** Closes every connection (stalled ones included) and the server, and the other origin. */
  close(): Promise<void>;
}

/**
 * Starts, on a free loopback port, a server answering the Auth0 Management API's client-grant and organization
 * routes (under `/api/v2`), `/oauth/token`, the Vantage admin API's client and secret routes (under
 * `/api/adminapi2/v1`) and `/auth2/connect/token`, injecting faults into most answers.
 */
export function startChaosServer(options: ChaosServerOptions): Promise<ChaosServer>;
