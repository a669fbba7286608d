import type { IncomingHttpHeaders } from "node:http";
import type { Answer, Shape } from "./chaos-faults.d.mts";

/** A route of the APIs the chaos server stands in for, with its path parameters (decoded). */
export interface Route {
  name:
    | "management.token"
    | "admin.token"
    | "grants.list"
    | "grants.create"
    | "grants.get"
    | "grants.update"
    | "grants.delete"
    | "grants.organizations"
    | "organization.grants.list"
    | "organization.grants.assign"
    | "organization.grants.remove"
    | "admin.clients.create"
    | "admin.secrets.create";
  /** Which API's error bodies the route answers with. */
  api: "management" | "admin";
  shape: Shape;
  params: { id?: string; subId?: string; tenantId?: string; clientId?: string };
}

/** What the tenant holds when the server starts. */
export interface TenantData {
  grants: Array<{ id: string; audience: string; client_id?: string; scope?: string[] }>;
  organizations: Array<{ id: string; name: string }>;
  /** Grants assigned to organizations, as `[organizationId, grantId]`. */
  assignments: Array<[string, string]>;
  /** The ids of the admin API clients that exist. */
  adminClients: string[];
}

export interface TenantOptions {
  data: TenantData;
  /** A fixed bearer token both APIs accept. */
  token: string;
  /** The credentials both token endpoints accept. */
  clientCredentials: { clientId: string; clientSecret: string };
  /** The admin API's tenant. */
  tenantId: string;
  /** `expires_in` of issued tokens; the server refuses them afterwards. */
  tokenLifetimeSeconds: number;
}

export interface TenantRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Tenant {
  /** Carries out the request (creates, updates, deletes) and returns the real answer. */
  act(route: Route, request: TenantRequest): Answer;
  /** Whether the request's bearer token is the fixed one, or one issued and not expired nor revoked. */
  authorized(request: TenantRequest): boolean;
  /** Revokes the request's bearer token, if the tenant issued it. */
  revoke(request: TenantRequest): void;
  hasGrant(id: string): boolean;
  hasAssignment(organizationId: string, grantId: string): boolean;
  hasAdminClient(clientId: string): boolean;
}

/** The route a request addresses, or `undefined` when no route of the APIs matches. */
export function routeOf(method: string, pathname: string): Route | undefined;

/**
 * How each API tells its rate limit, for an answer of `status`: the Management API sends Auth0's `x-ratelimit-*`
 * headers on every answer (none remaining on a 429, until the window resets at the next second); the admin API
 * documents none, and its 429s say `retry-after`.
 */
export function createRateLimiter(): (route: Route, status: number) => Record<string, string>;

/** An error answer in the body format of the route's API. */
export function errorAnswer(route: Route, status: number, message: string): Answer;

export function createTenant(options: TenantOptions): Tenant;

/**
 * What makes a create request unique, for the routes that create something: a grant's audience, an assignment's
 * organization and grant, an admin client's `clientId`, a secret's description. `undefined` for other routes.
 */
export function createMarker(route: Route, body: string): string | undefined;
