import type {
  ClientGrant,
  CreateClientGrantRequest,
  ListClientGrantOrganizationsQuery,
  ListClientGrantOrganizationsResponse,
  ListClientGrantsQuery,
  ListClientGrantsResponse,
  ListOrganizationClientGrantsQuery,
  ListOrganizationClientGrantsResponse,
  ManagementPaths,
  OrganizationClientGrant,
  UpdateClientGrantRequest,
} from "@grantkit/types";
import { AN_OBJECT, checkCallOptions, checkId, dataOf, invalid, listShape, walkPages, type CallOptions, type RawClient } from "../core/index.js";
import { checkCreate, checkListQuery, checkPaging, checkUpdate } from "./checks.js";

/** One page of client grants, whichever of the three list shapes the server answered with. */
export interface ClientGrantPage {
  items: ClientGrant[];
  /** The total count, when the page came with totals (`include_totals`, page-number paging). */
  total?: number;
  /** The checkpoint for the next page (pass it as `from`), when there is one. */
  next?: string;
}

/** What {@link ClientGrants.all} reports after each page it fetched. */
export interface PageProgress {
  /** 1 for the first page fetched. */
  page: number;
  /** Grants yielded so far, this page included. */
  fetched: number;
  /** The total count, when the server tells it (page-number paging). */
  total?: number;
}

export interface WalkOptions extends CallOptions {
  /** Called after each page is fetched, before its grants are yielded. */
  onPage?: (progress: PageProgress) => void;
}

const DEFAULT_PAGE_SIZE = 50;
const GRANT_LIST = listShape("client_grants");
const ORGANIZATION_LIST = listShape("organizations");
/** The spec's `maxLength` of an organization id. */
const ORGANIZATION_ID_MAX = 50;

/** `client.clientGrants`: the client grants of a tenant, and the organizations they are assigned to. */
export class ClientGrants {
  readonly #raw: RawClient<ManagementPaths>;

  constructor(raw: RawClient<ManagementPaths>) {
    this.#raw = raw;
  }

  /** `GET /client-grants`: one call, answered in the shape the query asks for. */
  async list(query: ListClientGrantsQuery = {}, options: CallOptions = {}): Promise<ListClientGrantsResponse> {
    checkCallOptions(options);
    checkListQuery(query);
    return dataOf(await this.#raw.GET("/client-grants", { params: { query }, signal: options.signal }), GRANT_LIST);
  }

  /** One page of grants as `{ items, total?, next? }`, whichever list shape the server answered with. */
  async listPage(query: ListClientGrantsQuery = {}, options: CallOptions = {}): Promise<ClientGrantPage> {
    const answer = await this.list(query, options);
    if (Array.isArray(answer)) return { items: answer };
    if ("total" in answer) return { items: answer.client_grants, total: answer.total };
    return { items: answer.client_grants, next: answer.next };
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
    checkCallOptions(options);
    if (options.onPage !== undefined && typeof options.onPage !== "function") invalid("options.onPage must be a function");
    const { onPage, ...callOptions } = options;
    let pages = 0;
    let fetched = 0;
    const report = (page: { items: unknown[]; total?: number | undefined }) => {
      pages += 1;
      fetched += page.items.length;
      onPage?.({ page: pages, fetched, total: page.total });
    };

    if (query.page !== undefined || query.per_page !== undefined) {
      const { from: _from, take: _take, ...rest } = query;
      const perPage = query.per_page ?? DEFAULT_PAGE_SIZE;
      const fetchPage = async (page: number) => {
        const { items, total } = await this.listPage({ ...rest, page, per_page: perPage, include_totals: true }, callOptions);
        const done = items.length < perPage || (total !== undefined && (page + 1) * perPage >= total);
        return { items, total, next: done ? undefined : page + 1 };
      };
      return walkPages(query.page ?? 0, fetchPage, report);
    }

    const { include_totals: _totals, from, ...rest } = query;
    const take = query.take ?? DEFAULT_PAGE_SIZE;
    return walkPages<ClientGrant, string | undefined>(from, (cursor) => this.listPage({ ...rest, from: cursor, take }, callOptions), report);
  }

  /** `POST /client-grants`: `audience` is required; `client_id` and `default_for` exclude each other. */
  async create(body: CreateClientGrantRequest, options: CallOptions = {}): Promise<ClientGrant> {
    checkCallOptions(options);
    checkCreate(body);
    return dataOf(await this.#raw.POST("/client-grants", { body, signal: options.signal }), AN_OBJECT);
  }

  /** `GET /client-grants/{id}`. */
  async get(id: string, options: CallOptions = {}): Promise<ClientGrant> {
    checkCallOptions(options);
    checkId(id, "id");
    return dataOf(await this.#raw.GET("/client-grants/{id}", { params: { path: { id } }, signal: options.signal }), AN_OBJECT);
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
      await this.#raw.PATCH("/client-grants/{id}", { params: { path: { id } }, body, signal: options.signal }),
      AN_OBJECT,
    );
  }

  /** `DELETE /client-grants/{id}`. */
  async delete(id: string, options: CallOptions = {}): Promise<void> {
    checkCallOptions(options);
    checkId(id, "id");
    await this.#raw.DELETE("/client-grants/{id}", { params: { path: { id } }, signal: options.signal });
  }

  /** `GET /client-grants/{id}/organizations`: the organizations the grant is assigned to (checkpoint paging). */
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
      }),
      ORGANIZATION_LIST,
    );
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
    });
  }

  /** `GET /organizations/{id}/client-grants`: the grants assigned to the organization. */
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
        params: { path: { id: organizationId }, query },
        signal: options.signal,
      }),
      GRANT_LIST,
    );
  }
}
