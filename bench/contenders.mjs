// @ts-check
// The four contenders and the four operations, built over one `fetch` and one origin (the transport). Each
// operation hands back what its caller would use, one grant or the page's grants, whatever the SDK's own wrapping,
// so that every contender can be checked against fixtures.mjs's EXPECTED before it is measured. Every SDK runs
// with its defaults (retries on, default timeouts, token auth).
import { readFileSync } from "node:fs";
import { ManagementClient } from "auth0";
import createClient from "openapi-fetch";
import { createManagementClient } from "@grantkit/client";
import { CREATE_BODY, DOMAIN, GRANT_ID, PAGE_SIZE, TOKEN, UPDATE_BODY } from "./fixtures.mjs";

/** @typedef {import("./fixtures.mjs").Op} Op */
/** @typedef {Record<Op, () => Promise<unknown>>} Calls */
/** @typedef {{ fetch: typeof globalThis.fetch, origin: string }} Transport */
/** @typedef {{ id: string, label: string, create: (transport: Transport) => Calls }} Contender */

/** @param {string} name */
function versionOf(name) {
  // Read from the installed package (this folder's own dependency), so the table names what was measured.
  const manifest = readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url), "utf8");
  return /** @type {{ version: string }} */ (JSON.parse(manifest)).version;
}

/**
 * The requests by hand: `fetch` of the same URL and `response.json()`, no SDK. With `timeoutMs`, each request is
 * bounded as an SDK bounds it, by an `AbortController` aborted from a timer that is cleared once the body is read.
 * @param {{ fetch: typeof globalThis.fetch, origin: string }} transport @param {number} [timeoutMs]
 * @returns {Calls}
 */
function byHand({ fetch, origin }, timeoutMs) {
  const api = `${origin}/api/v2/client-grants`;
  const headers = { authorization: `Bearer ${TOKEN}`, accept: "application/json" };
  const sendHeaders = { ...headers, "content-type": "application/json" };
  /** @param {string} url @param {RequestInit} [init] */
  const json = async (url, init = { headers }) => {
    const response = await fetch(url, init);
    if (!response.ok) throw new Error(`bare fetch: HTTP ${response.status}`);
    return response.json();
  };
  /** @param {string} url @param {RequestInit} [init] */
  const bounded = async (url, init = { headers }) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      return await json(url, { ...init, signal: controller.signal });
    } finally {
      clearTimeout(timer);
    }
  };
  const call = timeoutMs === undefined ? json : bounded;
  return {
    get: () => call(`${api}/${GRANT_ID}`),
    list: async () => (await call(`${api}?take=${PAGE_SIZE}`)).client_grants,
    create: () => call(api, { method: "POST", headers: sendHeaders, body: JSON.stringify(CREATE_BODY) }),
    update: () => call(`${api}/${GRANT_ID}`, { method: "PATCH", headers: sendHeaders, body: JSON.stringify(UPDATE_BODY) }),
  };
}

/** The floor every ratio is taken against: the requests by hand. */
/** @type {Contender} */
const bareFetch = { id: "bare", label: "bare fetch", create: (transport) => byHand(transport) };

/**
 * The floor of any client that bounds each request by a timeout, as grantkit, auth0, ky and openai-node do: the
 * requests by hand with a fresh `AbortController` and a 10 s timer each (grantkit's default `timeoutMs`). What this
 * costs above bare fetch is what the runtime charges for the timeout (on Node 20, undici's handling of a signal).
 */
/** @type {Contender} */
const fetchWithTimeout = { id: "timeout", label: "fetch + timeout", create: (transport) => byHand(transport, 10_000) };

/** openapi-fetch's own typed client over the generated types, nothing added: the floor of a thin layer. */
/** @type {Contender} */
const openapiFetch = {
  id: "openapi-fetch",
  label: `openapi-fetch ${versionOf("openapi-fetch")}`,
  create({ fetch, origin }) {
    const client = /** @type {typeof createClient<import("@grantkit/types").ManagementPaths>} */ (createClient)({
      baseUrl: `${origin}/api/v2`,
      headers: { authorization: `Bearer ${TOKEN}` },
      fetch,
    });
    /** @template T @param {Promise<{ data?: T, response: Response }>} call */
    const dataOf = async (call) => {
      const { data, response } = await call;
      if (!response.ok || data === undefined) throw new Error(`openapi-fetch: HTTP ${response.status}`);
      return data;
    };
    const path = { id: GRANT_ID };
    return {
      get: () => dataOf(client.GET("/client-grants/{id}", { params: { path } })),
      list: async () => {
        const page = await dataOf(client.GET("/client-grants", { params: { query: { take: PAGE_SIZE } } }));
        return Array.isArray(page) ? page : page.client_grants;
      },
      create: () => dataOf(client.POST("/client-grants", { body: CREATE_BODY })),
      update: () => dataOf(client.PATCH("/client-grants/{id}", { params: { path }, body: UPDATE_BODY })),
    };
  },
};

/**
 * The auth0 SDK's ManagementClient. It has no base-URL option (it always calls https://{domain}/api/v2), so over
 * loopback it gets a `fetch` that swaps that origin for the server's in the URL string it is handed.
 *
 * @type {Contender}
 */
const auth0 = {
  id: "auth0",
  label: `auth0 ${versionOf("auth0")}`,
  create({ fetch, origin }) {
    const own = `https://${DOMAIN}`;
    /** @type {typeof globalThis.fetch} */
    const toOrigin = origin === own ? fetch : (url, init) => fetch(String(url).replace(own, origin), init);
    const management = new ManagementClient({ domain: DOMAIN, token: TOKEN, fetch: toOrigin });
    return {
      get: () => management.clientGrants.get(GRANT_ID),
      list: async () => (await management.clientGrants.list({ take: PAGE_SIZE })).data,
      create: () => management.clientGrants.create(CREATE_BODY),
      update: () => management.clientGrants.update(GRANT_ID, UPDATE_BODY),
    };
  },
};

/** `@grantkit/client` as users install it: the package's built `dist`, found by its name. */
/** @type {Contender} */
const grantkit = {
  id: "grantkit",
  label: "@grantkit/client",
  create({ fetch, origin }) {
    const client = createManagementClient({ baseUrl: `${origin}/api/v2`, token: TOKEN, fetch });
    return {
      get: () => client.clientGrants.get(GRANT_ID),
      list: async () => {
        const page = await client.clientGrants.list({ take: PAGE_SIZE });
        return Array.isArray(page) ? page : page.client_grants;
      },
      create: () => client.clientGrants.create(CREATE_BODY),
      update: () => client.clientGrants.update(GRANT_ID, UPDATE_BODY),
    };
  },
};

/** In table order; the first is the floor the others are compared with. */
export const CONTENDERS = [bareFetch, fetchWithTimeout, openapiFetch, auth0, grantkit];
