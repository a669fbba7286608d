import { AN_OBJECT, checkCallOptions, dataOf, UNPARSED, type CallOptions, type RawClient } from "@grantkit/client/core";
import type { AdminClient, AdminComponents, AdminPaths, CreateAdminClientRequest } from "@grantkit/types";
import { checkCreateClient } from "./checks.js";

/** `POST /tenants/{tenantId}/clients/`, without the checks: the caller has made them. */
export async function postClient(
  raw: RawClient<AdminPaths>,
  tenantId: string,
  body: CreateAdminClientRequest,
  options: CallOptions,
): Promise<AdminClient> {
  const result = await raw.POST("/tenants/{tenantId}/clients/", {
    params: { path: { tenantId } },
    // The generated type openapi-fetch checks the body against has mutable lists where the client takes read-only
    // ones (a caller's `as const` scopes): the body is only serialized, so it is passed as the generated type.
    body: body as AdminComponents["schemas"]["CreateClientRequest"],
    signal: options.signal,
    ...UNPARSED,
  });
  return dataOf(result, AN_OBJECT);
}

/** `admin.clients`: the API clients of the tenant. */
export class TenantClients {
  readonly #raw: RawClient<AdminPaths>;
  readonly #tenantId: string;

  constructor(raw: RawClient<AdminPaths>, tenantId: string) {
    this.#raw = raw;
    this.#tenantId = tenantId;
  }

  /**
   * `POST /tenants/{tenantId}/clients/`: creates an API client. `clientId` and `clientName` must be non-empty,
   * `allowedScopes` exactly `["openid", "permissions", "publicapi.all"]`, each redirect URI an absolute URL (a
   * prefix such as `https://myDomain.` is fine) and each CORS origin `scheme://host[:port]`; anything else is an
   * `InvalidRequestError`, and nothing is sent.
   *
   * @example
   * const client = await admin.clients.create({
   *   clientId: "invoice-robot",
   *   clientName: "Invoice robot",
   *   allowedGrantTypes: ["client_credentials"],
   *   allowedScopes: ["openid", "permissions", "publicapi.all"],
   * });
   */
  async create(body: CreateAdminClientRequest, options: CallOptions = {}): Promise<AdminClient> {
    checkCreateClient(body);
    checkCallOptions(options);
    return postClient(this.#raw, this.#tenantId, body, options);
  }
}
