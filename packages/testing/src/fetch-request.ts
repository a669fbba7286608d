/** What the fake reads of a request: a Fetch API `Request` has it all, and so has the lighter one below. */
export type FakeRequest = Pick<Request, "url" | "method" | "headers" | "signal" | "text">;

/** The methods `fetch` writes in capitals whatever their case; others (`patch`) are sent as given. */
const NORMALIZED_METHODS = new Set(["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"]);

/**
 * The request a `fetch(input, init)` call makes. A URL with a text body or none (what the clients send) skips the
 * `Request` constructor, the costliest step of a call through the fake; anything else is a real `Request`.
 */
export function fetchRequest(input: RequestInfo | URL, init: RequestInit | undefined): FakeRequest {
  const body = init?.body;
  if ((typeof input !== "string" && !(input instanceof URL)) || (body !== undefined && body !== null && typeof body !== "string")) {
    return new Request(input, init);
  }
  const method = init?.method ?? "GET";
  const url = new URL(input);
  const signal = init?.signal ?? new AbortController().signal;
  return {
    url: url.href,
    method: NORMALIZED_METHODS.has(method.toUpperCase()) ? method.toUpperCase() : method,
    headers: new Headers(init?.headers),
    signal,
    text: async () => body ?? "",
  };
}
