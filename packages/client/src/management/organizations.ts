import { managementRequests, type ManagementPaths, type Organization } from "@grantkit/types/management";
import { AN_OBJECT, operation, type ApiClient, type CallOptions } from "../core/index.js";

const GET = operation<Organization>(managementRequests, "GET /organizations/{id}", AN_OBJECT);

/** `client.organizations`: the tenant's organizations, read to check that a grant's organizations exist. */
export class Organizations {
  readonly #call: ApiClient<ManagementPaths>["call"];

  /** @internal */
  constructor(call: ApiClient<ManagementPaths>["call"]) {
    this.#call = call;
  }

  /**
   * `GET /organizations/{id}`: one organization, or a `ManagementApiError` with status 404 when there is none.
   *
   * @example
   * const organization = await client.organizations.get("org_W3fQ8nTzxRk2Lp0a");
   */
  get(id: string, options?: CallOptions): Promise<Organization> {
    return this.#call(GET, { path: { id } }, options);
  }
}
