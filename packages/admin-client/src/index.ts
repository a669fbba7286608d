export { createAdminClient, type AdminClientOptions, type AdminClient } from "./admin/client.js";
export type { AdminApiVersion, AdminLocation } from "./admin/location.js";
export { TenantClients } from "./admin/clients.js";
export { ClientSecrets } from "./admin/secrets.js";
export { ProvisioningError, type ProvisionedClient } from "./admin/provision.js";
export type { CreatedClientSecret } from "./admin/created-secret.js";
export type { DateInput, SecretOptions } from "./admin/secret-options.js";
export type { AdminClientCredentials } from "./admin/token.js";
export { AdminApiError } from "./admin/errors.js";
export {
  ApiError,
  GrantkitError,
  InvalidRequestError,
  NetworkError,
  RedirectError,
  RequestError,
  ResponseParseError,
  TimeoutError,
  type CallOptions,
  type RateLimit,
  type RetryOptions,
} from "@grantkit/client/core";
export type * from "@grantkit/types/admin";
