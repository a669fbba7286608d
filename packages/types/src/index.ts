/**
 * Readable names for the types generated from grantkit's OpenAPI specs. The generated modules themselves
 * (`./management.ts`, `./admin.ts`, `./rules.ts`) are rewritten by `pnpm generate`; this file, `naming.ts` and
 * `vendor/*.ts` are written by hand. Each vendor's names are also an entry point of their own: `./management`, `./admin`.
 *
 * Each record is a named interface, so editors and compiler errors say `ClientGrant` instead of spelling out its
 * fields. Request bodies and queries take `undefined` for a field left out, and read-only lists, so they fit the
 * strictest compiler settings (`exactOptionalPropertyTypes`, `as const`).
 */
import type { AdminProblemDetails, OAuthErrorBody } from "./vendor/admin.js";
import type { ManagementErrorBody } from "./vendor/management.js";

export * from "./vendor/management.js";
export * from "./vendor/admin.js";

/**
 * The body of an `ApiError`, as the two APIs document their errors: the Management API's error, a token endpoint's
 * OAuth 2.0 error, the admin API's problem details; or the text of a body that is not JSON, or `undefined` for an
 * empty one. It is what the server sent (credentials redacted), not checked against these shapes: a proxy in between
 * may send other JSON.
 */
export type ApiErrorBody = ManagementErrorBody | OAuthErrorBody | AdminProblemDetails | string | undefined;
