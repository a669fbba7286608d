// A `fetch` that records what a client sends and answers from the test's table (no network), and the rules a sent
// request must follow to be the one the call names.
import { isDeepStrictEqual } from "node:util";

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
} {
  const sent: SentRequest[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const recorded = {
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: await request.text(),
    };
    sent.push(recorded);
    return answer(recorded);
  };
  return { fetch, sent };
}

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
  query?: Array<[string, string]> | undefined;
  /** The token the `authorization` header must carry as `Bearer <token>`. */
  bearer: string;
  /**
   * `undefined`: no body. A value: the JSON body must equal it. A function: the parsed body is handed to it, and it
   * returns what is wrong, or nothing.
   */
  body?: unknown;
}

/** `.` or `..`, as typed or percent-encoded: the URL parser resolves every one of these. */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

const sortedPairs = (pairs: Iterable<[string, string]>) => [...pairs].map((pair) => JSON.stringify(pair)).sort();

/**
 * What makes `request` other than `expected`, one line per problem; empty when it is exactly the request the call
 * names: its method, origin and route (one segment per id, no dot segment), no user info or fragment, the
 * configured bearer, and a body that is valid JSON (sent as such) when one is expected, none otherwise.
 */
export function requestProblems(request: SentRequest, expected: ExpectedRequest): string[] {
  const problems: string[] = [];
  const url = new URL(request.url);
  if (request.method !== expected.method) problems.push(`method ${request.method}, expected ${expected.method}`);
  if (url.origin !== expected.origin) problems.push(`origin ${url.origin}, expected ${expected.origin}`);
  if (url.username || url.password) problems.push("user info in the URL");
  if (url.hash) problems.push(`a fragment (${url.hash})`);

  const raw = url.pathname.split("/").slice(1);
  if (raw.some((segment) => DOT_SEGMENT.test(segment))) problems.push(`a dot segment in ${url.pathname}`);
  // One trailing slash of the root separates it from the route; any more are part of the root as configured.
  const root = expected.rootPath.replace(/\/$/, "");
  if (!url.pathname.startsWith(`${root}/`)) {
    problems.push(`path ${url.pathname} is not under ${root}/`);
  } else {
    const segments = url.pathname.slice(root.length + 1).split("/").map(decoded);
    if (!isDeepStrictEqual(segments, expected.segments)) {
      problems.push(`path ${url.pathname} has the segments ${JSON.stringify(segments)}, expected ${JSON.stringify(expected.segments)} under ${root}`);
    }
  }

  if (expected.query !== undefined && !isDeepStrictEqual(sortedPairs(url.searchParams), sortedPairs(expected.query))) {
    problems.push(`query ${url.search}, expected ${JSON.stringify(expected.query)}`);
  }

  const authorization = request.headers.authorization;
  if (authorization !== `Bearer ${expected.bearer}`) problems.push(`authorization ${JSON.stringify(authorization)}, expected the configured bearer`);

  if (expected.body === undefined) {
    if (request.body !== "") problems.push(`a body on ${request.method}: ${request.body.slice(0, 200)}`);
  } else {
    let body: unknown;
    try {
      body = JSON.parse(request.body);
    } catch {
      problems.push(`a body that is not JSON: ${request.body.slice(0, 200)}`);
    }
    if (!/^application\/json\b/i.test(request.headers["content-type"] ?? "")) {
      problems.push(`content-type ${request.headers["content-type"]} for a JSON body`);
    }
    if (typeof expected.body === "function") {
      const problem = expected.body(body);
      if (problem) problems.push(problem);
    } else if (!isDeepStrictEqual(body, expected.body)) {
      problems.push(`body ${request.body.slice(0, 200)}, expected ${JSON.stringify(expected.body)?.slice(0, 200)}`);
    }
  }
  return problems;
}

/** Why `value` cannot go into JSON as it is, or `undefined` when it can. */
function notJson(value: unknown, at: string, ancestors: object[]): string | undefined {
  if (value === null || typeof value === "string" || typeof value === "boolean") return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? undefined : `${at} is ${value}`;
  if (typeof value !== "object") return `${at} is a ${typeof value}`;
  if (ancestors.includes(value)) return `${at} is a cycle`;
  const inside = [...ancestors, value];
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      if (!(index in value) || value[index] === undefined) return `${at}[${index}] is a hole or undefined`;
      const problem = notJson(value[index], `${at}[${index}]`, inside);
      if (problem) return problem;
    }
    return undefined;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return `${at} is not a plain object`;
  for (const [key, member] of Object.entries(value)) {
    const problem = member === undefined ? undefined : notJson(member, `${at}.${key}`, inside);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * What `value` becomes once sent as JSON and read back. Throws when JSON cannot carry it as it is (a hole or
 * `undefined` in an array, a non-finite number, a BigInt, a Symbol, a function, a class instance, a cycle): a call
 * that sent such a body sent something other than what it was given.
 */
export function asJson(value: unknown): unknown {
  const problem = notJson(value, "the body", []);
  if (problem) throw new Error(`A call with this body succeeded, but JSON cannot carry it as it is: ${problem}`);
  return JSON.parse(JSON.stringify(value));
}

/** The query a call must send for `query`: every member that is set, arrays exploded, values as text. */
export function queryPairs(query: unknown): Array<[string, string]> {
  if (!query || typeof query !== "object") return [];
  return Object.entries(query).flatMap(([name, value]): Array<[string, string]> => {
    if (value === undefined || value === null) return [];
    return (Array.isArray(value) ? value : [value]).map((item) => [name, String(item)]);
  });
}

/**
 * The request a raw call names: `method`, the path template with each `{name}` replaced by that path parameter of
 * `init.params.path`, the query of `init.params.query`, and `init.body` as JSON.
 */
export function rawRoute(method: string, path: string, init: unknown): Omit<ExpectedRequest, "origin" | "rootPath" | "bearer"> {
  const { params, body } = (init && typeof init === "object" ? init : {}) as {
    params?: { path?: Record<string, string>; query?: unknown };
    body?: unknown;
  };
  const segments = path
    .split("/")
    .slice(1)
    .map((segment) => (segment.startsWith("{") ? (params?.path?.[segment.slice(1, -1)] as string) : segment));
  return { method, segments, query: queryPairs(params?.query), body: body === undefined ? undefined : asJson(body) };
}
