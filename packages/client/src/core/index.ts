/**
 * `@grantkit/client/core`: the runtime both grantkit clients are built on (auth, retries, timeouts, errors and
 * pagination over openapi-fetch). Application code rarely needs it; `@grantkit/admin-client` imports it.
 */
export { cachedToken, requestToken, resolveTokenSource, type AuthOptions, type IssuedToken, type TokenSource } from "./auth.js";
export {
  AN_OBJECT,
  createRawClient,
  dataOf,
  listShape,
  type CallOptions,
  type ClientOptions,
  type RawClient,
  type Shape,
} from "./client.js";
export {
  ApiError,
  GrantkitError,
  InvalidRequestError,
  NetworkError,
  ResponseParseError,
  TimeoutError,
  type RateLimit,
  type RequestInfo,
} from "./errors.js";
export { walkPages, type Page } from "./pagination.js";
export { Redactor } from "./redaction.js";
export { DEFAULT_RETRY, type RetryOptions } from "./retry.js";
export { createTransport, DEFAULT_TIMEOUT_MS, requestInfoOf, type Transport, type TransportOptions } from "./transport.js";
export {
  checkCallOptions,
  checkClientCredentials,
  checkClientOptions,
  checkId,
  checkInteger,
  checkItemLengths,
  checkNonEmptyString,
  checkObject,
  checkQuery,
  checkUrl,
  invalid,
} from "./validate.js";
