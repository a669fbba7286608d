import { readAnswer, type Answer } from "../answer.js";
import type { TokenSource } from "./token-source.js";
import type { RateLimitBudget } from "../budget.js";
import { abortReason, deadline, sleep, TIMED_OUT } from "./deadline.js";
import { ApiError, NetworkError, RedirectError, TimeoutError, type ApiErrorClass, type RequestLine } from "../errors.js";
import type { Redactor } from "../redaction.js";
import { nextHop, type Hop, type RedirectPolicy } from "./redirects.js";
import { isRetryable, retryDelayMs, type Failure, type RetryPolicy } from "../retry.js";
import { invalid } from "../validate.js";

/**
 * One call, as the transport sends it (each attempt, each retry): the parts of a request `fetch` needs, and nothing
 * that costs (a real `Request` would copy the headers and wrap the body in a stream).
 */
export class CallRequest implements RequestLine {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: BodyInit | null | undefined;
  readonly signal: AbortSignal | undefined;
  /** The rest of the init (a `raw` call's `credentials`, `cache`...), passed on to `fetch`. */
  readonly init: RequestInit;

  constructor(url: string, init: RequestInit = {}) {
    this.url = url;
    this.method = init.method ?? "GET";
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.body = init.body;
    this.signal = init.signal ?? undefined;
    this.init = init;
  }
}

/** Sends one call (auth, timeout, retries, redirects) and resolves with its 2xx answer, or throws a typed error. */
export type Transport = (request: CallRequest) => Promise<Answer>;

export const DEFAULT_TIMEOUT_MS = 10_000;

export interface TransportOptions {
  /** The `fetch` to send requests with. Default: the global `fetch`. */
  fetch: typeof globalThis.fetch | undefined;
  /** The bearer token of each attempt. Absent for endpoints that take no token (token endpoints). */
  tokenSource: TokenSource | undefined;
  /** Milliseconds one attempt may take, reading the body included; a `getToken` call has as long again. */
  timeoutMs: number;
  retry: RetryPolicy;
  /** The values never to show in an error; the token of the attempt is always redacted too. */
  redactor: Redactor;
  /**
   * Whether every request of this transport can be sent again whatever its method (a token exchange): it is then
   * retried on 5xx, network errors and timeouts too.
   */
  idempotent: boolean;
  /** The rate-limit budget every attempt waits for; none for a token endpoint, whose limits are its own. */
  budget: RateLimitBudget | undefined;
  /** Which redirects an attempt follows: `"none"` for a token exchange, `"same-origin"` for API calls. */
  redirects: RedirectPolicy;
  /** The class of the error a non-2xx answer becomes: the client's own `ApiError`. */
  apiError: ApiErrorClass;
}

/**
 * Creates the transport of a client (or of a token endpoint). It resolves with the 2xx answer, its body read and
 * parsed once (see {@link Answer}), and throws the client's {@link ApiError}, {@link RedirectError},
 * {@link TimeoutError}, {@link NetworkError} or `ResponseParseError` otherwise; an abort of the call's signal
 * rejects with its reason.
 */
export function createTransport(options: TransportOptions): Transport {
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const { tokenSource: source, timeoutMs, retry: policy, redactor, idempotent, budget, redirects, apiError } = options;

  /**
   * The requests of one attempt, `init` the first one's: the call's, then each redirect the policy follows (see
   * `nextHop`), fetch following none by itself. The answer's body is read; a redirect's is cancelled unread.
   */
  const fetchAndRead = async (call: CallRequest, init: RequestInit, token: string | undefined) => {
    let hop: Hop = call;
    for (let followed = 0; ; followed++) {
      const response = await fetchImpl(hop.url, init);
      const next = nextHop(hop, response, followed, redirects, redactor.with(token));
      if (next === undefined) return { response, text: await response.text() };
      await response.body?.cancel().catch(() => undefined);
      if (next instanceof RedirectError) throw next;
      hop = next;
      init = { ...init, method: hop.method, headers: hop.headers, body: hop.body };
    }
  };

  /**
   * One attempt: a place in the rate-limit budget (the wait is not part of `timeoutMs`), then one
   * `fetch(url, init)`, and one more per redirect followed, with the body read within the timeout; the answer's
   * headers go back to the budget.
   */
  async function attempt(call: CallRequest, token: string | undefined): Promise<Answer> {
    const place = budget?.acquire(call.signal, policy.maxWaitMs);
    // Awaited only when the budget holds the attempt: most attempts start at once, without a turn of the queue.
    const release = typeof place === "function" || place === undefined ? place : await place;
    let answered: Headers | undefined;
    let limited: ApiError | undefined;
    try {
      if (call.signal?.aborted) throw abortReason(call.signal);
      if (token !== undefined) call.headers.set("authorization", `Bearer ${token}`);
      const shown = shownRequest(call, redactor.with(token));
      const controller = new AbortController();
      // `redirect` after the spread: a raw call's own init cannot have fetch follow redirects again.
      const init: RequestInit = { ...call.init, method: call.method, headers: call.headers, body: call.body, signal: controller.signal, redirect: "manual" };
      let read: Awaited<ReturnType<typeof fetchAndRead>> | typeof TIMED_OUT;
      try {
        read = await deadline(fetchAndRead(call, init, token), call.signal, timeoutMs, controller);
      } catch (error) {
        if (call.signal?.aborted) throw abortReason(call.signal);
        if (error instanceof RedirectError) throw error;
        throw new NetworkError(shown, redactor.with(token).redactError(error));
      }
      if (read === TIMED_OUT) throw new TimeoutError(shown, timeoutMs);
      answered = read.response.headers;
      return readAnswer(read.response, read.text, shown, redactor.with(token), apiError);
    } catch (error) {
      if (error instanceof ApiError && error.status === 429) limited = error;
      throw error;
    } finally {
      release?.(answered, limited);
    }
  }

  /** The token of an attempt: at once when it is known, else within the call's signal (and `timeoutMs`, see TokenSource). */
  async function fetchToken(call: CallRequest): Promise<string> {
    const token = await deadline(
      Promise.resolve().then(() => source!.get()),
      call.signal,
      source!.settles ? undefined : timeoutMs,
    );
    if (token === TIMED_OUT) throw new TimeoutError(shownRequest(call, redactor), timeoutMs);
    return token;
  }

  return async function send(call) {
    // openapi-fetch leaves a path parameter it was not given as a literal `{name}` (ids are encoded: `%7B`).
    if (/[{}]/.test(call.url)) invalid(`${call.method} ${shownRequest(call, redactor).url.replace(/\?.*$/, "")} is missing a path parameter`);
    let tokenDropped = false;
    let mayHaveActed = false;
    for (let retry = 0; ; ) {
      const token = source === undefined ? undefined : (source.peek?.() ?? (await fetchToken(call)));
      let failure: Failure;
      try {
        return await attempt(call, token);
      } catch (error) {
        const retried = error instanceof ApiError || error instanceof NetworkError || (idempotent && error instanceof TimeoutError);
        if (!retried) throw error;
        failure = error as Failure;
      }
      // A DELETE sent again after an attempt the server may have carried out (its answer lost, or a 5xx) and now
      // answered 404 did what was asked: the resource is gone.
      if (mayHaveActed && call.method === "DELETE" && failure instanceof ApiError && failure.status === 404) {
        return readAnswer(new Response(null, { status: 204 }), "", shownRequest(call, redactor), redactor, apiError);
      }
      mayHaveActed ||= failure instanceof NetworkError || (failure instanceof ApiError && failure.status >= 500);
      // A 401 means the token is dead (revoked, rotated): with a source that can issue another, try once more at once.
      if (failure instanceof ApiError && failure.status === 401 && token !== undefined && source?.drop && !tokenDropped) {
        tokenDropped = true;
        source.drop(token);
        continue;
      }
      const delay =
        retry < policy.limit && isRetryable(call.method, failure, policy, idempotent)
          ? retryDelayMs(retry, failure, policy)
          : undefined;
      if (delay === undefined) throw failure;
      await sleep(delay, call.signal);
      retry += 1;
    }
  };
}

/**
 * The request as its errors show it. Its URL can hold an id the server answered with (a created client's, in the
 * path of its secret request), and so a credential that server echoed: it is redacted, once, when an error reads it.
 */
function shownRequest(call: CallRequest, redactor: Redactor): RequestLine {
  let url: string | undefined;
  return {
    method: call.method,
    get url() {
      return (url ??= redactor.redact(call.url));
    },
  };
}
