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
} from "@grantkit/types";
import { managementRequests } from "@grantkit/types";
import { listShape } from "../core/client.js";
import { AN_OBJECT, checkId, checkOperationRequest, operation, type ApiClient, type CallOptions } from "../core/index.js";
import { checkListFilters, checkScopeList } from "./checks.js";
import {
  checkWalkOptions,
  pageOf,
  walkListing,
  type ArrayQuery,
  type CheckpointQuery,
  type ListingPage,
  type TotalsQuery,
  type WalkOptions,
} from "./listing.js";

export type { PageProgress, WalkOptions } from "./listing.js";
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
    checkOperationRequest(LIST, { query });
    checkWalkOptions(options);
    const { onPage, ...callOptions } = options;
    return walkListing(query, (pageQuery) => this.listPage(pageQuery, callOptions), onPage);
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
    checkOperationRequest(ORGANIZATIONS, { path: { id }, query });
    checkWalkOptions(options);
    const { onPage, ...callOptions } = options;
    return walkListing(query, (pageQuery) => this.organizationsPage(id, pageQuery, callOptions), onPage);
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
