/**
 * Readable names for the types generated from grantkit's OpenAPI specs. The generated modules themselves
 * (`./management.ts`, `./admin.ts`, `./rules.ts`) are rewritten by `pnpm generate`; this file, `naming.ts` and
 * `vendor/*.ts` are written by hand. Each vendor's names are also an entry point of their own: `./management`, `./admin`.
 *
 * Each record is a named interface, so editors and compiler errors say `ClientGrant` instead of spelling out its
 * fields. Request bodies and queries take `undefined` for a field left out, and read-only lists, so they fit the
 * strictest compiler settings (`exactOptionalPropertyTypes`, `as const`).
 */
export * from "./vendor/management.js";
export * from "./vendor/admin.js";

