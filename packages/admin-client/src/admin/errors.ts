import { ApiError, nameErrorClass } from "@grantkit/client/core";
import type { AdminApiErrorBody } from "@grantkit/types/admin";

/**
 * The error of every non-2xx answer of the admin API or its token endpoint: status, the problem details' `title` (or
 * the OAuth `error`) as `error`, the redacted headers and body. An `ApiError`.
 */
export class AdminApiError extends ApiError {
  static {
    nameErrorClass(this, "AdminApiError");
  }

  /**
   * The error body, credentials redacted: the admin API's problem details, the token endpoint's OAuth
   * `{ error, error_description? }`, the text of a body that is not JSON, or `undefined` for an empty one. Not checked
   * against those shapes (a proxy in between may send its own): check a field before relying on it.
   */
  declare readonly body: AdminApiErrorBody;
}
