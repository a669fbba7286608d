/**
 * `@grantkit/client/core`: the runtime both grantkit clients are built on, and the surface `@grantkit/admin-client`
 * and other client packages build on: the client factory (auth, timeouts, retries, redirects, redaction), operations
 * checked against a spec's generated rules, the checks a client's own options need, the errors, and the rate-limit
 * budget. Application code rarely needs it; what it exports is a promise to client packages built on it. The modules
 * it exports from sit beside it; those it does not are in `src/core/internal` (the Auth0 client in the same package
 * may use them, no other package may: `pnpm lint:layout`).
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
  type ApiClient,
  type ApiDescription,
  type ApiLocation,
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
  type ApiErrorClass,
  type ApiErrorInit,
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
export type { RateLimit } from "./rate-limit.js";
export { Redactor } from "./redaction.js";
export type { RetryOptions } from "./retry.js";
export {
  checkCallOptions,
  checkId,
  checkObject,
  checkUrl,
  invalid,
  isRecord,
  parseUrl,
  shown,
} from "./validate.js";
