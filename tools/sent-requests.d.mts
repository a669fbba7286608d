/** A request as a client sent it. Header names are lower case. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The body as text; empty when there was none. */
  body: string;
}

/**
 * A `fetch` that records every request in `sent` and answers it with `answer`, never touching the network. Pass
 * it as a client's `fetch` option.
 */
export function recordingFetch(answer: (request: SentRequest) => Response | Promise<Response>): {
  fetch: typeof globalThis.fetch;
  sent: SentRequest[];
};

/** The request a call names. */
export interface ExpectedRequest {
  method: string;
  /** The API's origin, `https://tenant.example`. */
  origin: string;
  /** The API root's path as configured, `/api/v2` (one trailing slash ignored): the route's segments follow it. */
  rootPath: string;
  /** The route's path segments under the root, each decoded: `["client-grants", id]`. A trailing slash is a last `""`. */
  segments: string[];
  /** The query as decoded name-value pairs, in any order; `undefined` leaves the query unchecked. */
  query?: Array<[string, string]>;
  /** The token the `authorization` header must carry as `Bearer <token>`. */
  bearer: string;
  /**
   * `undefined`: no body. A value: the JSON body must equal it. A function: the parsed body is handed to it, and it
   * returns what is wrong, or nothing.
   */
  body?: unknown;
}

/**
 * What makes `request` other than `expected`, one line per problem; empty when it is exactly the request the call
 * names: its method, origin and route (one segment per id, no dot segment), no user info or fragment, the
 * configured bearer, and a body that is valid JSON (sent as such) when one is expected, none otherwise.
 */
export function requestProblems(request: SentRequest, expected: ExpectedRequest): string[];

/**
 * What `value` becomes once sent as JSON and read back. Throws when JSON cannot carry it as it is (a hole or
 * `undefined` in an array, a non-finite number, a BigInt, a Symbol, a function, a class instance, a cycle): a call
 * that sent such a body sent something other than what it was given.
 */
export function asJson(value: unknown): unknown;

/** The query a call must send for `query`: every member that is set, arrays exploded, values as text. */
export function queryPairs(query: unknown): Array<[string, string]>;

/**
 * The request a raw call names: `method`, the path template with each `{name}` replaced by that path parameter of
 * `init.params.path`, the query of `init.params.query`, and `init.body` as JSON.
 */
export function rawRoute(method: string, path: string, init: unknown): Omit<ExpectedRequest, "origin" | "rootPath" | "bearer">;
