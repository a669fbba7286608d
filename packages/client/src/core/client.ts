import createClient, { createQuerySerializer, defaultPathSerializer, type Client } from "openapi-fetch";
import { ResponseParseError } from "./errors.js";
import { createTransport, requestInfoOf, type TransportOptions } from "./transport.js";
import { checkId, checkJson, checkQuery } from "./validate.js";

/** The typed openapi-fetch client under each grantkit client, for calls the client does not wrap. */
export type RawClient<Paths extends {}> = Client<Paths, "application/json">;

/** Options every grantkit client takes, besides its base URL and auth. */
export interface ClientOptions extends Pick<TransportOptions, "fetch" | "timeoutMs" | "retry"> {
  /** Headers sent with every request. */
  headers?: Record<string, string>;
}

/** Options of one call. */
export interface CallOptions {
  /** Aborts the call, waits between retries included. */
  signal?: AbortSignal;
}

/** An openapi-fetch client whose every request goes through the grantkit transport. */
export function createRawClient<Paths extends {}>(
  baseUrl: string,
  options: ClientOptions & Pick<TransportOptions, "tokenSource" | "redactor">,
): RawClient<Paths> {
  return createClient<Paths>({
    baseUrl,
    headers: options.headers,
    fetch: createTransport(options),
    pathSerializer: checkedPath,
    querySerializer: checkedQuery,
    bodySerializer: checkedBody,
  });
}

const PATH_PARAMETER = /\{([^{}]+)\}/g;

/**
 * Every path parameter of every call, `raw` calls included, is checked before openapi-fetch encodes it, so no id
 * can leave the route it names (and a missing one is not sent as a literal `{id}`).
 */
function checkedPath(pathname: string, params: Record<string, unknown>): string {
  for (const [, name] of pathname.matchAll(PATH_PARAMETER)) checkId(params[name as string], `path parameter ${name}`);
  return defaultPathSerializer(pathname, params);
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
 * The data of a call, checked against its top-level shape. openapi-fetch types it as possibly absent: the transport
 * has thrown for error answers and bodies that are not JSON; an empty body where the API documents one is caught here.
 */
export function dataOf<Data>(result: { data?: Data; response: Response }, shape: Shape): Data {
  const { data, response } = result;
  const reason =
    data === undefined ? "no body where the API documents one"
    : shape.test(data) ? undefined
    : `${describeJson(data)} where ${shape.expected} was expected`;
  if (reason === undefined) return data as Data;
  throw new ResponseParseError(
    requestInfoOf(response),
    { status: response.status, contentType: response.headers.get("content-type") },
    reason,
  );
}
