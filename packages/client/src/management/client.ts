import type { ManagementPaths } from "@grantkit/types";
import {
  checkClientOptions,
  checkNonEmptyString,
  checkUrl,
  createApiClient,
  invalid,
  type AuthOptions,
  type ClientOptions,
  type RawClient,
} from "../core/index.js";
import { ClientGrants } from "./client-grants.js";
import { auth0TokenEndpoint, type Auth0ClientCredentials } from "./token.js";

interface Location {
  /** The tenant's domain, for example `example.us.auth0.com`: the API is at `https://{domain}/api/v2`. */
  domain?: string | undefined;
  /** The API root, instead of the one `domain` gives: for proxies and tests. */
  baseUrl?: string | undefined;
  /** Where `clientCredentials` are exchanged. Default `https://{domain}/oauth/token`. */
  tokenUrl?: string | undefined;
}

/** Options of {@link createManagementClient}: where the tenant is, how to authenticate, and transport options. */
export type ManagementClientOptions = Location & AuthOptions<Auth0ClientCredentials> & ClientOptions;

/**
 * The methods sent again after a 5xx or a lost answer. Auth0's PATCH sets the fields it is given, so a second one
 * leaves the grant as the first did; POST creates, so it is retried only on 429.
 */
const RETRIED_METHODS = ["GET", "PUT", "PATCH", "DELETE"];

export interface ManagementClient {
  /** The client grants of the tenant, and the organizations they are assigned to. */
  readonly clientGrants: ClientGrants;
  /** The typed openapi-fetch client for calls not wrapped here. It throws the same errors. */
  readonly raw: RawClient<ManagementPaths>;
}

/**
 * Creates a client for the Auth0 Management API v2 client grants.
 *
 * @example
 * const client = createManagementClient({
 *   domain: "example.us.auth0.com",
 *   clientCredentials: { clientId: process.env.AUTH0_CLIENT_ID!, clientSecret: process.env.AUTH0_CLIENT_SECRET! },
 * });
 * const grant = await client.clientGrants.create({ client_id: "abc", audience: "https://api.example.com/" });
 */
/** Whether `text` parses as a URL (a port above 65535 does not). */
function isUrl(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

export function createManagementClient(options: ManagementClientOptions): ManagementClient {
  checkClientOptions(options);
  const { domain, baseUrl, tokenUrl } = options;
  if (domain !== undefined && (typeof domain !== "string" || !/^[a-z0-9.-]+(:\d{1,5})?$/i.test(domain) || !isUrl(`https://${domain}`))) {
    // Never repeat a value with an `@`: it may hold a password.
    const got = typeof domain === "string" && !domain.includes("@") ? `, got "${domain}"` : "";
    invalid(`domain must be a host name such as example.us.auth0.com (no scheme, no path)${got}`);
  }
  if (baseUrl !== undefined) checkUrl(baseUrl, "baseUrl", "https://example.us.auth0.com/api/v2", true);
  const audience = (options.clientCredentials as { audience?: unknown } | undefined)?.audience;
  if (audience !== undefined) checkNonEmptyString(audience, "clientCredentials.audience");
  if (tokenUrl !== undefined) checkUrl(tokenUrl, "tokenUrl", "https://example.us.auth0.com/oauth/token");
  if (domain === undefined && baseUrl === undefined) invalid("Pass domain (or baseUrl)");
  const apiUrl = baseUrl ?? `https://${domain}/api/v2`;
  // The token is for the tenant's Management API: `https://{domain}/api/v2/`, whatever proxy baseUrl points at.
  const tokenEndpoint = auth0TokenEndpoint(
    tokenUrl ?? (domain ? `https://${domain}/oauth/token` : new URL("/oauth/token", apiUrl).href),
    domain ? `https://${domain}/api/v2/` : `${apiUrl.replace(/\/+$/, "")}/`,
  );
  const { raw, unchecked } = createApiClient<ManagementPaths, Auth0ClientCredentials>(
    { apiUrl, tokenEndpoint, retryMethods: RETRIED_METHODS },
    options,
  );
  return { clientGrants: new ClientGrants(unchecked), raw };
}
