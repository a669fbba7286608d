import type { TokenSource } from "./auth.js";
import { ApiError, GrantkitError, NetworkError, ResponseParseError, TimeoutError, type RequestInfo } from "./errors.js";
import { isRetryable, resolveRetry, retryDelayMs, sleep, type Failure, type RetryOptions } from "./retry.js";
import { Redactor } from "./redaction.js";
import { checkInteger } from "./validate.js";

/** A `fetch` that sends one openapi-fetch request: auth, timeout, retries, and typed errors. */
export type Transport = (request: Request) => Promise<Response>;

export const DEFAULT_TIMEOUT_MS = 10_000;

/** The longest delay `setTimeout` keeps (2^31 - 1 ms, about 24.8 days): a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface TransportOptions {
  /** The `fetch` to send requests with. Default: the global `fetch`. */
  fetch?: typeof globalThis.fetch;
  /** The bearer token of each attempt. Absent for endpoints that take no token (token endpoints). */
  tokenSource?: TokenSource;
  /** Milliseconds one attempt may take, reading the body included; a `getToken` call has as long again. Default 10 000. */
  timeoutMs?: number;
  /** Retry policy, or `false` for none. Default: see {@link RetryOptions}. */
  retry?: RetryOptions | false;
  /**
   * The values never to show in an error, such as a client secret; the token of the attempt is always redacted
   * too. Values added to it later (a secret the API has just shown) count from then on.
   */
  redactor?: Redactor;
  /**
   * Whether every request of this transport can be sent again whatever its method (a token exchange): it is then
   * retried on 5xx, network errors and timeouts too.
   */
  idempotent?: boolean;
}

/**
 * Creates the transport both clients hand to openapi-fetch as its `fetch`. It resolves with a 2xx response whose
 * body is known to be JSON (or empty), and throws {@link ApiError}, {@link TimeoutError}, {@link NetworkError} or
 * {@link ResponseParseError} otherwise; an abort of the call's own signal rejects with that signal's reason.
 */
export function createTransport(options: TransportOptions = {}): Transport {
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const policy = resolveRetry(options.retry);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const baseRedactor = options.redactor ?? new Redactor();
  const idempotent = options.idempotent ?? false;
  checkInteger(timeoutMs, "timeoutMs", 1, MAX_TIMER_MS);
  checkInteger(policy.maxRetries, "retry.maxRetries", 0);
  checkInteger(policy.baseDelayMs, "retry.baseDelayMs", 0, MAX_TIMER_MS);
  checkInteger(policy.maxDelayMs, "retry.maxDelayMs", 0, MAX_TIMER_MS);

  async function attempt(request: Request, body: string | undefined, info: RequestInfo, token: string | undefined) {
    const redactor = baseRedactor.with(token);
    const headers = new Headers(request.headers);
    if (token !== undefined) headers.set("authorization", `Bearer ${token}`);

    const callSignal = request.signal;
    if (callSignal.aborted) throw callSignal.reason;
    const controller = new AbortController();
    const forwardAbort = () => controller.abort(callSignal.reason);
    callSignal.addEventListener("abort", forwardAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const response = await fetchImpl(
        new Request(request.url, { method: request.method, headers, body, signal: controller.signal }),
      );
      return settle(response, await response.text(), info, redactor);
    } catch (error) {
      if (error instanceof GrantkitError) throw error;
      if (timedOut) throw new TimeoutError(info, timeoutMs);
      if (callSignal.aborted) throw callSignal.reason;
      throw new NetworkError(info, redactor.redactError(error));
    } finally {
      clearTimeout(timer);
      callSignal.removeEventListener("abort", forwardAbort);
    }
  }

  /**
   * The token for an attempt, within the call's signal, and within `timeoutMs` when the source may never settle by
   * itself. Its failures are thrown as they are: a token exchange retries by its own policy, never again as part of
   * the call that needed the token.
   */
  function tokenFor(signal: AbortSignal, info: RequestInfo): Promise<string> | undefined {
    const source = options.tokenSource;
    if (!source) return undefined;
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const settled = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
      };
      const onAbort = () => {
        settled();
        reject(signal.reason);
      };
      const timer = source.settles
        ? undefined
        : setTimeout(() => {
            settled();
            reject(new TimeoutError(info, timeoutMs));
          }, timeoutMs);
      signal.addEventListener("abort", onAbort, { once: true });
      Promise.resolve().then(() => source.get()).then(
        (token) => (settled(), resolve(token)),
        (error: unknown) => (settled(), reject(error)),
      );
    });
  }

  return async function send(request) {
    // A request body is a stream that can be read once: keep it as text, which no fetch can detach (an ArrayBuffer
    // can be, when a 307/308 redirect is followed), and rebuild the request for each attempt.
    const body = request.body === null ? undefined : await request.text();
    const info = { method: request.method, url: displayUrl(request.url) };
    let tokenDropped = false;
    let mayHaveActed = false;
    for (let retry = 0; ; retry++) {
      const token = await tokenFor(request.signal, info);
      let failure: Failure;
      try {
        return await attempt(request, body, info, token);
      } catch (error) {
        const retried = error instanceof ApiError || error instanceof NetworkError || (idempotent && error instanceof TimeoutError);
        if (!retried) throw error;
        failure = error;
      }
      // A DELETE sent again after an attempt the server may have carried out (its answer lost, or a 5xx) and now
      // answered 404 did what was asked: the resource is gone.
      if (mayHaveActed && info.method === "DELETE" && failure instanceof ApiError && failure.status === 404) {
        return withRequestInfo(new Response(null, { status: 204 }), info);
      }
      mayHaveActed ||= failure instanceof NetworkError || (failure instanceof ApiError && failure.status >= 500);
      // A 401 means the token is dead (revoked, rotated): with a source that can issue another, try once more at once.
      if (failure instanceof ApiError && failure.status === 401 && token !== undefined && options.tokenSource?.drop && !tokenDropped) {
        tokenDropped = true;
        options.tokenSource.drop(token);
        retry--;
        continue;
      }
      const delay =
        retry < policy.maxRetries && isRetryable(info.method, failure, idempotent)
          ? retryDelayMs(retry, failure, policy)
          : undefined;
      if (delay === undefined) throw failure;
      await sleep(delay, request.signal);
    }
  };
}

/** Turns one answer into the response openapi-fetch reads, or the error it stands for. */
function settle(response: Response, text: string, info: RequestInfo, redactor: Redactor): Response {
  const { status, statusText } = response;
  if (!response.ok) {
    throw new ApiError({
      request: info,
      status,
      statusText: redactor.redact(statusText),
      headers: redactor.redactHeaders(response.headers),
      body: redactor.redactValue(parseErrorBody(text)),
    });
  }
  // The body is decoded text now: its wire length and encoding no longer describe it.
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.delete("content-encoding");
  const contentType = response.headers.get("content-type");
  if (text === "") {
    if (status === 204 || status === 205) return withRequestInfo(new Response(null, { status, statusText, headers }), info);
    throw new ResponseParseError(info, { status, contentType }, "an empty body where JSON was expected");
  }
  if (!contentType || !/[/+]json\b/i.test(contentType)) {
    throw new ResponseParseError(info, { status, contentType }, `a ${contentType ?? "untyped"} body where JSON was expected`);
  }
  try {
    JSON.parse(text);
  } catch {
    throw new ResponseParseError(info, { status, contentType }, "a body that is not valid JSON");
  }
  return withRequestInfo(new Response(text, { status, statusText, headers }), info);
}

const requestInfoKey = Symbol("grantkit.requestInfo");

/** The response remembers its request, which a rebuilt `Response` cannot (its `url` is empty). */
function withRequestInfo(response: Response, info: RequestInfo): Response {
  Object.defineProperty(response, requestInfoKey, { value: info });
  return response;
}

/** The request a response from the transport answered, for errors raised after the transport. */
export function requestInfoOf(response: Response): RequestInfo {
  return (response as Response & { [requestInfoKey]?: RequestInfo })[requestInfoKey] ?? { method: "", url: response.url };
}

function parseErrorBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The URL as errors show it: never with user info. */
function displayUrl(url: string): string {
  const parsed = new URL(url);
  parsed.username = "";
  parsed.password = "";
  return parsed.href;
}
