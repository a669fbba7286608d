/**
 * Readable names for the types generated from grantkit's OpenAPI specs. The generated modules themselves
 * (`./management.ts`, `./admin.ts`) are rewritten by `pnpm generate`; only this file is written by hand.
 */
import type { components as ManagementComponents, operations as ManagementOperations } from "./management.js";
import type { components as AdminComponents } from "./admin.js";

export type {
  components as ManagementComponents,
  operations as ManagementOperations,
  paths as ManagementPaths,
} from "./management.js";
export type { components as AdminComponents, operations as AdminOperations, paths as AdminPaths } from "./admin.js";
export { adminRules, managementRules } from "./rules.js";

type ManagementSchemas = ManagementComponents["schemas"];
type QueryOf<Operation extends keyof ManagementOperations> = NonNullable<
  ManagementOperations[Operation]["parameters"]["query"]
>;

/** A client grant: which client may get tokens for which API (audience), with which scopes. */
export type ClientGrant = ManagementSchemas["ClientGrant"];
/** The body of `POST /client-grants`. `audience` is required; `client_id` and `default_for` exclude each other. */
export type CreateClientGrantRequest = ManagementSchemas["CreateClientGrantRequest"];
/** The body of `PATCH /client-grants/{id}`: at least one field; `null` clears a nullable one. */
export type UpdateClientGrantRequest = ManagementSchemas["UpdateClientGrantRequest"];
/** The query of `GET /client-grants`. */
export type ListClientGrantsQuery = QueryOf<"listClientGrants">;
/** The three shapes `GET /client-grants` answers with: a plain array, with totals, or a checkpoint page. */
export type ListClientGrantsResponse = ManagementSchemas["ListClientGrantsResponse"];
export type ClientGrantsWithTotals = ManagementSchemas["ClientGrantsWithTotals"];
export type ClientGrantsCheckpoint = ManagementSchemas["ClientGrantsCheckpoint"];
export type OrganizationUsage = ManagementSchemas["OrganizationUsage"];
export type SubjectType = ManagementSchemas["SubjectType"];
export type DefaultFor = ManagementSchemas["DefaultFor"];
export type Organization = ManagementSchemas["Organization"];
/** The query of `GET /client-grants/{id}/organizations`. */
export type ListClientGrantOrganizationsQuery = QueryOf<"listClientGrantOrganizations">;
/** The three shapes `GET /client-grants/{id}/organizations` answers with, as `GET /client-grants` does. */
export type ListClientGrantOrganizationsResponse = ManagementSchemas["ListClientGrantOrganizationsResponse"];
export type ClientGrantOrganizationsWithTotals = ManagementSchemas["ClientGrantOrganizationsWithTotals"];
export type ClientGrantOrganizationsCheckpoint = ManagementSchemas["ClientGrantOrganizationsCheckpoint"];
/** A client grant as an organization sees it. */
export type OrganizationClientGrant = ManagementSchemas["OrganizationClientGrant"];
/** The query of `GET /organizations/{id}/client-grants`. */
export type ListOrganizationClientGrantsQuery = QueryOf<"listOrganizationClientGrants">;
/** The two shapes `GET /organizations/{id}/client-grants` answers with: a plain array, or with totals. */
export type ListOrganizationClientGrantsResponse = ManagementSchemas["ListOrganizationClientGrantsResponse"];
export type OrganizationClientGrantsWithTotals = ManagementSchemas["OrganizationClientGrantsWithTotals"];
/** The error body of every Management API error response. */
export type ManagementErrorBody = ManagementSchemas["Error"];

type AdminSchemas = AdminComponents["schemas"];

/** An API client of a Vantage tenant. */
export type AdminClient = AdminSchemas["Client"];
/** The body of `POST /tenants/{tenantId}/clients/`. */
export type CreateAdminClientRequest = AdminSchemas["CreateClientRequest"];
/** The one value `allowedScopes` accepts. */
export type AllowedScopes = AdminSchemas["AllowedScopes"];
/** The body of `POST /tenants/{tenantId}/clients/{clientId}/secrets/`. */
export type CreateClientSecretRequest = AdminSchemas["CreateClientSecretRequest"];
/** A client secret as created: `value` is shown only this once. */
export type ClientSecret = AdminSchemas["ClientSecret"];
/** The form body of the token endpoint. */
export type TokenRequest = AdminSchemas["TokenRequest"];
/** The token endpoint's answer. */
export type TokenResponse = AdminSchemas["TokenResponse"];
/** The OAuth 2.0 error body of the token endpoint. */
export type OAuthErrorBody = AdminSchemas["OAuthError"];
/** The problem details body of the admin API's error responses. */
export type AdminProblemDetails = AdminSchemas["ProblemDetails"];
