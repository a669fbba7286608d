import type { ManagementApiErrorBody } from "@grantkit/types/management";
import { ApiError, nameErrorClass } from "../core/index.js";

/**
 * The error of every non-2xx answer of the Management API or the tenant's token endpoint: status, Auth0's `error`
 * and `errorCode`, the redacted headers and body. An `ApiError`, under the name Auth0 users look for.
 */
export class ManagementApiError extends ApiError {
  static {
    nameErrorClass(this, "ManagementApiError");
  }

  /**
   * The error body, credentials redacted: Auth0's `{ statusCode, error, message, errorCode? }`, the token endpoint's
   * OAuth `{ error, error_description? }`, the text of a body that is not JSON, or `undefined` for an empty one. Not
   * checked against those shapes (a proxy in between may send its own): check a field before relying on it.
   */
  declare readonly body: ManagementApiErrorBody;
}
