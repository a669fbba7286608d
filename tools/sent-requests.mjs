// @ts-check
// A `fetch` that records what a client sends and answers from the test's table (no network), and the rules a sent
// request must follow to be the one the call names.
import { isDeepStrictEqual } from "node:util";

/** @type {import("./sent-requests.d.mts").recordingFetch} */
export function recordingFetch(answer) {
  /** @type {import("./sent-requests.d.mts").SentRequest[]} */
  const sent = [];
  /** @type {typeof globalThis.fetch} */
  const fetch = async (input, init) => {
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

/** `.` or `..`, as typed or percent-encoded: the URL parser resolves every one of these. */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

/** @param {string} segment */
function decoded(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** @param {Iterable<[string, string]>} pairs */
const sortedPairs = (pairs) => [...pairs].map((pair) => JSON.stringify(pair)).sort();

/** @type {import("./sent-requests.d.mts").requestProblems} */
export function requestProblems(request, expected) {
  const problems = [];
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
    /** @type {unknown} */
    let body;
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

/**
 * Why `value` cannot go into JSON as it is, or `undefined` when it can.
 * @param {unknown} value @param {string} at @param {object[]} ancestors @returns {string | undefined}
 */
function notJson(value, at, ancestors) {
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

/** @type {import("./sent-requests.d.mts").asJson} */
export function asJson(value) {
  const problem = notJson(value, "the body", []);
  if (problem) throw new Error(`A call with this body succeeded, but JSON cannot carry it as it is: ${problem}`);
  return JSON.parse(JSON.stringify(value));
}

/** @type {import("./sent-requests.d.mts").queryPairs} */
export function queryPairs(query) {
  if (!query || typeof query !== "object") return [];
  return Object.entries(query).flatMap(([name, value]) => {
    if (value === undefined || value === null) return [];
    return (Array.isArray(value) ? value : [value]).map((item) => /** @type {[string, string]} */ ([name, String(item)]));
  });
}

/** @type {import("./sent-requests.d.mts").rawRoute} */
export function rawRoute(method, path, init) {
  const { params, body } = /** @type {{ params?: { path?: Record<string, string>; query?: unknown }; body?: unknown }} */ (
    init && typeof init === "object" ? init : {}
  );
  const segments = path
    .split("/")
    .slice(1)
    .map((segment) => (segment.startsWith("{") ? /** @type {string} */ (params?.path?.[segment.slice(1, -1)]) : segment));
  return { method, segments, query: queryPairs(params?.query), body: body === undefined ? undefined : asJson(body) };
}
