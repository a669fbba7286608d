import { AN_OBJECT, operation, type ApiClient, type CallOptions } from "@grantkit/client/core";
import { adminRequests, type TenantClient, type AdminPaths, type CreateTenantClientRequest } from "@grantkit/types/admin";
import { checkCreateClient } from "./checks.js";

/** `POST /tenants/{tenantId}/clients/`. */
export const CREATE_CLIENT = operation<TenantClient>(adminRequests, "POST /tenants/{tenantId}/clients/", AN_OBJECT, {
  bodyLabel: "The client",
  check: checkCreateClient,
});

/** `admin.clients`: the API clients of the tenant. */
export class TenantClients {
  readonly #call: ApiClient<AdminPaths>["call"];
  readonly #tenantId: string;

  /** @internal */
  constructor(call: ApiClient<AdminPaths>["call"], tenantId: string) {
    this.#call = call;
    this.#tenantId = tenantId;
  }

  /**
   * `POST /tenants/{tenantId}/clients/`: creates an API client. The body is checked against the spec before anything
   * is sent: `clientId` and `clientName` non-empty, `allowedScopes` exactly `["openid", "permissions",
   * "publicapi.all"]`, each redirect URI an absolute URI (a prefix such as `https://myDomain.` is fine), each CORS
   * origin `scheme://host[:port]`, each flag a boolean; anything else is an `InvalidRequestError`.
   *
   * @example
   * const client = await admin.clients.create({
   *   clientId: "invoice-robot",
   *   clientName: "Invoice robot",
   *   allowedGrantTypes: ["client_credentials"],
   *   allowedScopes: ["openid", "permissions", "publicapi.all"],
   * });
   */
  create(body: CreateTenantClientRequest, options?: CallOptions): Promise<TenantClient> {
    return this.#call(CREATE_CLIENT, { path: { tenantId: this.#tenantId }, body }, options);
  }
}
