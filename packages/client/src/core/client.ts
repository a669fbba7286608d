import type { RequestRules } from "@grantkit/types";
import createClient, { type Client } from "openapi-fetch";
import { responseOf, responseParseError, type Answer } from "./answer.js";
import { resolveTokenSource, type AuthOptions, type ClientCredentials, type TokenEndpoint } from "./auth.js";
import { RateLimitBudget, type RateLimitBudgetOptions } from "./budget.js";
import { checkOperationRequest, checkRequest, type Operation, type OperationRequest, type Shape } from "./operation.js";
import { ApiError, type ApiErrorClass } from "./errors.js";
import { Redactor } from "./redaction.js";
import { resolveRetry, type RetryOptions } from "./retry.js";
import { CallRequest, createTransport, DEFAULT_TIMEOUT_MS, type Transport } from "./internal/transport.js";
import {
  checkCallOptions,
  checkClientOptions,
  checkHeaders,
  checkInteger,
  checkObject,
  isRecord,
  checkRetryOptions,
  invalid,
  MAX_TIMER_MS,
  shown,
} from "./validate.js";

/** The typed openapi-fetch client under each grantkit client, for calls the client does not wrap. */
export type RawClient<Paths extends {}> = Client<Paths, "application/json">;

/**
 * Options every grantkit client takes, besides its location and auth.
 * @expand
 */
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

/** Where a client's API is, as its location options say: checked, resolved URLs. */
export interface ApiLocation<Credentials extends ClientCredentials> {
  /** The API root. */
  apiUrl: string;
  /** Where `clientCredentials` are exchanged; `undefined` where the options give none (then they cannot be used). */
  tokenEndpoint: TokenEndpoint<Credentials> | undefined;
}

/**
 * What a client tells the core about its API; the application's options come alongside. `createApiClient` reads its
 * types from it and from those options: `Paths` from the generated `requests`, `Location` from what `locate`
 * returns, `Options` from the options given (which `locate` must take).
 */
export interface ApiDescription<Paths extends {}, Options, Location extends ApiLocation<never>> {
  /**
   * Checks the client's own location options and resolves them (the API's root, its token endpoint, anything else
   * the client needs, such as a tenant id), throwing `InvalidRequestError` for a bad one.
   */
  locate(options: NoInfer<Options>): Location;
  /** The methods this API may receive twice: the default of `retry.methods`. */
  retryMethods: readonly string[];
  /**
   * The spec's request rules (generated: `managementRequests`, say), by "METHOD /path": every call is checked against
   * them, `raw` calls too, which they type (a table written by hand types no paths).
   */
  requests: RequestRules<string, Paths>;
  /**
   * The error a non-2xx answer becomes (token exchanges included): a subclass of `ApiError` that types `body` as
   * this API documents it. Default: `ApiError`, whose `body` is `unknown`.
   */
  apiError?: ApiErrorClass | undefined;
}

/** A description's rules, whichever paths they type. */
type Requests = RequestRules<string, unknown>;

/** The credentials a location's token endpoint exchanges. */
type CredentialsOf<Location> = Location extends ApiLocation<infer Credentials> ? Credentials : never;

/** The parts of a client the core builds. */
export interface ApiClient<Paths extends {}, Location = ApiLocation<never>> {
  /** What the description's `locate` resolved from the options. */
  location: Location;
  /**
   * The raw client for applications: openapi-fetch over the client's transport, each call's options and request
   * checked before openapi-fetch reads them. Its middleware (`raw.use()`) sees the `Request` and `Response`
   * openapi-fetch documents; an answer outside 2xx rejects with the client's errors, as every other call does.
   */
  raw: RawClient<Paths>;
  /**
   * Makes one call of an operation: checks the call options and the request against the operation's rules,
   * sends it, and resolves with the answer's data, checked for its shape.
   */
  call<Data>(operation: Operation<Data>, request: OperationRequest, options?: CallOptions): Promise<Data>;
  /** The redactor a client may add values to (a secret the API has just shown). */
  redactor: Redactor;
}

/**
 * The one client factory both clients call: every option is checked here, once, at construction (the location
 * options by the description's `locate`). A resource method's `call` builds its request
 * itself and hands it to the transport; `raw` is openapi-fetch over the same transport. Both check every request
 * against the spec's rules before it is sent. Its type arguments are inferred (see {@link ApiDescription}); the
 * credentials are those the location's token endpoint takes.
 */
export function createApiClient<
  Paths extends {},
  Location extends ApiLocation<Credentials>,
  Credentials extends ClientCredentials = CredentialsOf<Location>,
  Options extends ClientOptions & AuthOptions<Credentials> = ClientOptions & AuthOptions<Credentials>,
>(api: ApiDescription<Paths, Options, Location>, options: Options): ApiClient<Paths, Location> {
  checkClientOptions(options);
  const location = api.locate(options);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  checkInteger(timeoutMs, "timeoutMs", 1, MAX_TIMER_MS);
  if (options.retry !== undefined && options.retry !== false) checkRetryOptions(options.retry);
  const transportOptions = { fetch: options.fetch, timeoutMs, retry: resolveRetry(options.retry, api.retryMethods), apiError: api.apiError ?? ApiError };
  const tokenSource = resolveTokenSource(options, location.tokenEndpoint, transportOptions);
  const redactor = new Redactor(options.clientCredentials ? [options.clientCredentials.clientSecret] : []);
  const transport = createTransport({ ...transportOptions, tokenSource, redactor, idempotent: false, budget: budgetOf(options), redirects: "same-origin" });
  // The members checked at construction, copied: a Map or a Set passes that check with none, and sends none.
  const clientHeaders = options.headers === undefined ? undefined : { ...options.headers };
  // The spec's paths start with a slash: a base URL given with a trailing one loses it, as in openapi-fetch.
  const apiRoot = location.apiUrl.endsWith("/") ? location.apiUrl.slice(0, -1) : location.apiUrl;
  const call = async <Data>(operation: Operation<Data>, request: OperationRequest, callOptions: CallOptions = {}): Promise<Data> => {
    checkCallOptions(callOptions);
    const { path, query, body } = checkOperationRequest(operation, request);
    const url = `${apiRoot}${encodedPath(operation.path, path ?? {})}${queryString(query)}`;
    const headers = new Headers(clientHeaders);
    // As openapi-fetch does: a JSON body is labelled so, unless the client's headers say otherwise (with none, or
    // none of them a content type, `append` is `set` without its search).
    if (body !== undefined && (clientHeaders === undefined || !headers.has("content-type"))) headers.append("content-type", "application/json");
    const init = { method: operation.method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: callOptions.signal };
    const answer = await transport(new CallRequest(url, init));
    if (operation.shape === undefined) return undefined as Data;
    const data = dataOf(answer, operation.shape);
    return operation.read ? operation.read(data, answer) : (data as Data);
  };
  const raw = createClient<Paths>({
    baseUrl: location.apiUrl,
    headers: clientHeaders,
    fetch: rawFetch(transport),
    pathSerializer: encodedPath,
  });
  return { location, raw: checkedRaw(raw, api.requests), call, redactor };
}

const RAW_METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;
const PARSE_AS: readonly unknown[] = ["json", "text", "blob", "arrayBuffer", "stream"];

/**
 * The raw client with each call's options checked first, and its request checked against the rules of the operation
 * it names, so a mistake is an InvalidRequestError before anything is sent, not a crash or a request the spec forbids.
 */
function checkedRaw<Paths extends {}>(raw: RawClient<Paths>, requests: Requests): RawClient<Paths> {
  const call = raw.request as (method: string, path: string, init?: unknown) => unknown;
  const checked: Record<string, unknown> = {
    ...raw,
    request: (method: string, path: string, init?: unknown) =>
      rejecting(() => call(method, path, checkCallInit(String(method).toUpperCase(), path, init, requests))),
  };
  for (const method of RAW_METHODS) {
    const send = raw[method] as (path: string, init?: unknown) => unknown;
    checked[method] = (path: string, init?: unknown) => rejecting(() => send(path, checkCallInit(method, path, init, requests)));
  }
  return checked as unknown as RawClient<Paths>;
}

/** A raw call is a promise, as openapi-fetch's are: a refused request rejects it rather than throwing. */
function rejecting(work: () => unknown): unknown {
  try {
    return work();
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * A raw call's options, checked, with the checked copies of its request. The route must be an operation of the spec:
 * any other is a request the spec does not allow, and a path written with its ids filled in (not the template) would
 * escape the checks of the ids.
 */
function checkCallInit(method: string, path: unknown, init: unknown, requests: Requests): unknown {
  const key = `${method} ${String(path)}`;
  if (typeof path !== "string" || !Object.hasOwn(requests, key)) invalid(unknownOperation(key, path, requests));
  const rules = requests[key]!;
  if (init === undefined) {
    checkRequest(rules, {}, method);
    return init;
  }
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
  const request = { path: params?.path, query: params?.query, body } as OperationRequest;
  const sent = checkRequest(rules, request, method);
  return { ...init, params: { ...params, path: sent.path, query: sent.query }, body: sent.body };
}

function unknownOperation(key: string, path: unknown, requests: Requests): string {
  const shownPath = typeof path === "string" ? path : shown(path);
  const methods = Object.keys(requests)
    .filter((known) => known.endsWith(` ${shownPath}`))
    .map((known) => known.slice(0, known.indexOf(" ")));
  if (methods.length > 0) return `${key} is not an operation of the spec: ${shownPath} takes ${methods.join(", ")}`;
  const paths = [...new Set(Object.keys(requests).map((known) => known.slice(known.indexOf(" ") + 1)))];
  return `${shownPath} is not a path of the spec (write the template, with ids in params.path): the paths are ${paths.join(", ")}`;
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
 * The ids of a call encoded into its path as openapi-fetch's default (simple style) does, with the split of each
 * template kept, as the serializer runs on every call. Every call's ids, `raw` calls included, were checked against
 * the spec's rules before openapi-fetch got them (see `checkRequest`), so none can leave the route it names.
 */
function encodedPath(template: string, params: Record<string, unknown>): string {
  let parts = templates.get(template);
  if (parts === undefined) {
    parts = template.split(PATH_PARAMETER);
    if (templates.size < MAX_TEMPLATES) templates.set(template, parts);
  }
  let url = parts[0]!;
  for (let index = 1; index < parts.length; index += 2) {
    url += encodeURIComponent(params[parts[index]!] as string) + parts[index + 1]!;
  }
  return url;
}

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
 * The data of an answer, checked against its top-level shape: what the transport parsed, or a `ResponseParseError`
 * for an empty body where the API documents one or a body of the wrong shape.
 */
function dataOf(answer: Answer, shape: Shape): unknown {
  const { data } = answer;
  const reason =
    data === undefined ? "no body where the API documents one"
    : shape.test(data) ? undefined
    : `${describeJson(data)} where ${shape.expected} was expected`;
  if (reason === undefined) return data;
  throw responseParseError(answer, reason);
}

/**
 * The query as openapi-fetch writes it by default (form style, arrays exploded: `grant_ids=a&grant_ids=b`), for a
 * query checked against the spec: only its parameters, each a primitive or a list of them.
 */
function queryString(query: Record<string, unknown> | undefined): string {
  let search = "";
  for (const name in query) {
    const value = query[name];
    for (const item of Array.isArray(value) ? value : [value]) {
      search += `${search === "" ? "?" : "&"}${name}=${encodeURIComponent(item as string | number | boolean)}`;
    }
  }
  return search;
}

/**
 * The `fetch` the raw client's openapi-fetch calls, with the `Request` it built (after its middleware): read into a
 * call the transport can send more than once, and its answer handed back as a `Response`.
 */
function rawFetch(transport: Transport): typeof globalThis.fetch {
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const body = request.body === null ? undefined : await request.text();
    const { method, headers, signal, credentials, cache, keepalive, mode, referrerPolicy } = request;
    const call = new CallRequest(request.url, { ...init, method, headers, body, signal, credentials, cache, keepalive, mode, referrerPolicy });
    return responseOf(await transport(call));
  };
}
