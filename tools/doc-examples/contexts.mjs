// @ts-check
// What the examples take from around them. A README's examples read like one story (`client` is made in the
// first, used in the next), and a TSDoc example or an HTTP reference sample shows one call on a client the
// reader already has. Each source's context, a file in contexts/, gives those names; it is put before every
// example of that source, which runs in a block of its own so that it may declare the same names again.
import { readFile } from "node:fs/promises";

/** The context of each source, by its path or the folder it is in (ending in `/`). Others need none. */
const CONTEXTS = {
  "packages/client/README.md": "client-readme.ts",
  "packages/admin-client/README.md": "admin-client-readme.ts",
  "packages/testing/README.md": "testing-readme.ts",
  "packages/client/src/": "client-src.ts",
  "packages/admin-client/src/": "admin-client-src.ts",
  "openapi/management.yaml": "management-spec.ts",
  "openapi/admin.yaml": "admin-spec.ts",
};

/**
 * The environment the examples read, as a reader's deployment would set it. The tenant is the spec's example.
 * @type {Record<string, string>}
 */
export const EXAMPLE_ENV = {
  AUTH0_TOKEN: "example-management-token",
  AUTH0_CLIENT_ID: "example-auth0-client-id",
  AUTH0_CLIENT_SECRET: "example-auth0-client-secret",
  VANTAGE_BASE_URL: "https://vantage-us.abbyy.com",
  VANTAGE_TENANT_ID: "8f1f5d3a-2c4b-4e4f-9a37-6f0c8c2b7d15",
  VANTAGE_CLIENT_ID: "example-vantage-client-id",
  VANTAGE_CLIENT_SECRET: "example-vantage-client-secret",
  VANTAGE_TOKEN: "example-vantage-token",
  VANTAGE_ADMIN_CLIENT_ID: "example-vantage-admin-client-id",
  VANTAGE_ADMIN_CLIENT_SECRET: "example-vantage-admin-client-secret",
};

/**
 * The TypeScript a source's examples start from, or "" when the source needs none.
 * @param {string} source a path relative to the repository root
 */
export async function contextOf(source) {
  const key = Object.keys(CONTEXTS)
    .filter((path) => source === path || (path.endsWith("/") && source.startsWith(path)))
    .sort((a, b) => b.length - a.length)[0];
  if (key === undefined) return "";
  const file = CONTEXTS[/** @type {keyof typeof CONTEXTS} */ (key)];
  return readFile(new URL(`contexts/${file}`, import.meta.url), "utf8");
}
