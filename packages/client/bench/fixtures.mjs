// The canned Management API answers both SDKs get, byte for byte, and the one place that decides them, used by
// the in-process fake fetch (calls.mjs) and by the loopback HTTP server (server.mjs) alike.

export const TOKEN = "bench-token-0123456789abcdef";
/** The tenant domain both clients are configured with; the bench never resolves it. */
export const DOMAIN = "bench.example.auth0.com";
export const GRANT_ID = "cgr_4pI9a42haOLLWnwq";
export const PAGE_SIZE = 50;

function grant(i) {
  return {
    id: i === 0 ? GRANT_ID : `cgr_${String(i).padStart(16, "0")}`,
    client_id: `4Yf3vHvIkyUEoR1HXpVr0cFfaM8s${String(i).padStart(4, "0")}`,
    audience: "https://billing.example.com/",
    scope: ["read:invoices", "write:invoices", "read:customers", "delete:drafts"],
    organization_usage: "allow",
    allow_any_organization: false,
    is_system: false,
    subject_type: "client",
    authorization_details_types: [],
    allow_all_scopes: false,
  };
}

export const CREATE_BODY = {
  client_id: "4Yf3vHvIkyUEoR1HXpVr0cFfaM8sFMPo",
  audience: "https://billing.example.com/",
  scope: ["read:invoices", "write:invoices"],
  organization_usage: "allow",
  subject_type: "client",
};

const JSON_TYPE = "application/json; charset=utf-8";
const ONE = JSON.stringify(grant(0));
const PAGE = JSON.stringify({
  client_grants: Array.from({ length: PAGE_SIZE }, (_, i) => grant(i)),
  next: "MjAyNi0xMS0yM1QxMzowMDowMC4wMDBa",
});
const CREATED = JSON.stringify({ ...grant(0), ...CREATE_BODY, id: GRANT_ID });

/** Sizes of the canned bodies, for the report. */
export const BODY_BYTES = { get: ONE.length, list: PAGE.length, create: CREATED.length };

/**
 * The answer to one request: `{ status, body }`. Anything the bench does not send is a 404, and a request without
 * the bench's bearer token a 401, so a client that sent the wrong thing fails loudly instead of measuring nothing.
 */
export function answer(method, pathname, authorization) {
  if (authorization !== `Bearer ${TOKEN}`) return { status: 401, body: '{"statusCode":401,"error":"Unauthorized"}' };
  if (method === "GET" && pathname === "/api/v2/client-grants") return { status: 200, body: PAGE };
  if (method === "GET" && pathname === `/api/v2/client-grants/${GRANT_ID}`) return { status: 200, body: ONE };
  if (method === "POST" && pathname === "/api/v2/client-grants") return { status: 201, body: CREATED };
  return { status: 404, body: '{"statusCode":404,"error":"Not Found"}' };
}

export const RESPONSE_HEADERS = { "content-type": JSON_TYPE };

/**
 * A `fetch` that answers in-process with a fresh `Response` holding the canned JSON: no socket, no server. Like a
 * real `fetch`, it first makes a `Request` of whatever it was given (grantkit passes a `Request`, auth0 a URL string
 * and an init object), so both clients pay the same for that step; it never reads the request body, for either.
 */
export function cannedFetch(input, init) {
  const request = new Request(input, init);
  const url = request.url;
  const queryAt = url.indexOf("?");
  const pathname = new URL(queryAt === -1 ? url : url.slice(0, queryAt)).pathname;
  const { status, body } = answer(request.method, pathname, request.headers.get("authorization"));
  return Promise.resolve(new Response(body, { status, headers: RESPONSE_HEADERS }));
}
