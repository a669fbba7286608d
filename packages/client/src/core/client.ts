import createClient, { createQuerySerializer, type Client } from "openapi-fetch";
import { answerOf } from "./answer.js";
import { resolveTokenSource, type AuthOptions, type ClientCredentials, type TokenEndpoint } from "./auth.js";
import { RateLimitBudget, type RateLimitBudgetOptions } from "./budget.js";
import { ResponseParseError } from "./errors.js";
import { Redactor } from "./redaction.js";
import { resolveRetry, type RetryOptions } from "./retry.js";
import { CallRequest, createTransport, DEFAULT_TIMEOUT_MS } from "./transport.js";
import {
  checkCallOptions,
  checkHeaders,
  checkId,
  checkInteger,
  checkJson,
  checkObject,
  checkQuery,
  checkRetryOptions,
  invalid,
  MAX_TIMER_MS,
} from "./validate.js";

/** The typed openapi-fetch client under each grantkit client, for calls the client does not wrap. */
export type RawClient<Paths extends {}> = Client<Paths, "application/json">;

/** Options every grantkit client takes, besides its location and auth. */
export interface ClientOptions extends RateLimitBudgetOptions {
  /**
   * A rate-limit budget shared with other clients of the same tenant (see `createRateLimitBudget`), instead of the
   * client's own. Pass it, or `maxConcurrency`/`maxRequestsPerSecond`/`onRateLimit`, not both.
   */
  budget?: RateLimitBudget | undefined;
  /** The `fetch` to send requests with, for instrumentation or tests. Default: the global `fetch`. */
  fetch?: typeof globalThis.fetch | undefined;
  /** Milliseconds one attempt may take, reading the body included; a `getToken` call has as long again. Default 10 000. */
  timeoutMs?: number | undefined;
  /** Retry policy, or `false` for none. Default: see {@link RetryOptions} and the client's README. */
  retry?: RetryOptions | false | undefined;
  /** Headers sent with every request. */
  headers?: Record<string, string> | undefined;
}

/** Options of one call. */
export interface CallOptions {
  /** Aborts the call, waits between retries included. */
  signal?: AbortSignal | undefined;
}

/** What a client tells the core about its API; the application's options come alongside. */
export interface ApiDescription<Credentials extends ClientCredentials> {
  /** The API root, already checked. */
  apiUrl: string;
  /** Where `clientCredentials` are exchanged, when the client takes them. */
  tokenEndpoint: TokenEndpoint<Credentials> | undefined;
  /** The methods this API may receive twice: the default of `retry.methods`. */
  retryMethods: readonly string[];
}

/** The parts of a client the core builds. */
export interface ApiClient<Paths extends {}> {
  /** The raw client for applications: each call's options are checked before openapi-fetch reads them. */
  raw: RawClient<Paths>;
  /** The same client without that check, for the client's own methods, which check their arguments themselves. */
  unchecked: RawClient<Paths>;
  /** The redactor a client may add values to (a secret the API has just shown). */
  redactor: Redactor;
}

/**
 * The one client factory both clients call: the auth, timeout, retry and header options are checked here, once, at
 * construction (the client has checked its own location options), and every call of the returned raw client goes
 * through the grantkit transport with checked paths, queries and bodies.
 */
export function createApiClient<Paths extends {}, Credentials extends ClientCredentials>(
  api: ApiDescription<Credentials>,
  options: ClientOptions & AuthOptions<Credentials>,
): ApiClient<Paths> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  checkInteger(timeoutMs, "timeoutMs", 1, MAX_TIMER_MS);
  if (options.retry !== undefined && options.retry !== false) checkRetryOptions(options.retry);
  const transportOptions = { fetch: options.fetch, timeoutMs, retry: resolveRetry(options.retry, api.retryMethods) };
  const tokenSource = resolveTokenSource(options, api.tokenEndpoint, transportOptions);
  const redactor = new Redactor(options.clientCredentials ? [options.clientCredentials.clientSecret] : []);
  const transport = createTransport({ ...transportOptions, tokenSource, redactor, idempotent: false, budget: budgetOf(options), redirects: "same-origin" });
  const raw = createClient<Paths>({
    baseUrl: api.apiUrl,
    headers: options.headers,
    fetch: transport as typeof globalThis.fetch,
    Request: CallRequest as unknown as typeof Request,
    pathSerializer: checkedPath,
    querySerializer: checkedQuery,
    bodySerializer: checkedBody,
  });
  return { raw: checkedRaw(raw), unchecked: raw, redactor };
}

const RAW_METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;
const PARSE_AS: readonly unknown[] = ["json", "text", "blob", "arrayBuffer", "stream"];

/** The raw client with each call's options checked first, so a mistake is an InvalidRequestError, not a crash. */
function checkedRaw<Paths extends {}>(raw: RawClient<Paths>): RawClient<Paths> {
  const call = raw.request as (method: string, path: string, init?: unknown) => unknown;
  const checked: Record<string, unknown> = {
    ...raw,
    request: (method: string, path: string, init?: unknown) => (checkCallInit(String(method).toUpperCase(), init), call(method, path, init)),
  };
  for (const method of RAW_METHODS) {
    const send = raw[method] as (path: string, init?: unknown) => unknown;
    checked[method] = (path: string, init?: unknown) => (checkCallInit(method, init), send(path, init));
  }
  return checked as unknown as RawClient<Paths>;
}

function checkCallInit(method: string, init: unknown): void {
  if (init === undefined) return;
  checkObject(init, "The call's options");
  const { params, headers, parseAs, signal, body } = init;
  if (params !== undefined) {
    checkObject(params, "params");
    if (params.path !== undefined) checkObject(params.path, "params.path");
    if (params.header !== undefined) checkHeaders(params.header, "params.header", true);
  }
  if (headers !== undefined) checkHeaders(headers, "headers", true);
  if (parseAs !== undefined && !PARSE_AS.includes(parseAs)) invalid(`parseAs must be one of ${PARSE_AS.join(", ")}`);
  checkCallOptions({ signal });
  if (body !== undefined && (method === "GET" || method === "HEAD")) invalid(`A ${method} call takes no body`);
}

/** The client's budget: the shared one it was given, or its own, from its options. */
function budgetOf(options: ClientOptions): RateLimitBudget {
  const { budget, maxConcurrency, maxRequestsPerSecond, onRateLimit } = options;
  if (budget === undefined) return new RateLimitBudget({ maxConcurrency, maxRequestsPerSecond, onRateLimit });
  // By shape, not instanceof: a budget made by the other build (ESM or CommonJS) of this package works too.
  if (typeof (budget as Partial<RateLimitBudget>).acquire !== "function") invalid("budget must be made by createRateLimitBudget()");
  if (maxConcurrency !== undefined || maxRequestsPerSecond !== undefined || onRateLimit !== undefined) {
    invalid("Pass budget or maxConcurrency/maxRequestsPerSecond/onRateLimit, not both: a shared budget has its own");
  }
  return budget;
}

const PATH_PARAMETER = /\{([^{}]+)\}/;

/** Each URL template split at its parameters: literal, name, literal, ... (a template is its client's base URL and path). */
const templates = new Map<string, readonly string[]>();
/** Enough for every path of both specs; a raw call's own path strings beyond it are split each time, not kept. */
const MAX_TEMPLATES = 256;

/**
 * Every path parameter of every call, `raw` calls included, is checked before it is encoded, so no id can leave the
 * route it names (and a missing one is not sent as a literal `{id}`). The ids are encoded as openapi-fetch's default
 * (simple style) does; the split of each template is kept, as the serializer runs on every call.
 */
function checkedPath(template: string, params: Record<string, unknown>): string {
  let parts = templates.get(template);
  if (parts === undefined) {
    parts = template.split(PATH_PARAMETER);
    if (templates.size < MAX_TEMPLATES) templates.set(template, parts);
  }
  let url = parts[0]!;
  for (let index = 1; index < parts.length; index += 2) {
    const name = parts[index]!;
    const id = params[name];
    checkId(id, `path parameter ${name}`);
    url += encodeURIComponent(id) + parts[index + 1]!;
  }
  return url;
}

const serializeQuery = createQuerySerializer();

/** The query of every call, `raw` calls included, is checked before it is serialized (no nested object, no Symbol). */
function checkedQuery(query: Record<string, unknown>): string {
  checkQuery(query);
  return serializeQuery(query);
}

/** Every body is checked before `JSON.stringify`, which throws on a BigInt or a cycle and sends holes as `null`. */
function checkedBody(body: unknown): string {
  checkJson(body, "The request body");
  return JSON.stringify(body);
}

/**
 * Asks openapi-fetch to leave the body alone: the transport has read and parsed it once already, and
 * {@link dataOf} takes it from there.
 */
export const UNPARSED = { parseAs: "stream" } as const;

/**
 * The top-level shape an answer must have to be read at all: valid JSON of the wrong shape (`null`, `42`, `{}` for a
 * list) is an error here, not a `TypeError` later. Nothing deeper is checked: that would cost every call.
 */
export interface Shape {
  /** What the answer should have been, for the error: "an object". */
  readonly expected: string;
  test(data: unknown): boolean;
}

const isRecord = (data: unknown): data is Record<string, unknown> =>
  typeof data === "object" && data !== null && !Array.isArray(data);

/** An answer that is one record (a grant, a client). */
export const AN_OBJECT: Shape = { expected: "an object", test: isRecord };

/** A list answer: a plain array, or an object holding the items under `key` (with totals or a checkpoint). */
export function listShape(key: string): Shape {
  return {
    expected: `an array, or an object with a \`${key}\` array`,
    test: (data) => Array.isArray(data) || (isRecord(data) && Array.isArray(data[key])),
  };
}

function describeJson(data: unknown): string {
  if (data === null) return "null";
  if (Array.isArray(data)) return "an array";
  return isRecord(data) ? "an object" : `a ${typeof data}`;
}

/**
 * The data of a call made with {@link UNPARSED}, checked against its top-level shape: what the transport read, or
 * a `ResponseParseError` for an empty body where the API documents one or a body of the wrong shape.
 */
export function dataOf<Data>(result: { response: Response }, shape: Shape): Data {
  const { response } = result;
  const { data, request } = answerOf(response);
  const reason =
    data === undefined ? "no body where the API documents one"
    : shape.test(data) ? undefined
    : `${describeJson(data)} where ${shape.expected} was expected`;
  if (reason === undefined) return data as Data;
  throw new ResponseParseError(request, { status: response.status, contentType: response.headers.get("content-type") }, reason);
}
