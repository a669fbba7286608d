export { createManagementClient, type ManagementClient, type ManagementClientOptions } from "./management/client.js";
export type { ManagementLocation } from "./management/location.js";
export {
  ClientGrants,
  type ClientGrantKey,
  type ClientGrantPage,
  type DesiredClientGrant,
  type EnsureResult,
  type OrganizationPage,
  type PageProgress,
  type WalkOptions,
} from "./management/client-grants.js";
export { clientGrantUpdate, isGrantFor } from "./management/grant-comparison.js";
export { Clients, type ClientPage } from "./management/clients.js";
export type { ArrayQuery, CheckpointQuery, ListingPage, TotalsQuery } from "./management/listing.js";
export { Organizations } from "./management/organizations.js";
export { ResourceServers, type ResourceServerPage } from "./management/resource-servers.js";
export type { Auth0ClientCredentials } from "./management/token.js";
export { ManagementApiError } from "./management/errors.js";
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
} from "./core/index.js";
export type * from "@grantkit/types/management";
