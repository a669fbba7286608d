// @ts-check
// The state and the routes of the APIs the chaos server stands in for: the Auth0 Management API's client grants and
// organizations, the Vantage admin API's clients and secrets, and both token endpoints. Only what the clients call,
// with the statuses a real tenant gives (404 for what is not there, 409 for what already is).

/** @typedef {import("./chaos-tenant.d.mts").Route} Route */
/** @typedef {import("./chaos-tenant.d.mts").TenantData} TenantData */
/** @typedef {import("./chaos-faults.d.mts").Answer} Answer */
/** @typedef {{ method: string; url: URL; headers: import("node:http").IncomingHttpHeaders; body: string }} Request */

const API = "/api/v2";
const ADMIN = /^\/api\/adminapi2\/v[12]\/tenants\/([^/]+)\/clients\/(?:([^/]+)\/secrets\/)?$/;

/** @type {import("./chaos-tenant.d.mts").routeOf} */
export function routeOf(method, pathname) {
  const parts = pathname.split("/").slice(1).map(decoded);
  if (parts.includes(undefined)) return undefined;
  /** @param {Route["name"]} name @param {Route["shape"]} shape @param {Partial<Route>} [rest] @returns {Route} */
  const route = (name, shape, rest = {}) => ({ name, shape, api: "management", params: {}, ...rest });
  if (method === "POST" && pathname === "/oauth/token") return route("management.token", "token");
  if (method === "POST" && pathname === "/auth2/connect/token") return route("admin.token", "token", { api: "admin" });
  const admin = method === "POST" ? ADMIN.exec(pathname) : null;
  if (admin) {
    const [, tenantId = "", clientId] = admin.map((part) => (part === undefined ? part : decoded(part)));
    return clientId === undefined
      ? route("admin.clients.create", "object", { api: "admin", params: { tenantId } })
      : route("admin.secrets.create", "object", { api: "admin", params: { tenantId, clientId } });
  }
  if (!pathname.startsWith(`${API}/`)) return undefined;
  const [, , collection, id, sub, subId] = parts;
  const at = `${method} ${collection}${id === undefined ? "" : "/{id}"}${sub === undefined ? "" : `/${sub}`}${subId === undefined ? "" : "/{id}"}`;
  const params = { id: id ?? "", subId: subId ?? "" };
  switch (at) {
    case "GET client-grants": return route("grants.list", "list");
    case "POST client-grants": return route("grants.create", "object");
    case "GET client-grants/{id}": return route("grants.get", "object", { params });
    case "PATCH client-grants/{id}": return route("grants.update", "object", { params });
    case "DELETE client-grants/{id}": return route("grants.delete", "none", { params });
    case "GET client-grants/{id}/organizations": return route("grants.organizations", "list", { params });
    case "GET organizations/{id}/client-grants": return route("organization.grants.list", "list", { params });
    case "POST organizations/{id}/client-grants": return route("organization.grants.assign", "object", { params });
    case "DELETE organizations/{id}/client-grants/{id}": return route("organization.grants.remove", "none", { params });
    default: return undefined;
  }
}

/** @param {string} part @returns {string | undefined} */
function decoded(part) {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/** @type {import("./chaos-tenant.d.mts").errorAnswer} */
export function errorAnswer(route, status, message) {
  const reason = REASONS[status] ?? "Error";
  if (route.shape === "token") {
    return jsonAnswer(status, { error: status === 401 ? "access_denied" : reason.toLowerCase().replaceAll(" ", "_"), error_description: message });
  }
  if (route.api === "admin") {
    return jsonAnswer(status, { title: reason, status, detail: message }, "application/problem+json");
  }
  return jsonAnswer(status, { statusCode: status, error: reason, message });
}

/** The requests per second the Management API advertises: far more than a run sends, so only a fault is a 429. */
const RATE_LIMIT = 2_000;

/** @type {import("./chaos-tenant.d.mts").createRateLimiter} */
export function createRateLimiter() {
  let second = 0;
  let sent = 0;
  /** @type {ReturnType<import("./chaos-tenant.d.mts").createRateLimiter>} */
  const headersOf = (route, status) => {
    const now = Date.now();
    if (route.api === "admin") return status === 429 ? { "retry-after": "1" } : {};
    if (Math.floor(now / 1000) !== second) [second, sent] = [Math.floor(now / 1000), 0];
    sent += 1;
    // Auth0 sends these on every answer; a 429 has none left until the window resets, at the next second.
    const [remaining, reset] = status === 429 ? [0, second + 1] : [RATE_LIMIT - sent, second + 1];
    return { "x-ratelimit-limit": String(RATE_LIMIT), "x-ratelimit-remaining": String(Math.max(remaining, 0)), "x-ratelimit-reset": String(reset) };
  };
  return headersOf;
}

/** @type {Record<number, string>} */
const REASONS = {
  400: "Bad Request",
  401: "Unauthorized",
  404: "Not Found",
  409: "Conflict",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** @param {number} status @param {unknown} body @returns {Answer} */
function jsonAnswer(status, body, contentType = "application/json; charset=utf-8") {
  return { status, headers: { "content-type": contentType }, body: JSON.stringify(body) };
}

const NO_CONTENT = { status: 204, headers: {}, body: "" };

/** @type {import("./chaos-tenant.d.mts").createTenant} */
export function createTenant(options) {
  const { data, token, clientCredentials, tenantId, tokenLifetimeSeconds } = options;
  /** @type {Map<string, Record<string, unknown> & { id: string; audience: string }>} */
  const grants = new Map(data.grants.map((grant) => [grant.id, { ...grant }]));
  const organizations = new Map(data.organizations.map((organization) => [organization.id, { ...organization }]));
  const assignments = new Set(data.assignments.map(([organizationId, grantId]) => `${organizationId} ${grantId}`));
  /** @type {Map<string, Record<string, unknown>>} */
  const adminClients = new Map(data.adminClients.map((clientId) => [clientId, { clientId, clientName: clientId }]));
  /** @type {Map<string, number>} Issued token, and when it expires. */
  const issued = new Map();
  let created = 0;

  /** @param {Request} request */
  function authorized(request) {
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    if (bearer === undefined) return false;
    if (bearer === token) return true;
    const expiresAt = issued.get(bearer);
    return expiresAt !== undefined && Date.now() < expiresAt;
  }

  /** @param {Request} request */
  function revoke(request) {
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    if (bearer !== undefined) issued.delete(bearer);
  }

  /** @param {Route} route @param {Request} request @returns {Answer} */
  function issueToken(route, request) {
    const fields = route.name === "admin.token" ? Object.fromEntries(new URLSearchParams(request.body)) : parseJson(request.body);
    if (fields?.grant_type !== "client_credentials") return errorAnswer(route, 400, "grant_type must be client_credentials");
    if (fields.client_id !== clientCredentials.clientId || fields.client_secret !== clientCredentials.clientSecret) {
      return errorAnswer(route, 401, "Unknown client or wrong secret");
    }
    const accessToken = `chaos-token-${++created}`;
    issued.set(accessToken, Date.now() + tokenLifetimeSeconds * 1000);
    return jsonAnswer(200, { access_token: accessToken, expires_in: tokenLifetimeSeconds, token_type: "Bearer" });
  }

  /** @param {Route} route @param {Request} request @returns {Answer} */
  function act(route, request) {
    const { id, subId, tenantId: tenant, clientId } = route.params;
    const query = request.url.searchParams;
    const body = parseJson(request.body);
    const notFound = () => errorAnswer(route, 404, "Not found");
    switch (route.name) {
      case "management.token":
      case "admin.token":
        return issueToken(route, request);
      case "grants.list": {
        const matching = [...grants.values()].filter(
          (grant) => ["audience", "client_id"].every((key) => !query.has(key) || grant[key] === query.get(key)),
        );
        return jsonAnswer(200, listed(matching, query, "client_grants"));
      }
      case "grants.create": {
        if (typeof body?.audience !== "string") return errorAnswer(route, 400, "audience is required");
        const taken = [...grants.values()].some((grant) => grant.audience === body.audience && grant.client_id === body.client_id);
        if (taken) return errorAnswer(route, 409, "A grant for this client and audience already exists");
        const grant = { ...body, id: `cgr_new${String(++created).padStart(6, "0")}`, audience: body.audience };
        grants.set(grant.id, grant);
        return jsonAnswer(201, grant);
      }
      case "grants.get": {
        const grant = grants.get(id ?? "");
        return grant ? jsonAnswer(200, grant) : notFound();
      }
      case "grants.update": {
        const grant = grants.get(id ?? "");
        if (!grant) return notFound();
        Object.assign(grant, body);
        return jsonAnswer(200, grant);
      }
      case "grants.delete":
        return grants.delete(id ?? "") ? NO_CONTENT : notFound();
      case "grants.organizations": {
        if (!grants.has(id ?? "")) return notFound();
        const assigned = [...organizations.values()].filter((organization) => assignments.has(`${organization.id} ${id}`));
        return jsonAnswer(200, listed(assigned, query, "organizations"));
      }
      case "organization.grants.list": {
        if (!organizations.has(id ?? "")) return notFound();
        const assigned = [...grants.values()].filter((grant) => assignments.has(`${id} ${grant.id}`));
        return jsonAnswer(200, listed(assigned, query, "client_grants"));
      }
      case "organization.grants.assign": {
        const grant = grants.get(typeof body?.grant_id === "string" ? body.grant_id : "");
        if (!organizations.has(id ?? "") || !grant) return notFound();
        if (assignments.has(`${id} ${grant.id}`)) return errorAnswer(route, 409, "The grant is already assigned");
        assignments.add(`${id} ${grant.id}`);
        return jsonAnswer(201, { id: grant.id, client_id: grant.client_id, audience: grant.audience, scope: grant.scope });
      }
      case "organization.grants.remove":
        return assignments.delete(`${id} ${subId}`) ? NO_CONTENT : notFound();
      case "admin.clients.create": {
        if (tenant !== tenantId) return notFound();
        if (typeof body?.clientId !== "string") return errorAnswer(route, 400, "clientId is required");
        if (adminClients.has(body.clientId)) return errorAnswer(route, 409, "A client with this id already exists");
        const client = { ...body, allowedGrantTypes: body.allowedGrantTypes ?? ["client_credentials"], requireClientSecret: true };
        adminClients.set(body.clientId, client);
        return jsonAnswer(201, client);
      }
      case "admin.secrets.create": {
        if (tenant !== tenantId || !adminClients.has(clientId ?? "")) return notFound();
        const value = `chaos-secret-${++created}-value`;
        const startTime = typeof body?.startTime === "string" ? body.startTime : new Date().toISOString();
        const expiration = typeof body?.expiration === "string" ? body.expiration : new Date(Date.parse(startTime) + 182 * 86_400_000).toISOString();
        return jsonAnswer(201, { description: body?.description, value, valueDisplay: value.slice(0, 3), startTime, expiration });
      }
    }
  }

  return {
    act,
    authorized,
    revoke,
    hasGrant: (id) => grants.has(id),
    hasAssignment: (organizationId, grantId) => assignments.has(`${organizationId} ${grantId}`),
    hasAdminClient: (clientId) => adminClients.has(clientId),
  };
}

/** @type {import("./chaos-tenant.d.mts").createMarker} */
export function createMarker(route, body) {
  const fields = parseJson(body);
  switch (route.name) {
    case "grants.create":
      return `grant ${String(fields?.audience)}`;
    case "organization.grants.assign":
      return `assignment ${route.params.id} ${String(fields?.grant_id)}`;
    case "admin.clients.create":
      return `client ${String(fields?.clientId)}`;
    case "admin.secrets.create":
      return `secret ${String(fields?.description)}`;
    default:
      return undefined;
  }
}

/** @param {string} text @returns {Record<string, unknown> | undefined} */
function parseJson(text) {
  try {
    const value = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A list in the shape its query asks for, as Auth0 answers: checkpoint (`from`/`take`), totals (`include_totals`)
 * or a plain array of one page.
 * @template {{ id: string }} Item
 * @param {Item[]} items @param {URLSearchParams} query @param {string} key
 */
function listed(items, query, key) {
  if (query.has("from") || query.has("take")) return checkpoint(items, query, key);
  const perPage = Number(query.get("per_page") ?? 50);
  const page = Number(query.get("page") ?? 0);
  const sorted = [...items].sort((a, b) => a.id.localeCompare(b.id));
  const slice = sorted.slice(page * perPage, (page + 1) * perPage);
  return query.get("include_totals") === "true" ? { start: page * perPage, limit: perPage, total: sorted.length, [key]: slice } : slice;
}

/**
 * @template {{ id: string }} Item
 * @param {Item[]} items @param {URLSearchParams} query @param {string} key
 */
function checkpoint(items, query, key) {
  const take = Number(query.get("take") ?? 50);
  const from = query.get("from");
  const sorted = [...items].sort((a, b) => a.id.localeCompare(b.id)).filter((item) => from === null || item.id >= from);
  const page = sorted.slice(0, take);
  const next = sorted[take]?.id;
  return next === undefined ? { [key]: page } : { [key]: page, next };
}
