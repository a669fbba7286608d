import {
  createApiClient,
  type AuthOptions,
  type CallOptions,
  type ClientOptions,
  type RawClient,
} from "@grantkit/client/core";
import { adminRequests, type AdminPaths, type CreateTenantClientRequest } from "@grantkit/types/admin";
import { TenantClients } from "./clients.js";
import { AdminApiError } from "./errors.js";
import { resolveLocation, type AdminLocation } from "./location.js";
import { provisionClient, type ProvisionedClient } from "./provision.js";
import type { SecretOptions } from "./secret-options.js";
import { ClientSecrets, secretOperation, type SecretsContext } from "./secrets.js";
import type { AdminClientCredentials } from "./token.js";

/**
 * Options of {@link createAdminClient}: where the tenant is, how to authenticate (exactly one of `token`,
 * `getToken` or `clientCredentials`), and transport options. `regionUrl` is required unless `baseUrl` is given, and,
 * with `clientCredentials`, `tokenUrl` too.
 */
export type AdminClientOptions = AdminLocation & AuthOptions<AdminClientCredentials> & ClientOptions;

/**
 * The Vantage admin API of one tenant, as {@link createAdminClient} returns it, as `createManagementClient` returns a
 * `ManagementClient`. (A `TenantClient` is one of the tenant's API clients, which this object creates.)
 */
export interface AdminClient {
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
  provisionClient(body: CreateTenantClientRequest, secretOptions?: SecretOptions, callOptions?: CallOptions): Promise<ProvisionedClient>;
  /** The typed openapi-fetch client for calls not wrapped here. It throws the same errors. */
  readonly raw: RawClient<AdminPaths>;
}

/**
 * The methods sent again after a 5xx or a lost answer. The admin API documents only creations (POST), which are
 * retried on 429 alone; the list says what would be retried once the spec covers reads, replacements or removals.
 */
const RETRIED_METHODS = ["GET", "PUT", "DELETE"];

/**
 * Creates a client for the ABBYY Vantage admin API: a tenant's API clients and their client secrets.
 *
 * @example
 * const admin = createAdminClient({
 *   regionUrl: "https://vantage-us.abbyy.com",
 *   tenantId: process.env.VANTAGE_TENANT_ID!,
 *   clientCredentials: { clientId: process.env.VANTAGE_CLIENT_ID!, clientSecret: process.env.VANTAGE_CLIENT_SECRET! },
 * });
 */
export function createAdminClient(options: AdminClientOptions): AdminClient {
  // The redactor: secret values this client is shown later are added to it (see SecretsContext).
  const { raw, call, redactor, location } = createApiClient(
    { locate: resolveLocation, retryMethods: RETRIED_METHODS, requests: adminRequests, apiError: AdminApiError },
    options,
  );
  const { tenantId } = location;
  const context: SecretsContext = { call, tenantId, redactor, createSecret: secretOperation(redactor) };
  return {
    clients: new TenantClients(call, tenantId),
    secrets: new ClientSecrets(context),
    provisionClient: (body, secretOptions, callOptions) => provisionClient(context, body, secretOptions, callOptions),
    raw,
  };
}
