import {
  checkClientOptions,
  checkId,
  checkUrl,
  createApiClient,
  invalid,
  shown,
  type AuthOptions,
  type CallOptions,
  type ClientOptions,
  type RawClient,
} from "@grantkit/client/core";
import type { AdminPaths, CreateAdminClientRequest } from "@grantkit/types";
import { TenantClients } from "./clients.js";
import { provisionClient, type ProvisionedClient } from "./provision.js";
import type { SecretOptions } from "./secret-options.js";
import { ClientSecrets, type SecretsContext } from "./secrets.js";
import { vantageTokenEndpoint, type AdminClientCredentials } from "./token.js";

/** The admin API versions. `v2` (the vendor's current docs) takes the same fields as `v1`. */
export type AdminApiVersion = "v1" | "v2";

interface Location {
  /** The Vantage region's root, for example `https://vantage-us.abbyy.com` or `https://vantage-eu.abbyy.com`. */
  baseUrl?: string;
  /** The tenant whose clients are managed. */
  tenantId: string;
  /** The admin API version. Default `"v1"`. */
  apiVersion?: AdminApiVersion;
  /** The API root, instead of `{baseUrl}/api/adminapi2/{apiVersion}`: for proxies and tests. */
  apiUrl?: string;
  /** Where `clientCredentials` are exchanged, instead of `{baseUrl}/auth2/connect/token`. */
  tokenUrl?: string;
}

/**
 * Options of {@link createAdminClient}: where the tenant is, how to authenticate (exactly one of `token`,
 * `getToken` or `clientCredentials`), and transport options. `baseUrl` is required unless `apiUrl` is given, and,
 * with `clientCredentials`, `tokenUrl` too.
 */
export type AdminClientOptions = Location & AuthOptions<AdminClientCredentials> & ClientOptions;

/** The client {@link createAdminClient} returns. */
export interface AdminApiClient {
  /** The API clients of the tenant. */
  readonly clients: TenantClients;
  /** The client secrets of the tenant's API clients. */
  readonly secrets: ClientSecrets;
  /**
   * Creates a client, then its first secret. Both are checked before anything is sent; if the secret step fails,
   * a `ProvisioningError` names the client that was created (it exists, without a secret).
   *
   * @example
   * const { client, secret } = await admin.provisionClient(
   *   { clientId: "invoice-robot", clientName: "Invoice robot", allowedScopes: ["openid", "permissions", "publicapi.all"] },
   *   { description: "first secret" },
   * );
   */
  provisionClient(body: CreateAdminClientRequest, secretOptions?: SecretOptions, callOptions?: CallOptions): Promise<ProvisionedClient>;
  /** The typed openapi-fetch client for calls not wrapped here. It throws the same errors. */
  readonly raw: RawClient<AdminPaths>;
}

const VERSIONS: readonly string[] = ["v1", "v2"];

/**
 * The methods sent again after a 5xx or a lost answer. The admin API documents only creations (POST), which are
 * retried on 429 alone; the list is for `raw` calls to operations the spec does not cover yet.
 */
const RETRIED_METHODS = ["GET", "PUT", "DELETE"];

/** A URL option, checked, without the trailing slashes that would double up when paths are appended. */
function rootUrl(value: string | undefined, name: string, root = true): string | undefined {
  if (value === undefined) return undefined;
  checkUrl(value, name, "https://vantage-us.abbyy.com", root);
  return value.replace(/\/+$/, "");
}

/**
 * Creates a client for the ABBYY Vantage admin API: a tenant's API clients and their client secrets.
 *
 * @example
 * const admin = createAdminClient({
 *   baseUrl: "https://vantage-us.abbyy.com",
 *   tenantId: process.env.VANTAGE_TENANT_ID!,
 *   clientCredentials: { clientId: process.env.VANTAGE_CLIENT_ID!, clientSecret: process.env.VANTAGE_CLIENT_SECRET! },
 * });
 */
export function createAdminClient(options: AdminClientOptions): AdminApiClient {
  checkClientOptions(options);
  const { tenantId, apiVersion = "v1" } = options;
  checkId(tenantId, "tenantId");
  if (!VERSIONS.includes(apiVersion)) invalid(`apiVersion must be "v1" or "v2", got ${shown(apiVersion)}`);
  const baseUrl = rootUrl(options.baseUrl, "baseUrl");
  const apiUrl = rootUrl(options.apiUrl, "apiUrl") ?? (baseUrl && `${baseUrl}/api/adminapi2/${apiVersion}`);
  if (apiUrl === undefined) invalid("Pass baseUrl (the region's root, such as https://vantage-us.abbyy.com) or apiUrl");
  const credentials = options.clientCredentials;
  const tokenUrl = rootUrl(options.tokenUrl, "tokenUrl", false) ?? (baseUrl && `${baseUrl}/auth2/connect/token`);
  if (credentials !== undefined && tokenUrl === undefined) {
    invalid("clientCredentials need a token endpoint: pass baseUrl, or tokenUrl alongside apiUrl");
  }

  const tokenEndpoint = tokenUrl === undefined ? undefined : vantageTokenEndpoint(tokenUrl);
  // The redactor: secret values this client is shown later are added to it (see SecretsContext).
  const { raw, unchecked, redactor } = createApiClient<AdminPaths, AdminClientCredentials>(
    { apiUrl, tokenEndpoint, retryMethods: RETRIED_METHODS },
    options,
  );
  const context: SecretsContext = { raw: unchecked, tenantId, redactor };
  return {
    clients: new TenantClients(unchecked, tenantId),
    secrets: new ClientSecrets(context),
    provisionClient: (body, secretOptions, callOptions) => provisionClient(context, body, secretOptions, callOptions),
    raw,
  };
}
