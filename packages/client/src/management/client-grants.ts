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
  ManagementOperations,
  ManagementPaths,
  Organization,
  OrganizationClientGrant,
  OrganizationClientGrantsWithTotals,
  UpdateClientGrantRequest,
} from "@grantkit/types";
import { managementRules } from "@grantkit/types";
import {
  AN_OBJECT,
  checkCallOptions,
  checkId,
  dataOf,
  invalid,
  listShape,
  UNPARSED,
  type CallOptions,
  type RawClient,
} from "../core/index.js";
import { checkCreate, checkListQuery, checkPaging, checkUpdate } from "./checks.js";
import {
  pageOf,
  walkListing,
  type ArrayQuery,
  type CheckpointQuery,
  type ListingPage,
  type PageProgress,
  type TotalsQuery,
} from "./listing.js";

export type { PageProgress } from "./listing.js";
/** One page of client grants, whichever of the three list shapes the server answered with. */
export type ClientGrantPage = ListingPage<ClientGrant>;
/** One page of the organizations a grant is assigned to, whichever of the three list shapes the server answered with. */
export type OrganizationPage = ListingPage<Organization>;

export interface WalkOptions extends CallOptions {
  /** Called after each page is fetched, before its items are yielded. */
  onPage?: ((progress: PageProgress) => void) | undefined;
}

/**
 * The generated types openapi-fetch checks a request against. Their lists are mutable where the clients take
 * read-only ones (a caller's `as const` scopes): the request is only serialized, so it is passed as the generated type.
 */
type Sent = ManagementComponents["schemas"];
type SentQuery<Operation extends keyof ManagementOperations> = NonNullable<ManagementOperations[Operation]["parameters"]["query"]>;

const GRANT_LIST = listShape("client_grants");
const ORGANIZATION_LIST = listShape("organizations");
const ORGANIZATION_ID_MAX = managementRules.organizationId.maxLength;

/** A walk checks its options when it is created, not when its first page is read. */
function checkWalkOptions(options: WalkOptions): void {
  checkCallOptions(options);
  if (options.onPage !== undefined && typeof options.onPage !== "function") invalid("options.onPage must be a function");
}

/** `client.clientGrants`: the client grants of a tenant, and the organizations they are assigned to. */
export class ClientGrants {
  readonly #raw: RawClient<ManagementPaths>;

  constructor(raw: RawClient<ManagementPaths>) {
    this.#raw = raw;
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
  async list(query: ListClientGrantsQuery = {}, options: CallOptions = {}): Promise<ListClientGrantsResponse> {
    checkCallOptions(options);
    checkListQuery(query);
    return dataOf(await this.#raw.GET("/client-grants", { params: { query }, signal: options.signal, ...UNPARSED }), GRANT_LIST);
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
    checkListQuery(query);
    checkWalkOptions(options);
    const { onPage, ...callOptions } = options;
    return walkListing(query, (pageQuery) => this.listPage(pageQuery, callOptions), onPage);
  }

  /** `POST /client-grants`: `audience` is required; `client_id` and `default_for` exclude each other. */
  async create(body: CreateClientGrantRequest, options: CallOptions = {}): Promise<ClientGrant> {
    checkCallOptions(options);
    checkCreate(body);
    return dataOf(await this.#raw.POST("/client-grants", { body: body as Sent["CreateClientGrantRequest"], signal: options.signal, ...UNPARSED }), AN_OBJECT);
  }

  /** `GET /client-grants/{id}`. */
  async get(id: string, options: CallOptions = {}): Promise<ClientGrant> {
    checkCallOptions(options);
    checkId(id, "id");
    return dataOf(await this.#raw.GET("/client-grants/{id}", { params: { path: { id } }, signal: options.signal, ...UNPARSED }), AN_OBJECT);
  }

  /**
   * `PATCH /client-grants/{id}`: at least one field; `null` clears `scope`, `organization_usage`,
   * `allow_any_organization` or `allow_all_scopes`.
   *
   * @example
   * await client.clientGrants.update("cgr_123", { scope: ["read:invoices"], organization_usage: null });
   */
  async update(id: string, body: UpdateClientGrantRequest, options: CallOptions = {}): Promise<ClientGrant> {
    checkCallOptions(options);
    checkId(id, "id");
    checkUpdate(body);
    return dataOf(
      await this.#raw.PATCH("/client-grants/{id}", {
        params: { path: { id } },
        body: body as Sent["UpdateClientGrantRequest"],
        signal: options.signal,
        ...UNPARSED,
      }),
      AN_OBJECT,
    );
  }

  /** `DELETE /client-grants/{id}`. */
  async delete(id: string, options: CallOptions = {}): Promise<void> {
    checkCallOptions(options);
    checkId(id, "id");
    await this.#raw.DELETE("/client-grants/{id}", { params: { path: { id } }, signal: options.signal, ...UNPARSED });
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
  async organizations(
    id: string,
    query: ListClientGrantOrganizationsQuery = {},
    options: CallOptions = {},
  ): Promise<ListClientGrantOrganizationsResponse> {
    checkCallOptions(options);
    checkId(id, "id");
    checkPaging(query);
    return dataOf(
      await this.#raw.GET("/client-grants/{id}/organizations", {
        params: { path: { id }, query },
        signal: options.signal,
        ...UNPARSED,
      }),
      ORGANIZATION_LIST,
    );
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
    checkId(id, "id");
    checkPaging(query);
    checkWalkOptions(options);
    const { onPage, ...callOptions } = options;
    return walkListing(query, (pageQuery) => this.organizationsPage(id, pageQuery, callOptions), onPage);
  }

  /** `POST /organizations/{id}/client-grants`: assigns the grant to the organization. */
  async assignToOrganization(
    organizationId: string,
    grantId: string,
    options: CallOptions = {},
  ): Promise<OrganizationClientGrant> {
    checkCallOptions(options);
    checkId(organizationId, "organizationId", ORGANIZATION_ID_MAX);
    checkId(grantId, "grantId");
    return dataOf(
      await this.#raw.POST("/organizations/{id}/client-grants", {
        params: { path: { id: organizationId } },
        body: { grant_id: grantId },
        signal: options.signal,
        ...UNPARSED,
      }),
      AN_OBJECT,
    );
  }

  /** `DELETE /organizations/{id}/client-grants/{grant_id}`: removes the grant from the organization. */
  async removeFromOrganization(organizationId: string, grantId: string, options: CallOptions = {}): Promise<void> {
    checkCallOptions(options);
    checkId(organizationId, "organizationId", ORGANIZATION_ID_MAX);
    checkId(grantId, "grantId");
    await this.#raw.DELETE("/organizations/{id}/client-grants/{grant_id}", {
      params: { path: { id: organizationId, grant_id: grantId } },
      signal: options.signal,
      ...UNPARSED,
    });
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
  async listForOrganization(
    organizationId: string,
    query: ListOrganizationClientGrantsQuery = {},
    options: CallOptions = {},
  ): Promise<ListOrganizationClientGrantsResponse> {
    checkCallOptions(options);
    checkId(organizationId, "organizationId", ORGANIZATION_ID_MAX);
    checkPaging(query);
    return dataOf(
      await this.#raw.GET("/organizations/{id}/client-grants", {
        params: { path: { id: organizationId }, query: query as SentQuery<"listOrganizationClientGrants"> },
        signal: options.signal,
        ...UNPARSED,
      }),
      GRANT_LIST,
    );
  }
}
