import createClient, { defaultPathSerializer, type Client } from "openapi-fetch";
import { ResponseParseError } from "./errors.js";
import { createTransport, requestInfoOf, type TransportOptions } from "./transport.js";
import { checkId } from "./validate.js";

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
  return createClient<Paths>({ baseUrl, headers: options.headers, fetch: createTransport(options), pathSerializer: checkedPath });
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

/**
 * The data of a call. openapi-fetch types it as possibly absent: the transport has thrown for error answers and
 * bodies that are not JSON, and what is left to catch here is an empty 204 where the spec documents a body.
 */
export function dataOf<Data>(result: { data?: Data; response: Response }): Data {
  if (result.data === undefined) {
    const { response } = result;
    throw new ResponseParseError(
      requestInfoOf(response),
      { status: response.status, contentType: response.headers.get("content-type") },
      "no body where the API documents one",
    );
  }
  return result.data;
}
