/**
 * The ABBYY Vantage admin API's types by readable name, its generated types and its request rules: what
 * `@grantkit/admin-client` exports, and `@grantkit/types/admin`.
 */
import type { components as AdminComponents } from "../admin.js";
import type { Input, Spec } from "../naming.js";

export type { components as AdminComponents, operations as AdminOperations, paths as AdminPaths } from "../admin.js";
export { adminRequests, type AdminOperation, type OperationRules, type RequestRule, type RequestRules } from "../rules.js";

type AdminSchemas = AdminComponents["schemas"];

/** The one value `allowedScopes` accepts, in this order. */
export type AllowedScopes = AdminSchemas["AllowedScopes"];
/** One of the {@link AllowedScopes}. */
export type AllowedScope = AllowedScopes[number];
/**
 * An API client of a Vantage tenant. Its `allowedScopes` is typed as the list a JSON answer holds, as `admin.raw`
 * types it too (a request must list exactly the {@link AllowedScopes}, in their order).
 */
export interface TenantClient extends Omit<AdminSchemas["Client"], "allowedScopes"> {
  /** The resources and user data the client's tokens carry: the {@link AllowedScopes}. */
  allowedScopes?: AllowedScope[];
}
/** The body of `POST /tenants/{tenantId}/clients/`. */
export interface CreateTenantClientRequest extends Input<AdminSchemas["CreateClientRequest"]> {}
/** The body of `POST /tenants/{tenantId}/clients/{clientId}/secrets/`. */
export interface CreateClientSecretRequest extends Input<AdminSchemas["CreateClientSecretRequest"]> {}
/** A client secret as created: `value` is shown only this once. */
export interface ClientSecret extends Spec<AdminSchemas["ClientSecret"]> {}
/** The form body of the token endpoint. */
export interface TokenRequest extends Spec<AdminSchemas["TokenRequest"]> {}
/** The token endpoint's answer. */
export interface TokenResponse extends Spec<AdminSchemas["TokenResponse"]> {}
/** The OAuth 2.0 error body of the token endpoint. */
export interface OAuthErrorBody extends Spec<AdminSchemas["OAuthError"]> {}
/** The problem details body of the admin API's error responses. */
export interface AdminProblemDetails extends Spec<AdminSchemas["ProblemDetails"]> {}
/**
 * The body of an `AdminApiError`: the admin API's problem details, the token endpoint's OAuth 2.0 error; or the text
 * of a body that is not JSON, or `undefined` for an empty one. It is what the server sent (credentials redacted), not
 * checked against these shapes: a proxy in between may send other JSON.
 */
export type AdminApiErrorBody = AdminProblemDetails | OAuthErrorBody | string | undefined;
