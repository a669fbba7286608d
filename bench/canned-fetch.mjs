// @ts-check
// The in-process transport: a `fetch` that answers from fixtures.mjs with a fresh `Response`, no socket. Like a
// real `fetch`, it first makes a `Request` of whatever it is given (a URL string and an init, or a `Request`), so
// an SDK that builds its own `Request` pays for the copy as it would with a real `fetch`.
import { answer, RESPONSE_HEADERS } from "./fixtures.mjs";

/** @param {Request} request @param {string | undefined} body */
function respond(request, body) {
  const { status, body: text } = answer({
    method: request.method,
    url: request.url,
    authorization: request.headers.get("authorization"),
    body,
  });
  return new Response(text, { status, headers: RESPONSE_HEADERS });
}

/**
 * The measured canned fetch: it never reads the request body (the contenders were checked with
 * {@link checkingCannedFetch} before).
 *
 * @param {RequestInfo | URL} input @param {RequestInit} [init]
 */
export function cannedFetch(input, init) {
  return Promise.resolve(respond(new Request(input, init), undefined));
}

/**
 * The same answers, but the request body is read and must be the one the operation sends: used once per
 * contender and operation before measuring.
 *
 * @param {RequestInfo | URL} input @param {RequestInit} [init]
 */
export async function checkingCannedFetch(input, init) {
  const request = new Request(input, init);
  return respond(request, await request.text());
}
