import {
  managementRequests,
  type Auth0Client,
  type ClientsCheckpoint,
  type ClientsWithTotals,
  type ListClientsQuery,
  type ListClientsResponse,
  type ManagementPaths,
} from "@grantkit/types/management";
import { listShape } from "../core/client.js";
import { operation, type ApiClient, type CallOptions } from "../core/index.js";
import {
  pageOf,
  walkOperation,
  type ArrayQuery,
  type CheckpointQuery,
  type ListingPage,
  type TotalsQuery,
  type WalkOptions,
} from "./listing.js";

/** One page of clients, whichever of the three list shapes the server answered with. */
export type ClientPage = ListingPage<Auth0Client>;

const LIST = operation<ListClientsResponse>(managementRequests, "GET /clients", listShape("clients"));

/** `client.clients`: the tenant's clients (applications), read to resolve what a grant's `client_id` names. */
export class Clients {
  readonly #call: ApiClient<ManagementPaths>["call"];

  /** @internal */
  constructor(call: ApiClient<ManagementPaths>["call"]) {
    this.#call = call;
  }

  /**
   * `GET /clients`: one call, answered in the shape the query asks for, as {@link ClientGrants.list}: a checkpoint
   * page `{ next?, clients }` with `from` or `take`, `{ start, limit, total, clients }` with `include_totals: true`,
   * a plain array otherwise. `fields` cuts each client to the fields named.
   *
   * @example
   * const robots = await client.clients.list({ app_type: "non_interactive", fields: "client_id,name" });
   */
  list(query: ListClientsQuery & CheckpointQuery, options?: CallOptions): Promise<ClientsCheckpoint>;
  list(query: ListClientsQuery & TotalsQuery, options?: CallOptions): Promise<ClientsWithTotals>;
  list(query?: ListClientsQuery & ArrayQuery, options?: CallOptions): Promise<Auth0Client[]>;
  list(query?: ListClientsQuery, options?: CallOptions): Promise<ListClientsResponse>;
  list(query: ListClientsQuery = {}, options?: CallOptions): Promise<ListClientsResponse> {
    return this.#call(LIST, { query }, options);
  }

  /** One page of clients as `{ items, total?, next? }`, whichever list shape the server answered with. */
  async listPage(query: ListClientsQuery = {}, options?: CallOptions): Promise<ClientPage> {
    return pageOf(await this.list(query, options), "clients");
  }

  /**
   * Every client matching the query, across pages, fetched as they are needed: checkpoints by default, page numbers
   * when the query sets `page` or `per_page`.
   *
   * @example
   * for await (const app of client.clients.all({ fields: "client_id,name" })) console.log(app.client_id, app.name);
   */
  all(query: ListClientsQuery = {}, options: WalkOptions = {}): AsyncGenerator<Auth0Client, void, undefined> {
    return walkOperation(LIST, { query }, options, (pageQuery, callOptions) => this.listPage(pageQuery, callOptions));
  }
}
