/**
 * The Auth0 Management API's types by readable name, its generated types and its request rules: what
 * `@grantkit/client` exports, and `@grantkit/types/management`.
 */
import type { components as ManagementComponents, operations as ManagementOperations } from "../management.js";
import type { Input, Renamed, Spec } from "../naming.js";

export type {
  components as ManagementComponents,
  operations as ManagementOperations,
  paths as ManagementPaths,
} from "../management.js";
export { managementRequests, type ManagementOperation, type OperationRules, type RequestRule, type RequestRules } from "../rules.js";

type ManagementSchemas = ManagementComponents["schemas"];
type QueryOf<Operation extends keyof ManagementOperations> = NonNullable<
  ManagementOperations[Operation]["parameters"]["query"]
>;

/** A client grant: which client may get tokens for which API (audience), with which scopes. */
export interface ClientGrant extends Spec<ManagementSchemas["ClientGrant"]> {}
/** The body of `POST /client-grants`. `audience` is required; `client_id` and `default_for` exclude each other. */
export interface CreateClientGrantRequest extends Input<ManagementSchemas["CreateClientGrantRequest"]> {}
/** The body of `PATCH /client-grants/{id}`: at least one field; `null` clears a nullable one. */
export interface UpdateClientGrantRequest extends Input<ManagementSchemas["UpdateClientGrantRequest"]> {}
/** The query of `GET /client-grants`. */
export interface ListClientGrantsQuery extends Input<QueryOf<"listClientGrants">> {}
/** `GET /client-grants` with `include_totals: true`: one page of grants, with the total count. */
export interface ClientGrantsWithTotals
  extends Renamed<ManagementSchemas["ClientGrantsWithTotals"], { client_grants: ClientGrant[] }> {}
/** `GET /client-grants` with checkpoint paging (`from` or `take`): one page of grants, and the next checkpoint. */
export interface ClientGrantsCheckpoint
  extends Renamed<ManagementSchemas["ClientGrantsCheckpoint"], { client_grants: ClientGrant[] }> {}
/** The three shapes `GET /client-grants` answers with: a plain array, with totals, or a checkpoint page. */
export type ListClientGrantsResponse = ClientGrant[] | ClientGrantsWithTotals | ClientGrantsCheckpoint;
export type OrganizationUsage = ManagementSchemas["OrganizationUsage"];
export type SubjectType = ManagementSchemas["SubjectType"];
export type DefaultFor = ManagementSchemas["DefaultFor"];
/** An organization of the tenant. */
export interface Organization extends Spec<ManagementSchemas["Organization"]> {}
/** The query of `GET /client-grants/{id}/organizations`. */
export interface ListClientGrantOrganizationsQuery extends Input<QueryOf<"listClientGrantOrganizations">> {}
/** `GET /client-grants/{id}/organizations` with `include_totals: true`. */
export interface ClientGrantOrganizationsWithTotals
  extends Renamed<ManagementSchemas["ClientGrantOrganizationsWithTotals"], { organizations: Organization[] }> {}
/** `GET /client-grants/{id}/organizations` with checkpoint paging (`from` or `take`). */
export interface ClientGrantOrganizationsCheckpoint
  extends Renamed<ManagementSchemas["ClientGrantOrganizationsCheckpoint"], { organizations: Organization[] }> {}
/** The three shapes `GET /client-grants/{id}/organizations` answers with, as `GET /client-grants` does. */
export type ListClientGrantOrganizationsResponse =
  | Organization[]
  | ClientGrantOrganizationsWithTotals
  | ClientGrantOrganizationsCheckpoint;
/** A client grant as an organization sees it. */
export interface OrganizationClientGrant extends Spec<ManagementSchemas["OrganizationClientGrant"]> {}
/** The query of `GET /organizations/{id}/client-grants`. */
export interface ListOrganizationClientGrantsQuery extends Input<QueryOf<"listOrganizationClientGrants">> {}
/** `GET /organizations/{id}/client-grants` with `include_totals: true`. */
export interface OrganizationClientGrantsWithTotals
  extends Renamed<ManagementSchemas["OrganizationClientGrantsWithTotals"], { client_grants: OrganizationClientGrant[] }> {}
/** The two shapes `GET /organizations/{id}/client-grants` answers with: a plain array, or with totals. */
export type ListOrganizationClientGrantsResponse = OrganizationClientGrant[] | OrganizationClientGrantsWithTotals;
/** The kind of application an Auth0 client is (`non_interactive` for a machine-to-machine one). */
export type AppType = ManagementSchemas["AppType"];
/**
 * An Auth0 client (an application), with the fields the spec lists; Auth0 sends more. With `fields`, only the ones
 * asked for.
 */
export interface Auth0Client extends Spec<ManagementSchemas["Client"]> {}
/** The query of `GET /clients`. */
export interface ListClientsQuery extends Input<QueryOf<"listClients">> {}
/** `GET /clients` with `include_totals: true`. */
export interface ClientsWithTotals extends Renamed<ManagementSchemas["ClientsWithTotals"], { clients: Auth0Client[] }> {}
/** `GET /clients` with checkpoint paging (`from` or `take`). */
export interface ClientsCheckpoint extends Renamed<ManagementSchemas["ClientsCheckpoint"], { clients: Auth0Client[] }> {}
/** The three shapes `GET /clients` answers with, as `GET /client-grants` does. */
export type ListClientsResponse = Auth0Client[] | ClientsWithTotals | ClientsCheckpoint;
/** One scope an API defines. */
export interface ResourceServerScope extends Spec<ManagementSchemas["ResourceServerScope"]> {}
/** An API of the tenant (a resource server): a grant's audience is its `identifier`. */
export interface ResourceServer extends Renamed<ManagementSchemas["ResourceServer"], { scopes?: ResourceServerScope[] }> {}
/** The query of `GET /resource-servers`. */
export interface ListResourceServersQuery extends Input<QueryOf<"listResourceServers">> {}
/** `GET /resource-servers` with `include_totals: true`. */
export interface ResourceServersWithTotals
  extends Renamed<ManagementSchemas["ResourceServersWithTotals"], { resource_servers: ResourceServer[] }> {}
/** The two shapes `GET /resource-servers` answers with: a plain array, or with totals (page numbers only). */
export type ListResourceServersResponse = ResourceServer[] | ResourceServersWithTotals;
/** The error body of every Management API error response. */
export interface ManagementErrorBody extends Spec<ManagementSchemas["Error"]> {}
/** The OAuth 2.0 error body of the tenant's token endpoint (`POST /oauth/token`). */
export interface Auth0TokenErrorBody extends Spec<ManagementSchemas["OAuthError"]> {}
/**
 * The body of a `ManagementApiError`, as Auth0 documents its errors: the Management API's error, the token endpoint's
 * OAuth 2.0 error; or the text of a body that is not JSON, or `undefined` for an empty one. It is what the server sent
 * (credentials redacted), not checked against these shapes: a proxy in between may send other JSON.
 */
export type ManagementApiErrorBody = ManagementErrorBody | Auth0TokenErrorBody | string | undefined;
