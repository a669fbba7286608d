/**
 * The errors every grantkit client throws. Each names what happened and to which request; none ever carries a
 * bearer token or a client secret (the transport redacts them from anything a server sends back).
 */
import { parseRateLimit, type RateLimit } from "./rate-limit.js";

/** What a call was, as an HTTP request line: method and URL (with the query, never a credential). */
export interface RequestLine {
  readonly method: string;
  readonly url: string;
}

/**
 * Where an error records the names of its classes. An application can load the ESM and the CommonJS build side by
 * side (one package imported, another required), and each build has its own classes; matching by name makes
 * `instanceof` work across them. `Symbol.for` is one symbol across builds.
 */
const kinds = Symbol.for("grantkit.error.kinds");

/** An error class, whose name {@link nameErrorClass} records on its prototype. */
export type NamedErrorClass = abstract new (...args: never[]) => Error;

/**
 * Gives a grantkit error class its name, once: on its prototype, where `error.name` and `instanceof` read it
 * (a string, since minifiers rename classes).
 */
export function nameErrorClass(type: NamedErrorClass, name: string): void {
  Object.defineProperty(type.prototype, "name", { value: name, writable: true, configurable: true });
}

/** Whether `value` was made by `type` (of either build), by the names recorded on it. */
function isKind(type: NamedErrorClass, value: unknown): boolean {
  // A subclass that names itself nothing (one an application made) is matched the usual way.
  if (!Object.hasOwn(type.prototype, "name")) return Function.prototype[Symbol.hasInstance].call(type, value);
  const recorded = value && typeof value === "object" ? (value as { [kinds]?: unknown })[kinds] : undefined;
  return Array.isArray(recorded) && recorded.includes(type.prototype.name);
}

/** Records on `error` the names of its grantkit classes, from its own up to `root`. */
function recordKinds(error: Error, type: NamedErrorClass, root: NamedErrorClass): void {
  const chain: string[] = [];
  for (; type !== root; type = Object.getPrototypeOf(type)) {
    if (Object.hasOwn(type.prototype, "name")) chain.push((type as NamedErrorClass).prototype.name);
  }
  Object.defineProperty(error, kinds, { value: chain });
}

/** Base class of every error a grantkit client throws about a call, besides {@link InvalidRequestError}. */
export class GrantkitError extends Error {
  static {
    nameErrorClass(this, "GrantkitError");
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return isKind(this, value);
  }

  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    recordKinds(this, new.target, Error);
  }

  /** The name, the message and the error's own fields; never a stack, a cause or a request. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, ...(this as object) };
  }
}

/** An error about one request: it names the method and the URL. */
export class RequestError extends GrantkitError {
  static {
    nameErrorClass(this, "RequestError");
  }

  readonly method: string;
  readonly url: string;

  constructor(request: RequestLine, message: string, options?: ErrorOptions) {
    super(`${request.method} ${request.url} ${message}`, options);
    this.method = request.method;
    this.url = request.url;
  }
}

/** What an {@link ApiError} is made from: the request, and the answer's status, headers and parsed body, redacted. */
export interface ApiErrorInit {
  request: RequestLine;
  status: number;
  statusText: string;
  headers: Headers;
  body: unknown;
}

/**
 * The class a client throws for a non-2xx answer: {@link ApiError} or a subclass of it that types `body` as its API
 * documents (and names itself, with {@link nameErrorClass}).
 */
export type ApiErrorClass = new (init: ApiErrorInit) => ApiError;

/**
 * The server answered with a status outside 2xx. Each client throws its own subclass, which types `body`;
 * `instanceof ApiError` matches them all.
 */
export class ApiError extends RequestError {
  static {
    nameErrorClass(this, "ApiError");
  }

  /** The HTTP status, for example 404. */
  readonly status: number;
  /** The short error name the API sent (Auth0's `error`, an OAuth `error`), else the status text. */
  readonly error: string;
  /** The API's machine-readable code (Auth0's `errorCode`), when it sent one. */
  readonly errorCode: string | undefined;
  /** The path of the URL, for example `/api/v2/client-grants/cgr_123`. */
  readonly path: string;
  /** The response headers, credentials redacted. */
  readonly headers: Headers;
  /** Parsed rate-limit headers, when the response had any. */
  readonly rateLimit: RateLimit | undefined;
  /**
   * The error body, credentials redacted: the parsed JSON; its text when it was not JSON; `undefined` when it was
   * empty. A client's own subclass (`ManagementApiError`, `AdminApiError`) types it as the shapes its API documents.
   * The JSON is not checked against those shapes (a proxy in between may send its own), so check a field before
   * relying on it.
   */
  readonly body: unknown;

  constructor(init: ApiErrorInit) {
    const fields = errorFields(init.body);
    const error = fields.error ?? (init.statusText || `HTTP ${init.status}`);
    const detail = fields.message ? `: ${fields.message}` : "";
    super(init.request, `failed with ${init.status} ${error}${detail}`);
    this.status = init.status;
    this.error = error;
    this.errorCode = fields.errorCode;
    this.path = new URL(init.request.url).pathname;
    this.headers = init.headers;
    this.rateLimit = parseRateLimit(init.headers);
    // As the server sent it: see `body`.
    this.body = init.body;
  }

  override toJSON(): Record<string, unknown> {
    const { name, message, status, error, errorCode, method, url, rateLimit, body } = this;
    return { name, message, status, error, errorCode, method, url, rateLimit, body };
  }
}

/** An attempt took longer than `timeoutMs` (reading the body included). Not retried, except a token exchange. */
export class TimeoutError extends RequestError {
  static {
    nameErrorClass(this, "TimeoutError");
  }

  readonly timeoutMs: number;

  constructor(request: RequestLine, timeoutMs: number) {
    super(request, `timed out after ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

/** The request never got an answer: DNS, refused or dropped connection. `cause` holds the fetch error, redacted. */
export class NetworkError extends RequestError {
  static {
    nameErrorClass(this, "NetworkError");
  }

  constructor(request: RequestLine, cause: unknown) {
    super(request, `failed before a response arrived: ${describe(cause)}${corsHint(request.url, cause)}`, { cause });
  }
}

/** A 2xx answer whose body is not the documented JSON. */
export class ResponseParseError extends RequestError {
  static {
    nameErrorClass(this, "ResponseParseError");
  }

  readonly status: number;
  readonly contentType: string | null;

  constructor(request: RequestLine, response: { status: number; contentType: string | null }, reason: string) {
    super(request, `answered ${response.status} with ${reason}`);
    this.status = response.status;
    this.contentType = response.contentType;
  }
}

/**
 * An answer was a redirect grantkit does not follow: any redirect of a token exchange, and for an API call one to
 * another origin, one past the fifth, a 3xx without a usable `Location`, or any redirect in a browser. `method` and
 * `url` are the request that was answered so: the call, or the last redirect it followed. Not retried.
 */
export class RedirectError extends RequestError {
  static {
    nameErrorClass(this, "RedirectError");
  }

  /**
   * The 3xx; 0 when the status is unknown: a browser's opaque redirect, or a redirect a custom `fetch` followed by
   * itself.
   */
  readonly status: number;
  /** Where the redirect points (or, after a custom `fetch` followed it, where it ended), credentials redacted; `undefined` when unknown or unusable. */
  readonly location: string | undefined;

  constructor(request: RequestLine, redirect: { status: number; location: string | undefined }, description: string) {
    super(request, description);
    this.status = redirect.status;
    this.location = redirect.location;
  }
}

/** A call or an option the API would reject, caught before any request was sent. */
export class InvalidRequestError extends TypeError {
  static {
    nameErrorClass(this, "InvalidRequestError");
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return isKind(this, value);
  }

  constructor(message?: string) {
    super(message);
    recordKinds(this, new.target, TypeError);
  }
}

/**
 * In a browser, a fetch to another origin that fails with a `TypeError` and no answer is most often a CORS refusal,
 * which the page cannot tell apart from a network failure.
 */
function corsHint(url: string, cause: unknown): string {
  const origin = (globalThis as { location?: { origin?: unknown } }).location?.origin;
  if (typeof origin !== "string" || !(cause instanceof Error) || cause.name !== "TypeError") return "";
  if (new URL(url).origin === origin) return "";
  return ` In a browser this is most often CORS: the API (or a proxy in front of it) must answer the preflight from ${origin} allowing the "authorization" header; see "In a browser" in the grantkit README.`;
}

function describe(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : "";
    return `${cause.message}${inner}`;
  }
  return String(cause);
}

/** The fields of the error bodies we meet: Auth0's, OAuth 2.0's, and problem details (which Prism sends too). */
function errorFields(body: unknown): { error?: string; message?: string; errorCode?: string } {
  if (typeof body === "string") return body.trim() ? { message: body.trim().slice(0, 200) } : {};
  if (!body || typeof body !== "object") return {};
  const record = body as Record<string, unknown>;
  const text = (key: string) => (typeof record[key] === "string" ? (record[key] as string) : undefined);
  const validation = Array.isArray(record.validation)
    ? record.validation
        .map((v) => (v && typeof v === "object" ? (v as Record<string, unknown>).message : undefined))
        .filter((m): m is string => typeof m === "string")
        .join("; ")
    : "";
  return {
    error: text("error") ?? text("title"),
    message: text("message") ?? text("error_description") ?? (validation || text("detail") || fieldErrors(record.errors)),
    errorCode: text("errorCode"),
  };
}

/** The `errors` member of ASP.NET Core problem details: messages by field. */
function fieldErrors(errors: unknown): string | undefined {
  if (!errors || typeof errors !== "object") return undefined;
  const lines = Object.entries(errors).map(([field, messages]) =>
    `${field}: ${Array.isArray(messages) ? messages.join(" ") : String(messages)}`,
  );
  return lines.length > 0 ? lines.join("; ") : undefined;
}
