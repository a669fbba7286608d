import {
  managementRequests,
  type ListResourceServersQuery,
  type ListResourceServersResponse,
  type ManagementPaths,
  type ResourceServer,
  type ResourceServersWithTotals,
} from "@grantkit/types/management";
import { listShape } from "../core/client.js";
import { operation, type ApiClient, type CallOptions } from "../core/index.js";
import { pageOf, walkOperation, type ListingPage, type WalkOptions } from "./listing.js";

/** One page of APIs, whichever of the two list shapes the server answered with. */
export type ResourceServerPage = ListingPage<ResourceServer>;

const LIST = operation<ListResourceServersResponse>(managementRequests, "GET /resource-servers", listShape("resource_servers"));

/** `client.resourceServers`: the tenant's APIs, read to resolve a grant's audience and check its scopes. */
export class ResourceServers {
  readonly #call: ApiClient<ManagementPaths>["call"];

  /** @internal */
  constructor(call: ApiClient<ManagementPaths>["call"]) {
    this.#call = call;
  }

  /**
   * `GET /resource-servers`: one call, typed by the query: `{ start, limit, total, resource_servers }` with
   * `include_totals: true`, a plain array otherwise. `identifiers` picks APIs by their identifier (a grant's
   * audience), at most 10.
   *
   * @example
   * const [api] = await client.resourceServers.list({ identifiers: ["https://billing.example.com/"] });
   */
  list(query: ListResourceServersQuery & { include_totals: true }, options?: CallOptions): Promise<ResourceServersWithTotals>;
  list(query?: ListResourceServersQuery & { include_totals?: false | undefined }, options?: CallOptions): Promise<ResourceServer[]>;
  list(query?: ListResourceServersQuery, options?: CallOptions): Promise<ListResourceServersResponse>;
  list(query: ListResourceServersQuery = {}, options?: CallOptions): Promise<ListResourceServersResponse> {
    return this.#call(LIST, { query }, options);
  }

  /** One page of APIs as `{ items, total? }`, whichever list shape the server answered with. */
  async listPage(query: ListResourceServersQuery = {}, options?: CallOptions): Promise<ResourceServerPage> {
    return pageOf(await this.list(query, options), "resource_servers");
  }

  /**
   * Every API matching the query, across pages of `per_page` (50 by default), by page number: this listing has no
   * checkpoints.
   *
   * @example
   * for await (const api of client.resourceServers.all()) console.log(api.identifier, api.scopes?.length);
   */
  all(query: ListResourceServersQuery = {}, options: WalkOptions = {}): AsyncGenerator<ResourceServer, void, undefined> {
    return walkOperation(LIST, { query }, options, (pageQuery, callOptions) => this.listPage(pageQuery, callOptions), false);
  }
}
