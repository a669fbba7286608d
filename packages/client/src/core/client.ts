import createClient, { type Client } from "openapi-fetch";
import { createTransport, type TransportOptions } from "./transport.js";

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
  options: ClientOptions & Pick<TransportOptions, "getToken" | "secrets">,
): RawClient<Paths> {
  return createClient<Paths>({ baseUrl, headers: options.headers, fetch: createTransport(options) });
}

/**
 * The data of a call. openapi-fetch types it as possibly absent (an error answer, an empty body), but the
 * transport has already thrown for both, so here it is always there.
 */
export function dataOf<Data>(result: { data?: Data }): Data {
  return result.data as Data;
}
