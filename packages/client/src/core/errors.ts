/**
 * The errors every grantkit client throws. Each names what happened and to which request; none ever carries a
 * bearer token or a client secret (the transport redacts them from anything a server sends back).
 */

/** What a call was: method and URL, with the query but never credentials. */
export interface RequestInfo {
  readonly method: string;
  readonly url: string;
}

/** The rate-limit headers of a response, parsed. */
export interface RateLimit {
  /** `x-ratelimit-limit`: requests allowed in the current window. */
  readonly limit?: number;
  /** `x-ratelimit-remaining`: requests left in the current window. */
  readonly remaining?: number;
  /** `x-ratelimit-reset`: when the window resets. */
  readonly resetAt?: Date;
  /** `retry-after`, in milliseconds from when the response arrived. */
  readonly retryAfterMs?: number;
}

/**
 * Where an error records the kinds it is. An application can load the ESM and the CommonJS build side by side
 * (one package imported, another required), and each build has its own classes; matching by kind makes
 * `instanceof` work across them. `Symbol.for` is one symbol across builds.
 */
const kinds = Symbol.for("grantkit.error.kinds");

/** Whether `value` was made by `type` (of either build), by the kinds recorded on it. */
function isKind(type: Function & { kind?: string }, value: unknown): boolean {
  // A subclass that names no kind of its own (one an application made) is matched the usual way.
  if (!Object.hasOwn(type, "kind")) return Function.prototype[Symbol.hasInstance].call(type, value);
  const recorded = value && typeof value === "object" ? (value as { [kinds]?: unknown })[kinds] : undefined;
  return Array.isArray(recorded) && recorded.includes(type.kind);
}

/** Records on `error` the kinds of its class and of each grantkit class above it. */
function recordKinds(error: Error, type: Function, root: Function): void {
  const chain: string[] = [];
  for (; type !== root; type = Object.getPrototypeOf(type)) {
    if (Object.hasOwn(type, "kind")) chain.push((type as unknown as { kind: string }).kind);
  }
  Object.defineProperty(error, kinds, { value: chain });
}

/** Base class of the errors a grantkit client throws about a request that was sent. */
export class GrantkitError extends Error {
  /** The kind `instanceof` matches; every subclass names its own. */
  static readonly kind: string = "GrantkitError";

  static override [Symbol.hasInstance](value: unknown): boolean {
    return isKind(this, value);
  }

  override name = "GrantkitError";

  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    recordKinds(this, new.target, Error);
  }

  /** The name, the message and the error's own fields; never a stack, a cause or a request. */
  toJSON(): Record<string, unknown> {
    return { ...(this as object), name: this.name, message: this.message };
  }
}

/** The server answered with a status outside 2xx. */
export class ApiError extends GrantkitError {
  static override readonly kind = "ApiError";
  override name = "ApiError";
  /** The HTTP status, for example 404. */
  readonly status: number;
  /** The short error name the API sent (Auth0's `error`, an OAuth `error`), else the status text. */
  readonly error: string;
  /** The API's machine-readable code (Auth0's `errorCode`), when it sent one. */
  readonly errorCode: string | undefined;
  readonly method: string;
  readonly url: string;
  /** The path of the URL, for example `/api/v2/client-grants/cgr_123`. */
  readonly path: string;
  readonly headers: Headers;
  /** Parsed rate-limit headers, when the response had any. */
  readonly rateLimit: RateLimit | undefined;
  /** The parsed JSON error body (or its text when it was not JSON), credentials scrubbed. */
  readonly body: unknown;

  constructor(init: {
    request: RequestInfo;
    status: number;
    statusText: string;
    headers: Headers;
    body: unknown;
  }) {
    const fields = errorFields(init.body);
    const error = fields.error ?? (init.statusText || `HTTP ${init.status}`);
    const detail = fields.message ? `: ${fields.message}` : "";
    super(`${init.request.method} ${init.request.url} failed with ${init.status} ${error}${detail}`);
    this.status = init.status;
    this.error = error;
    this.errorCode = fields.errorCode;
    this.method = init.request.method;
    this.url = init.request.url;
    this.path = new URL(init.request.url).pathname;
    this.headers = init.headers;
    this.rateLimit = parseRateLimit(init.headers);
    this.body = init.body;
  }

  override toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      error: this.error,
      errorCode: this.errorCode,
      method: this.method,
      url: this.url,
      rateLimit: this.rateLimit,
      body: this.body,
    };
  }
}

/** The call took longer than `timeoutMs` (an attempt, including reading the body). Not retried. */
export class TimeoutError extends GrantkitError {
  static override readonly kind = "TimeoutError";
  override name = "TimeoutError";
  readonly method: string;
  readonly url: string;
  readonly timeoutMs: number;

  constructor(request: RequestInfo, timeoutMs: number) {
    super(`${request.method} ${request.url} timed out after ${timeoutMs} ms`);
    this.method = request.method;
    this.url = request.url;
    this.timeoutMs = timeoutMs;
  }
}

/** The request never got an answer: DNS, refused or dropped connection. `cause` holds the fetch error. */
export class NetworkError extends GrantkitError {
  static override readonly kind = "NetworkError";
  override name = "NetworkError";
  readonly method: string;
  readonly url: string;

  constructor(request: RequestInfo, cause: unknown) {
    super(`${request.method} ${request.url} failed before a response arrived: ${describe(cause)}`, { cause });
    this.method = request.method;
    this.url = request.url;
  }
}

/** A 2xx answer whose body is not the documented JSON. */
export class ResponseParseError extends GrantkitError {
  static override readonly kind = "ResponseParseError";
  override name = "ResponseParseError";
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly contentType: string | null;

  constructor(request: RequestInfo, response: { status: number; contentType: string | null }, reason: string) {
    super(`${request.method} ${request.url} answered ${response.status} with ${reason}`);
    this.method = request.method;
    this.url = request.url;
    this.status = response.status;
    this.contentType = response.contentType;
  }
}

/** A call or an option the API would reject, caught before any request was sent. */
export class InvalidRequestError extends TypeError {
  static readonly kind: string = "InvalidRequestError";

  static override [Symbol.hasInstance](value: unknown): boolean {
    return isKind(this, value);
  }

  override name = "InvalidRequestError";

  constructor(message?: string) {
    super(message);
    recordKinds(this, new.target, TypeError);
  }
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

function parseRateLimit(headers: Headers): RateLimit | undefined {
  const number = (name: string) => {
    const value = headers.get(name);
    if (value === null || value.trim() === "") return undefined;
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  };
  const limit = number("x-ratelimit-limit");
  const remaining = number("x-ratelimit-remaining");
  const reset = number("x-ratelimit-reset");
  const retryAfterMs = parseRetryAfter(headers.get("retry-after"));
  if (limit === undefined && remaining === undefined && reset === undefined && retryAfterMs === undefined) {
    return undefined;
  }
  return { limit, remaining, resetAt: reset === undefined ? undefined : new Date(reset * 1000), retryAfterMs };
}

/** `Retry-After` is either delay seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
