import { checkId, checkUrl, invalid, shown, type ApiLocation, type ClientCredentials } from "@grantkit/client/core";
import { vantageTokenEndpoint, type AdminClientCredentials } from "./token.js";

/** The admin API versions. `v2` (the vendor's current docs) takes the same fields as `v1`. */
export type AdminApiVersion = "v1" | "v2";

/**
 * Where the tenant's admin API is: a Vantage region, or `baseUrl` (and `tokenUrl`) for proxies and tests.
 * @expand
 */
export interface AdminLocation {
  /**
   * The Vantage region's root, for example `https://vantage-us.abbyy.com` or `https://vantage-eu.abbyy.com`: the API
   * is at `{regionUrl}/api/adminapi2/{apiVersion}` and the token endpoint at `{regionUrl}/auth2/connect/token`.
   */
  regionUrl?: string | undefined;
  /** The tenant whose clients are managed. */
  tenantId: string;
  /** The admin API version under `regionUrl`. Default `"v1"`. */
  apiVersion?: AdminApiVersion | undefined;
  /** The API root, instead of `{regionUrl}/api/adminapi2/{apiVersion}`: for proxies and tests. */
  baseUrl?: string | undefined;
  /** Where `clientCredentials` are exchanged, instead of `{regionUrl}/auth2/connect/token`. */
  tokenUrl?: string | undefined;
}

const VERSIONS: readonly string[] = ["v1", "v2"];
const API_PATH = "/api/adminapi2";
/** Paths under a region's root: a region URL holding one is the root of something else. */
const REGION_PATHS = /\/(api\/adminapi2|auth2)(\/|$)/i;

/**
 * A URL option, checked, without the trailing slashes that would double up when paths are appended. A `root` has
 * paths appended to it, so it takes no query, fragment or braces.
 */
function rootUrl(value: string | undefined, name: string, example: string, root = true): string | undefined {
  if (value === undefined) return undefined;
  checkUrl(value, name, example, root);
  return value.replace(/\/+$/, "");
}

/** ABBYY's own hosts serve the admin API only under `/api/adminapi2`. */
function isVantageHost(url: URL): boolean {
  return url.hostname === "abbyy.com" || url.hostname.endsWith(".abbyy.com");
}

/** Where the admin API is, and the tenant whose clients are managed. */
export interface AdminApiLocation extends ApiLocation<AdminClientCredentials> {
  tenantId: string;
}

/** The API root, the token endpoint and the tenant the options give, each checked. */
export function resolveLocation(options: AdminLocation & { clientCredentials?: ClientCredentials | undefined }): AdminApiLocation {
  const { tenantId, apiVersion = "v1" } = options;
  checkId(tenantId, "tenantId");
  if (!VERSIONS.includes(apiVersion)) invalid(`apiVersion must be "v1" or "v2", got ${shown(apiVersion)}`);
  const regionUrl = rootUrl(options.regionUrl, "regionUrl", "https://vantage-us.abbyy.com");
  if (regionUrl !== undefined && REGION_PATHS.test(new URL(regionUrl).pathname)) {
    const { origin, pathname } = new URL(regionUrl);
    invalid(`regionUrl must be the Vantage region's root, such as ${origin}, not a URL under it (got ${origin}${pathname}); pass the admin API's own root as baseUrl`);
  }
  const baseUrl = rootUrl(options.baseUrl, "baseUrl", `https://vantage-us.abbyy.com${API_PATH}/v1`);
  if (baseUrl !== undefined && isVantageHost(new URL(baseUrl)) && !new URL(baseUrl).pathname.toLowerCase().includes(API_PATH)) {
    const { origin, pathname } = new URL(baseUrl);
    invalid(`baseUrl must be the admin API's root, such as ${origin}${API_PATH}/v1 (got ${origin}${pathname}); to name the region, pass regionUrl: "${origin}"`);
  }
  const apiUrl = baseUrl ?? (regionUrl && `${regionUrl}${API_PATH}/${apiVersion}`);
  if (apiUrl === undefined) invalid("Pass regionUrl (the Vantage region's root, such as https://vantage-us.abbyy.com) or baseUrl (the API root)");
  const tokenUrl =
    rootUrl(options.tokenUrl, "tokenUrl", "https://vantage-us.abbyy.com/auth2/connect/token", false) ??
    (regionUrl && `${regionUrl}/auth2/connect/token`);
  if (options.clientCredentials !== undefined && tokenUrl === undefined) {
    invalid("clientCredentials need a token endpoint: pass regionUrl, or tokenUrl alongside baseUrl");
  }
  return { tenantId, apiUrl, tokenEndpoint: tokenUrl === undefined ? undefined : vantageTokenEndpoint(tokenUrl) };
}
