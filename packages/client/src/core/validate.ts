import { InvalidRequestError } from "./errors.js";

/** Checks of arguments the API would reject, made before any request. Each throws {@link InvalidRequestError}. */

export function invalid(message: string): never {
  throw new InvalidRequestError(message);
}

export function checkNonEmptyString(value: unknown, name: string): asserts value is string {
  if (typeof value !== "string" || value.length === 0) invalid(`${name} must be a non-empty string`);
}

/** A UTF-16 surrogate without its pair: no URL can encode it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** `String.prototype.isWellFormed`, which not every runtime the packages support has. */
export function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/**
 * An id in a path must address exactly the route it names. Empty, it would address another operation
 * (`/client-grants/` is the list); `.` and `..` stay unencoded by `encodeURIComponent`, and the URL parser resolves
 * them (and their `%2e` forms) as dot segments, so `DELETE /client-grants/..` would go to `DELETE /`.
 */
export function checkId(id: unknown, name: string, maxLength = Number.POSITIVE_INFINITY): asserts id is string {
  checkNonEmptyString(id, name);
  if (id === "." || id === "..") invalid(`${name} must not be "${id}": it would address another route`);
  if (!isWellFormed(id)) invalid(`${name} must be well-formed Unicode (it holds a lone surrogate)`);
  if (id.length > maxLength) invalid(`${name} must be at most ${maxLength} characters, got ${id.length}`);
}

/** Client credentials for a token exchange. The message names the option, never its value. */
export function checkClientCredentials(credentials: { clientId?: unknown; clientSecret?: unknown }): void {
  checkObject(credentials, "clientCredentials");
  checkNonEmptyString(credentials.clientId, "clientCredentials.clientId");
  checkNonEmptyString(credentials.clientSecret, "clientCredentials.clientSecret");
}

export function checkObject(value: unknown, name: string): asserts value is Record<string, unknown> {
  if (!value || typeof value !== "object" || Array.isArray(value)) invalid(`${name} must be an object`);
}

export function checkInteger(value: unknown, name: string, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
    invalid(`${name} must be an integer ${range}, got ${String(value)}`);
  }
}

/** Every item a string of `min` to `max` characters. */
export function checkItemLengths(items: unknown, name: string, min: number, max: number): void {
  if (items === undefined || items === null) return;
  if (!Array.isArray(items)) invalid(`${name} must be an array of strings`);
  items.forEach((item, index) => {
    if (typeof item !== "string" || item.length < min || item.length > max) {
      invalid(`${name}[${index}] must be a string of ${min} to ${max} characters`);
    }
  });
}
