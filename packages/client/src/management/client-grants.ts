import type {
  ClientGrant,
  ClientGrantOrganizationsCheckpoint,
  ClientGrantOrganizationsWithTotals,
  ClientGrantsCheckpoint,
  ClientGrantsWithTotals,
  CreateClientGrantRequest,
  ListClientGrantOrganizationsQuery,
  ListClientGrantOrganizationsResponse,
  ListClientGrantsQuery,
  ListClientGrantsResponse,
  ListOrganizationClientGrantsQuery,
  ListOrganizationClientGrantsResponse,
  ManagementComponents,
  ManagementPaths,
  Organization,
  OrganizationClientGrant,
  OrganizationClientGrantsWithTotals,
  UpdateClientGrantRequest,
} from "@grantkit/types/management";
import { managementRequests } from "@grantkit/types/management";
import { listShape } from "../core/client.js";
import { AN_OBJECT, ApiError, checkId, checkOperationRequest, invalid, operation, type ApiClient, type CallOptions } from "../core/index.js";
import { checkGrantKey, checkListFilters, checkScopeList } from "./checks.js";
import {
  clientGrantCreate,
  clientGrantUpdate,
  isGrantFor,
  type ClientGrantKey,
  type DesiredClientGrant,
} from "./grant-comparison.js";
import {
  pageOf,
  walkOperation,
  type ArrayQuery,
  type CheckpointQuery,
  type ListingPage,
  type TotalsQuery,
  type WalkOptions,
} from "./listing.js";

export type { PageProgress, WalkOptions } from "./listing.js";
export type { ClientGrantKey, DesiredClientGrant } from "./grant-comparison.js";

/** What {@link ClientGrants.ensure} did, and the grant as it now is. */
export interface EnsureResult {
  /** `"unchanged"` when the grant already was as desired: then nothing was written. */
  action: "created" | "updated" | "unchanged";
  /** The grant as the tenant now has it. */
  grant: ClientGrant;
}
/** One page of client grants, whichever of the three list shapes the server answered with. */
export type ClientGrantPage = ListingPage<ClientGrant>;
/** One page of the organizations a grant is assigned to, whichever of the three list shapes the server answered with. */
export type OrganizationPage = ListingPage<Organization>;

const GRANT_LIST = listShape("client_grants");
const ORGANIZATION_LIST = listShape("organizations");
const ORGANIZATION_NAMES = { id: "organizationId", grant_id: "grantId" };

const LIST = operation<ListClientGrantsResponse>(managementRequests, "GET /client-grants", GRANT_LIST, { check: checkListFilters });
const CREATE = operation<ClientGrant>(managementRequests, "POST /client-grants", AN_OBJECT, {
  bodyLabel: "The client grant",
  check: checkScopeList,
});
const GET = operation<ClientGrant>(managementRequests, "GET /client-grants/{id}", AN_OBJECT);
const UPDATE = operation<ClientGrant>(managementRequests, "PATCH /client-grants/{id}", AN_OBJECT, {
  bodyLabel: "The update",
  check: checkScopeList,
});
const DELETE = operation<void>(managementRequests, "DELETE /client-grants/{id}", undefined);
const ORGANIZATIONS = operation<ListClientGrantOrganizationsResponse>(
  managementRequests,
  "GET /client-grants/{id}/organizations",
  ORGANIZATION_LIST,
);
const ORGANIZATION_GRANTS = operation<ListOrganizationClientGrantsResponse>(
  managementRequests,
  "GET /organizations/{id}/client-grants",
  GRANT_LIST,
  { names: ORGANIZATION_NAMES, check: checkListFilters },
);
const ASSIGN = operation<OrganizationClientGrant>(managementRequests, "POST /organizations/{id}/client-grants", AN_OBJECT, {
  names: ORGANIZATION_NAMES,
  // The grant travels in the body, but it is an id as much as in a path: "." or ".." names no grant.
  check: ({ body }) => checkId((body as { grant_id?: unknown }).grant_id, "grantId"),
});
const REMOVE = operation<void>(managementRequests, "DELETE /organizations/{id}/client-grants/{grant_id}", undefined, {
  names: ORGANIZATION_NAMES,
});


/** `client.clientGrants`: the client grants of a tenant, and the organizations they are assigned to. */
export class ClientGrants {
  readonly #call: ApiClient<ManagementPaths>["call"];

  /** @internal */
  constructor(call: ApiClient<ManagementPaths>["call"]) {
    this.#call = call;
  }

  /**
   * `GET /client-grants`: one call, answered in the shape the query asks for, and typed so: a checkpoint page
   * `{ next?, client_grants }` when `from` or `take` is set, `{ start, limit, total, client_grants }` with
   * `include_totals: true`, a plain array otherwise.
   *
   * `client_id` and `default_for` exclude each other here too, as the vendor documents for this filter: passing
   * both is refused before anything is sent.
   *
   * @example
   * const { total, client_grants } = await client.clientGrants.list({ include_totals: true, page: 0, per_page: 50 });
   */
  list(query: ListClientGrantsQuery & CheckpointQuery, options?: CallOptions): Promise<ClientGrantsCheckpoint>;
  list(query: ListClientGrantsQuery & TotalsQuery, options?: CallOptions): Promise<ClientGrantsWithTotals>;
  list(query?: ListClientGrantsQuery & ArrayQuery, options?: CallOptions): Promise<ClientGrant[]>;
  list(query?: ListClientGrantsQuery, options?: CallOptions): Promise<ListClientGrantsResponse>;
  list(query: ListClientGrantsQuery = {}, options?: CallOptions): Promise<ListClientGrantsResponse> {
    return this.#call(LIST, { query }, options);
  }

  /** One page of grants as `{ items, total?, next? }`, whichever list shape the server answered with. */
  async listPage(query: ListClientGrantsQuery = {}, options: CallOptions = {}): Promise<ClientGrantPage> {
    return pageOf(await this.list(query, options), "client_grants");
  }

  /**
   * Every grant matching the query, across pages, fetched as they are needed. Checkpoint paging (`from`/`take`)
   * by default, following the server's `next`; page numbers when the query sets `page` or `per_page`.
   *
   * @example
   * for await (const grant of client.clientGrants.all({ audience: "https://api.example.com/" })) {
   *   console.log(grant.id, grant.scope);
   * }
   */
  all(query: ListClientGrantsQuery = {}, options: WalkOptions = {}): AsyncGenerator<ClientGrant, void, undefined> {
    return walkOperation(LIST, { query }, options, (pageQuery, callOptions) => this.listPage(pageQuery, callOptions));
  }

  /**
   * The grant `key` names (its `client_id` or `default_for`, `audience`, and `subject_type`, `"client"` when left
   * out), or `undefined` when the tenant has none.
   *
   * @example
   * const grant = await client.clientGrants.find({ client_id: "4Yf3vHvIkyUEoR1HXpVr0cFfaM8sFMPo", audience: "https://billing.example.com/" });
   */
  async find(key: ClientGrantKey, options?: CallOptions): Promise<ClientGrant | undefined> {
    checkGrantKey(key);
    // The subject type is matched here, not filtered by the server: a grant made before subject types existed
    // carries none, and a `subject_type=client` filter would miss it.
    const query = key.client_id === undefined ? { audience: key.audience, default_for: key.default_for } : { audience: key.audience, client_id: key.client_id };
    for await (const grant of this.all(query, options)) if (isGrantFor(grant, key)) return grant;
    return undefined;
  }

  /**
   * Makes the grant `desired` names be as it says: creates it when the tenant has none, updates the fields that
   * differ (scopes compared as a set), or leaves it. A field `desired` leaves out is left as the tenant has it.
   * A create answered 409 (the grant was made since it was looked for) is adopted: found again and updated. A
   * system grant is never changed: one that differs is an `InvalidRequestError`.
   *
   * @example
   * const { action, grant } = await client.clientGrants.ensure({
   *   client_id: "4Yf3vHvIkyUEoR1HXpVr0cFfaM8sFMPo",
   *   audience: "https://billing.example.com/",
   *   scope: ["read:invoices", "write:invoices"],
   * });
   */
  async ensure(desired: DesiredClientGrant, options?: CallOptions): Promise<EnsureResult> {
    // All of `desired` is checked as the create it may become before the find sends anything: a field the spec
    // refuses is an error before any request, not after the walk.
    checkGrantKey(desired);
    checkOperationRequest(CREATE, { body: desired });
    const current = await this.find(desired, options);
    if (current !== undefined) return this.#bringTo(current, desired, options);
    try {
      return { action: "created", grant: await this.create(clientGrantCreate(desired), options) };
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 409)) throw error;
      const existing = await this.find(desired, options);
      if (existing === undefined) throw error;
      return this.#bringTo(existing, desired, options);
    }
  }

  async #bringTo(current: ClientGrant, desired: DesiredClientGrant, options: CallOptions | undefined): Promise<EnsureResult> {
    const update = clientGrantUpdate(current, desired);
    if (update === undefined) return { action: "unchanged", grant: current };
    if (current.is_system === true) {
      invalid(`client grant ${current.id} is a system grant, which Auth0 does not let anyone change`);
    }
    return { action: "updated", grant: await this.update(current.id, update, options) };
  }

  /** `POST /client-grants`: `audience` is required; `client_id` and `default_for` exclude each other. */
  create(body: CreateClientGrantRequest, options?: CallOptions): Promise<ClientGrant> {
    return this.#call(CREATE, { body }, options);
  }

  /** `GET /client-grants/{id}`. */
  get(id: string, options?: CallOptions): Promise<ClientGrant> {
    return this.#call(GET, { path: { id } }, options);
  }

  /**
   * `PATCH /client-grants/{id}`: at least one field; `null` clears `scope`, `organization_usage`,
   * `allow_any_organization` or `allow_all_scopes`.
   *
   * @example
   * await client.clientGrants.update("cgr_123", { scope: ["read:invoices"], organization_usage: null });
   */
  update(id: string, body: UpdateClientGrantRequest, options?: CallOptions): Promise<ClientGrant> {
    return this.#call(UPDATE, { path: { id }, body }, options);
  }

  /** `DELETE /client-grants/{id}`. */
  delete(id: string, options?: CallOptions): Promise<void> {
    return this.#call(DELETE, { path: { id } }, options);
  }

  /**
   * `GET /client-grants/{id}/organizations`: the organizations the grant is assigned to, in the shape the query
   * asks for, as {@link ClientGrants.list}: `{ next?, organizations }` when `from` or `take` is set,
   * `{ start, limit, total, organizations }` with `include_totals: true`, a plain array otherwise.
   */
  organizations(
    id: string,
    query: ListClientGrantOrganizationsQuery & CheckpointQuery,
    options?: CallOptions,
  ): Promise<ClientGrantOrganizationsCheckpoint>;
  organizations(
    id: string,
    query: ListClientGrantOrganizationsQuery & TotalsQuery,
    options?: CallOptions,
  ): Promise<ClientGrantOrganizationsWithTotals>;
  organizations(id: string, query?: ListClientGrantOrganizationsQuery & ArrayQuery, options?: CallOptions): Promise<Organization[]>;
  organizations(
    id: string,
    query?: ListClientGrantOrganizationsQuery,
    options?: CallOptions,
  ): Promise<ListClientGrantOrganizationsResponse>;
  organizations(
    id: string,
    query: ListClientGrantOrganizationsQuery = {},
    options?: CallOptions,
  ): Promise<ListClientGrantOrganizationsResponse> {
    return this.#call(ORGANIZATIONS, { path: { id }, query }, options);
  }

  /** One page of the grant's organizations as `{ items, total?, next? }`, whichever list shape the server answered with. */
  async organizationsPage(
    id: string,
    query: ListClientGrantOrganizationsQuery = {},
    options: CallOptions = {},
  ): Promise<OrganizationPage> {
    return pageOf(await this.organizations(id, query, options), "organizations");
  }

  /**
   * Every organization the grant is assigned to, across pages, as {@link ClientGrants.all} walks grants:
   * checkpoints by default, page numbers when the query sets `page` or `per_page`.
   *
   * @example
   * for await (const organization of client.clientGrants.allOrganizations("cgr_123")) console.log(organization.id);
   */
  allOrganizations(
    id: string,
    query: ListClientGrantOrganizationsQuery = {},
    options: WalkOptions = {},
  ): AsyncGenerator<Organization, void, undefined> {
    return walkOperation(ORGANIZATIONS, { path: { id }, query }, options, (pageQuery, callOptions) => this.organizationsPage(id, pageQuery, callOptions));
  }

  /** `POST /organizations/{id}/client-grants`: assigns the grant to the organization. */
  assignToOrganization(organizationId: string, grantId: string, options?: CallOptions): Promise<OrganizationClientGrant> {
    const body = { grant_id: grantId } satisfies ManagementComponents["schemas"]["AssignClientGrantRequest"];
    return this.#call(ASSIGN, { path: { id: organizationId }, body }, options);
  }

  /** `DELETE /organizations/{id}/client-grants/{grant_id}`: removes the grant from the organization. */
  removeFromOrganization(organizationId: string, grantId: string, options?: CallOptions): Promise<void> {
    return this.#call(REMOVE, { path: { id: organizationId, grant_id: grantId } }, options);
  }

  /**
   * `GET /organizations/{id}/client-grants`: the grants assigned to the organization, typed by the query:
   * `{ start, limit, total, client_grants }` with `include_totals: true`, a plain array otherwise.
   */
  listForOrganization(
    organizationId: string,
    query: ListOrganizationClientGrantsQuery & { include_totals: true },
    options?: CallOptions,
  ): Promise<OrganizationClientGrantsWithTotals>;
  listForOrganization(
    organizationId: string,
    query?: ListOrganizationClientGrantsQuery & { include_totals?: false | undefined },
    options?: CallOptions,
  ): Promise<OrganizationClientGrant[]>;
  listForOrganization(
    organizationId: string,
    query?: ListOrganizationClientGrantsQuery,
    options?: CallOptions,
  ): Promise<ListOrganizationClientGrantsResponse>;
  listForOrganization(
    organizationId: string,
    query: ListOrganizationClientGrantsQuery = {},
    options?: CallOptions,
  ): Promise<ListOrganizationClientGrantsResponse> {
    return this.#call(ORGANIZATION_GRANTS, { path: { id: organizationId }, query }, options);
  }
}
