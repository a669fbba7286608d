// @ts-check
// The canned Management API every contender talks to, byte for byte the same for all: the answers, and the one
// function that decides them, used by the in-process canned fetch (canned-fetch.mjs) and by the loopback server
// (server.mjs) alike.
import { isDeepStrictEqual } from "node:util";

export const TOKEN = "bench-token-0123456789abcdef";
/** The tenant domain the SDKs are configured with; the bench never resolves it. */
export const DOMAIN = "bench.example.auth0.com";
export const GRANT_ID = "cgr_4pI9a42haOLLWnwq";
export const PAGE_SIZE = 50;

/** @typedef {"get" | "list" | "create" | "update"} Op */
/** The operations measured: one grant, one page of PAGE_SIZE grants, a create and an update. @type {Op[]} */
export const OPS = ["get", "list", "create", "update"];

/** @param {number} i */
function grant(i) {
  return {
    id: i === 0 ? GRANT_ID : `cgr_${String(i).padStart(16, "0")}`,
    client_id: `4Yf3vHvIkyUEoR1HXpVr0cFfaM8s${String(i).padStart(4, "0")}`,
    audience: "https://billing.example.com/",
    scope: ["read:invoices", "write:invoices", "read:customers", "delete:drafts"],
    organization_usage: /** @type {const} */ ("allow"),
    allow_any_organization: false,
    is_system: false,
    subject_type: /** @type {const} */ ("client"),
    authorization_details_types: [],
    allow_all_scopes: false,
  };
}

export const CREATE_BODY = {
  client_id: "4Yf3vHvIkyUEoR1HXpVr0cFfaM8sFMPo",
  audience: "https://billing.example.com/",
  scope: ["read:invoices", "write:invoices"],
  organization_usage: /** @type {const} */ ("allow"),
  subject_type: /** @type {const} */ ("client"),
};

export const UPDATE_BODY = { scope: ["read:invoices", "read:customers"], allow_any_organization: true };

/**
 * What each operation must hand back to its caller, whatever the SDK's own wrapping: one grant, or the grants of
 * the page. The contenders are checked against these before anything is measured.
 */
export const EXPECTED = {
  get: grant(0),
  list: Array.from({ length: PAGE_SIZE }, (_, i) => grant(i)),
  create: { ...grant(0), ...CREATE_BODY },
  update: { ...grant(0), ...UPDATE_BODY },
};

const BODIES = {
  get: JSON.stringify(EXPECTED.get),
  list: JSON.stringify({ client_grants: EXPECTED.list, next: "MjAyNi0xMS0yM1QxMzowMDowMC4wMDBa" }),
  create: JSON.stringify(EXPECTED.create),
  update: JSON.stringify(EXPECTED.update),
};

/** Sizes of the canned answers, for the report. */
export const BODY_BYTES = Object.fromEntries(Object.entries(BODIES).map(([op, body]) => [op, Buffer.byteLength(body)]));

export const RESPONSE_HEADERS = { "content-type": "application/json; charset=utf-8" };

/** @param {number} status @param {string} error */
const failure = (status, error) => ({ status, body: JSON.stringify({ statusCode: status, error }) });

/**
 * The answer to one request, `{ status, body }`. A request without the bench's bearer token is a 401, a wrong
 * body or page size a 400, anything else the bench does not send a 404: a contender that sends the wrong thing
 * fails its check instead of measuring nothing.
 *
 * @param {{ method: string, url: string, authorization: string | null | undefined, body?: string | undefined }} request
 *   `url` is the path and query (or a whole URL); `body` is checked when given: the in-process canned fetch reads
 *   it only while the contenders are checked, the loopback server always.
 */
export function answer({ method, url, authorization, body }) {
  if (authorization !== `Bearer ${TOKEN}`) return failure(401, "Unauthorized");
  const queryAt = url.indexOf("?");
  const path = (queryAt === -1 ? url : url.slice(0, queryAt)).replace(/^https?:\/\/[^/]+/, "");
  const query = new URLSearchParams(queryAt === -1 ? "" : url.slice(queryAt + 1));
  const bodyIs = (/** @type {unknown} */ expected) => body === undefined || isDeepStrictEqual(JSON.parse(body || "null"), expected);

  if (path === "/api/v2/client-grants" && method === "GET") {
    return query.get("take") === String(PAGE_SIZE) ? { status: 200, body: BODIES.list } : failure(400, "Bad page size");
  }
  if (path === "/api/v2/client-grants" && method === "POST") {
    return bodyIs(CREATE_BODY) ? { status: 201, body: BODIES.create } : failure(400, "Bad create body");
  }
  if (path === `/api/v2/client-grants/${GRANT_ID}` && method === "GET") return { status: 200, body: BODIES.get };
  if (path === `/api/v2/client-grants/${GRANT_ID}` && method === "PATCH") {
    return bodyIs(UPDATE_BODY) ? { status: 200, body: BODIES.update } : failure(400, "Bad update body");
  }
  return failure(404, "Not Found");
}
