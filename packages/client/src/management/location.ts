import { checkUrl, invalid, parseUrl, type ApiLocation, type ClientCredentials } from "../core/index.js";
import { checkNonEmptyString } from "../core/validate.js";
import { auth0TokenEndpoint, type Auth0ClientCredentials } from "./token.js";

/**
 * Where the tenant's Management API is: `domain`, or `baseUrl` (and `tokenUrl`) for proxies and tests.
 * @expand
 */
export interface ManagementLocation {
  /** The tenant's domain, for example `example.us.auth0.com`: the API is at `https://{domain}/api/v2`. */
  domain?: string | undefined;
  /** The API root, instead of the one `domain` gives (`https://{domain}/api/v2`): for proxies and tests. */
  baseUrl?: string | undefined;
  /** Where `clientCredentials` are exchanged. Default `https://{domain}/oauth/token`. */
  tokenUrl?: string | undefined;
}

const HOST = /^[a-z0-9.-]+(:\d{1,5})?$/i;


/**
 * Auth0 serves the Management API only under `/api/v2` and the token endpoint only at `/oauth/token`: a URL on the
 * tenant's domain (or any `*.auth0.com` host) without a path is a domain passed as a URL, and every call would miss.
 */
function checkHasPath(url: string, name: string, what: string, path: string, domain: string | undefined): void {
  const { host, hostname, pathname, origin } = new URL(url);
  const onAuth0 = hostname === "auth0.com" || hostname.endsWith(".auth0.com") || host === domain;
  if (onAuth0 && pathname.replace(/\/+$/, "") === "") {
    invalid(`${name} must be ${what}, with its path: ${origin}${path} (got ${origin}, where Auth0 serves no API); or pass domain: "${host}" instead`);
  }
}

export type ManagementApiLocation = ApiLocation<Auth0ClientCredentials>;

/** The API root and the token endpoint the options give, each checked, and the audience a token is asked for. */
export function resolveLocation(options: ManagementLocation & { clientCredentials?: ClientCredentials | undefined }): ManagementApiLocation {
  const { domain, baseUrl, tokenUrl } = options;
  if (domain !== undefined && (typeof domain !== "string" || !HOST.test(domain) || parseUrl(`https://${domain}`) === undefined)) {
    // Never repeat a value with an `@`: it may hold a password.
    const got = typeof domain === "string" && !domain.includes("@") ? `, got "${domain}"` : "";
    invalid(`domain must be a host name such as example.us.auth0.com (no scheme, no path)${got}`);
  }
  if (baseUrl !== undefined) {
    checkUrl(baseUrl, "baseUrl", "https://example.us.auth0.com/api/v2", true);
    checkHasPath(baseUrl, "baseUrl", "the API root", "/api/v2", domain);
  }
  if (tokenUrl !== undefined) {
    checkUrl(tokenUrl, "tokenUrl", "https://example.us.auth0.com/oauth/token");
    checkHasPath(tokenUrl, "tokenUrl", "the token endpoint", "/oauth/token", domain);
  }
  if (domain === undefined && baseUrl === undefined) invalid("Pass domain (or baseUrl, the API root)");
  const audience = (options.clientCredentials as { audience?: unknown } | undefined)?.audience;
  if (audience !== undefined) checkNonEmptyString(audience, "clientCredentials.audience");
  const apiUrl = baseUrl ?? `https://${domain}/api/v2`;
  // The token is for the tenant's Management API: `https://{domain}/api/v2/`, whatever proxy baseUrl points at.
  const tokenEndpoint = auth0TokenEndpoint(
    tokenUrl ?? (domain ? `https://${domain}/oauth/token` : new URL("/oauth/token", apiUrl).href),
    domain ? `https://${domain}/api/v2/` : `${apiUrl.replace(/\/+$/, "")}/`,
  );
  return { apiUrl, tokenEndpoint };
}
