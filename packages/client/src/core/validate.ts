import { InvalidRequestError } from "./errors.js";

/** Checks of arguments the API would reject, made before any request. Each throws {@link InvalidRequestError}. */

export function invalid(message: string): never {
  throw new InvalidRequestError(message);
}

/**
 * A value as a message shows it: as JSON, cut at 200 characters, else by its type. Never throws, as `String()` and
 * `JSON.stringify` do on some values (a BigInt, a cycle, a null prototype).
 */
export function shown(value: unknown): string {
  // JSON would show NaN and Infinity as null, and undefined not at all.
  if (value === undefined || (typeof value === "number" && !Number.isFinite(value))) return String(value);
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    // Shown by its type below.
  }
  if (json === undefined) return Array.isArray(value) ? "an array" : `a ${typeof value}`;
  return json.length > 200 ? `${json.slice(0, 200)}…` : json;
}

/** A string's length as JSON Schema counts it: in code points, not UTF-16 units. */
export function lengthOf(text: string): number {
  let length = 0;
  for (const _ of text) length += 1;
  return length;
}

export function checkNonEmptyString(value: unknown, name: string): asserts value is string {
  if (typeof value !== "string" || value.length === 0) invalid(`${name} must be a non-empty string`);
}

/** A UTF-16 surrogate without its pair: no URL can encode it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** ES2024's `String.prototype.isWellFormed`: in Node 20 and today's browsers, not in every runtime the packages support. */
const HAS_IS_WELL_FORMED = typeof (String.prototype as Partial<WellFormed>).isWellFormed === "function";
interface WellFormed {
  isWellFormed(): boolean;
}

/** Whether `text` holds no lone surrogate: the runtime's own check where it has one (cheaper), else the regex. */
export function isWellFormed(text: string): boolean {
  return HAS_IS_WELL_FORMED ? (text as unknown as WellFormed).isWellFormed() : !LONE_SURROGATE.test(text);
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
  if (id.length > maxLength && lengthOf(id) > maxLength) invalid(`${name} must be at most ${maxLength} characters, got ${lengthOf(id)}`);
}

/** Client credentials for a token exchange. The message names the option, never its value. */
export function checkClientCredentials(credentials: { clientId?: unknown; clientSecret?: unknown }): void {
  checkObject(credentials, "clientCredentials");
  checkNonEmptyString(credentials.clientId, "clientCredentials.clientId");
  checkNonEmptyString(credentials.clientSecret, "clientCredentials.clientSecret");
  // A lone surrogate would be sent as U+FFFD: another secret than the one configured.
  if (!isWellFormed(credentials.clientId) || !isWellFormed(credentials.clientSecret)) {
    invalid("clientCredentials.clientId and clientSecret must be well-formed Unicode (one holds a lone surrogate)");
  }
}

/** A bearer token as a header carries it: visible ASCII, no spaces (RFC 6750). The message never repeats it. */
export function isToken(value: unknown): value is string {
  return typeof value === "string" && /^[\x21-\x7e]+$/.test(value);
}

/**
 * The message never repeats the token, but names the mistakes a newcomer makes: the header's `Bearer ` prefix
 * pasted with it, or the line break at the end of a file the token was read from.
 */
export function checkToken(value: unknown, name: string): asserts value is string {
  if (isToken(value)) return;
  if (typeof value === "string" && /^bearer\s/i.test(value)) {
    invalid(`${name} starts with "Bearer ": pass the token without the \`Bearer \` prefix, which the client adds itself`);
  }
  if (typeof value === "string" && isToken(value.trimEnd()) && /[\r\n]$/.test(value)) {
    invalid(`${name} ends with a line break (read from a file?): pass it trimmed, such as token.trim()`);
  }
  invalid(`${name} must be a non-empty string of visible ASCII characters, without spaces`);
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function checkObject(value: unknown, name: string): asserts value is Record<string, unknown> {
  if (!value || typeof value !== "object" || Array.isArray(value)) invalid(`${name} must be an object`);
}

export function checkInteger(value: unknown, name: string, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
    invalid(`${name} must be an integer ${range}, got ${shown(value)}`);
  }
}

/** Call options: absent, or an object whose `signal`, when given, is an `AbortSignal`. */
export function checkCallOptions(options: unknown, name = "options"): void {
  if (options === undefined) return;
  checkObject(options, name);
  const { signal } = options;
  if (signal !== undefined && !isAbortSignal(signal)) invalid(`${name}.signal must be an AbortSignal`);
}

/** Duck-typed, so a signal from another realm or a polyfill counts. */
function isAbortSignal(value: unknown): value is AbortSignal {
  const signal = value as Partial<AbortSignal> | null;
  return typeof signal === "object" && signal !== null && typeof signal.aborted === "boolean" && typeof signal.addEventListener === "function";
}

const isQueryValue = (value: unknown) =>
  (typeof value === "string" && isWellFormed(value)) ||
  typeof value === "boolean" ||
  (typeof value === "number" && Number.isFinite(value));

/** A query parameter's name as the specs write them; openapi-fetch sends names unencoded. */
const QUERY_NAME = /^[A-Za-z0-9_.~-]+$/;

/**
 * A query: absent, or a plain object (openapi-fetch sends inherited members too) of strings, finite numbers,
 * booleans, or dense arrays of them, under names as the specs write them.
 */
export function checkQuery(query: unknown, name = "query"): void {
  if (query === undefined) return;
  checkPlainObject(query, name);
  for (const [key, value] of Object.entries(query)) {
    if (!QUERY_NAME.test(key)) invalid(`${name} has a parameter named ${shown(key)}: names are letters, digits and _.~-`);
    if (value === undefined || value === null || isQueryValue(value)) continue;
    if (Array.isArray(value) && isDenseArrayOf(value, isQueryValue)) continue;
    invalid(`${name}.${key} must be a well-formed string, a finite number, a boolean or an array of them`);
  }
}

function checkPlainObject(value: unknown, name: string): asserts value is Record<string, unknown> {
  checkObject(value, name);
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) invalid(`${name} must be a plain object`);
}

function isDenseArrayOf(items: unknown[], test: (item: unknown) => boolean): boolean {
  for (let index = 0; index < items.length; index++) {
    if (!(index in items) || !test(items[index])) return false;
  }
  return true;
}

/** `text` as an absolute URL, or `undefined` when it is none (a port above 65535 is none either). */
export function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/**
 * A URL option: an absolute http(s) URL without user info. The message never repeats a value holding an `@`,
 * which may be a password. A `root` (the paths of the calls are appended to it) has no query or fragment, which
 * would swallow them, and no `{` or `}`, which openapi-fetch would read as a path parameter.
 */
export function checkUrl(value: unknown, name: string, example: string, root = false): asserts value is string {
  const shown = typeof value === "string" && !value.includes("@") ? `, got ${JSON.stringify(value)}` : "";
  const url = typeof value === "string" ? parseUrl(value) : undefined;
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
    invalid(`${name} must be an absolute http(s) URL such as ${example}${shown}`);
  }
  if (url.username || url.password) {
    invalid(`${name} must not hold a user name or password (user:password@): pass credentials as token, getToken or clientCredentials`);
  }
  if (root && /[?#{}]/.test(value as string)) {
    invalid(`${name} is the root the calls' paths are appended to: no query, fragment, "{" or "}"`);
  }
}

/** The options every client takes besides its location and auth; `timeoutMs` and `retry`'s numbers are checked by the transport. */
export function checkClientOptions(options: unknown): asserts options is Record<string, unknown> {
  checkObject(options, "The client options");
  const { headers, fetch, retry } = options;
  if (headers !== undefined) checkHeaders(headers, "headers");
  if (fetch !== undefined && typeof fetch !== "function") invalid("fetch must be a function");
  if (retry !== undefined && retry !== false) checkObject(retry, "retry (an object, or false)");
}

/** Headers as `Headers` takes them: names and values it refuses would fail every call. */
export function checkHeaders(headers: unknown, name: string, removable = false): void {
  checkObject(headers, name);
  for (const [key, value] of Object.entries(headers)) {
    // A raw call's headers may also remove one (null) or repeat one (an array), as openapi-fetch allows.
    if (removable && value === null) continue;
    const values: unknown[] = removable && Array.isArray(value) ? value : [value];
    if (!values.every((item) => typeof item === "string")) invalid(`${name}.${key} must be a string`);
    try {
      new Headers(values.map((item): [string, string] => [key, item as string]));
    } catch {
      invalid(`${name} has a header that HTTP cannot carry (name ${shown(key)}): names are tokens, values visible characters`);
    }
  }
}

/** The longest delay `setTimeout` keeps (2^31 - 1 ms, about 24.8 days): a longer one fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** The fields of `retry` that are given: counts and delays as integers a timer can hold, the lists as lists. */
export function checkRetryOptions(retry: object): void {
  const { limit, baseDelayMs, backoffLimit, maxWaitMs, methods, statusCodes } = retry as Record<string, unknown>;
  if (limit !== undefined) checkInteger(limit, "retry.limit", 0, 100);
  if (baseDelayMs !== undefined) checkInteger(baseDelayMs, "retry.baseDelayMs", 0, MAX_TIMER_MS);
  if (backoffLimit !== undefined) checkInteger(backoffLimit, "retry.backoffLimit", 0, MAX_TIMER_MS);
  if (maxWaitMs !== undefined) checkInteger(maxWaitMs, "retry.maxWaitMs", 0, MAX_TIMER_MS);
  if (methods !== undefined && !(Array.isArray(methods) && isDenseArrayOf(methods, (m) => typeof m === "string"))) {
    invalid("retry.methods must be an array of method names such as \"GET\"");
  }
  if (statusCodes !== undefined && !(Array.isArray(statusCodes) && isDenseArrayOf(statusCodes, Number.isInteger))) {
    invalid("retry.statusCodes must be an array of HTTP statuses such as 503");
  }
}
