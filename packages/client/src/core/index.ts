/**
 * `@grantkit/client/core`: the runtime both grantkit clients are built on, and the surface `@grantkit/admin-client`
 * builds on: the client factory (auth, timeouts, retries, redaction over openapi-fetch), the checks, the errors and
 * pagination. Application code rarely needs it; what it exports is a promise to client packages built on it.
 */
export { responseParseError, type Answer } from "./answer.js";
export type { AuthOptions, ClientCredentials, TokenEndpoint } from "./auth.js";
export {
  createRateLimitBudget,
  RateLimitBudget,
  type RateLimitBudgetOptions,
  type RateLimitState,
  type Release,
} from "./budget.js";
export {
  AN_OBJECT,
  createApiClient,
  listShape,
  type ApiClient,
  type ApiDescription,
  type CallOptions,
  type ClientOptions,
  type RawClient,
} from "./client.js";
export {
  checkOperationRequest,
  operation,
  type Operation,
  type OperationExtras,
  type OperationRequest,
  type Shape,
} from "./operation.js";
export {
  ApiError,
  GrantkitError,
  InvalidRequestError,
  nameErrorClass,
  type NamedErrorClass,
  NetworkError,
  RedirectError,
  RequestError,
  ResponseParseError,
  TimeoutError,
  type RequestLine,
} from "./errors.js";
export { walkPages, type Page } from "./pagination.js";
export type { RateLimit } from "./rate-limit.js";
export { Redactor } from "./redaction.js";
export type { RetryOptions } from "./retry.js";
export {
  checkCallOptions,
  checkClientOptions,
  checkId,
  checkNonEmptyString,
  checkObject,
  checkUrl,
  invalid,
  isRecord,
  parseUrl,
  shown,
} from "./validate.js";
