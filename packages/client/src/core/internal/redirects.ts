import { RedirectError } from "../errors.js";
import type { Redactor } from "../redaction.js";

/**
 * Which redirects a transport follows. fetch's own `redirect: "follow"` is no policy for credentials: on the way to
 * another origin it drops `Authorization` but sends the body again (on a 307 or 308), and it resolves with whatever
 * the other origin answers, as if the API had. So every request is sent with `redirect: "manual"`, and:
 *
 * - `"none"`, for a token exchange: its body is the client secret, and a token from anywhere but the endpoint the
 *   application named is one it never asked for. Every 3xx is a {@link RedirectError}.
 * - `"same-origin"`, for an API call: up to {@link MAX_REDIRECTS} redirects on the call's own origin (scheme, host
 *   and port), where its token is meant to go, with fetch's method rules; any other 3xx is a {@link RedirectError}.
 *
 * In a browser, `redirect: "manual"` answers an opaque redirect, which hides where it points: none is followed.
 */
export type RedirectPolicy = "none" | "same-origin";

/** The redirects one attempt of an API call follows at most: enough for a moved route, not for a loop. */
const MAX_REDIRECTS = 5;

/** The statuses fetch follows; the other 3xx (300, 304...) are not redirects it would send a request for. */
const FOLLOWED = new Set([301, 302, 303, 307, 308]);

/** The headers that describe a body, dropped with it when a redirect turns the request into a GET (as fetch does). */
const BODY_HEADERS = ["content-encoding", "content-language", "content-location", "content-type"];

/** One request of an attempt: the call's own, then each redirect's. */
export interface Hop {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: BodyInit | null | undefined;
}

/**
 * What follows `response`, the answer to `hop` after `followed` redirects: `undefined` when it is the answer, the
 * next request when it is a redirect the policy follows, a {@link RedirectError} when it is one it does not. The
 * URLs the error shows came from the server (which may echo a credential into them), so they are redacted.
 */
export function nextHop(
  hop: Hop,
  response: Response,
  followed: number,
  policy: RedirectPolicy,
  redactor: Redactor,
): Hop | RedirectError | undefined {
  const { status } = response;
  const opaque = response.type === "opaqueredirect";
  if (!opaque && !response.redirected && (status < 300 || status > 399)) return undefined;

  const from = new URL(hop.url);
  const shown = (target: URL) =>
    target.origin === from.origin ? redactor.redact(target.href) : `another origin (${redactor.redact(target.origin)})`;
  const refuse = (target: URL | undefined, what: string, why: string) =>
    new RedirectError(
      { method: hop.method, url: redactor.redact(hop.url) },
      { status: opaque || response.redirected ? 0 : status, location: target && redactor.redact(target.href) },
      `${what}, which grantkit does not follow: ${why}`,
    );
  const tokenRule = "a token exchange follows no redirect";
  const originRule = "a call follows redirects on its own origin only";

  if (opaque) {
    return refuse(undefined, "answered with a redirect whose target the browser hides (an opaque redirect)", "in a browser, the clients follow no redirect");
  }
  if (response.redirected) {
    // A custom fetch followed a redirect by itself: where it ended is all that is known of it.
    const landed = usableUrl(response.url, hop.url);
    if (policy === "same-origin" && landed?.origin === from.origin) return undefined;
    const what = `was redirected by its fetch to ${landed ? shown(landed) : "a URL it does not tell"}`;
    return refuse(landed, what, policy === "none" ? tokenRule : originRule);
  }
  const target = usableUrl(response.headers.get("location"), hop.url);
  if (policy === "none") return refuse(target, target ? `answered ${status} with a redirect to ${shown(target)}` : `answered ${status}`, tokenRule);
  if (!FOLLOWED.has(status)) return refuse(target, `answered ${status}`, "a call follows only 301, 302, 303, 307 and 308");
  if (target === undefined) {
    return refuse(undefined, `answered ${status} without a usable Location`, "a redirect must name a URL without a user name or password");
  }
  const what = `answered ${status} with a redirect to ${shown(target)}`;
  if (target.origin !== from.origin) return refuse(target, what, originRule);
  if (followed >= MAX_REDIRECTS) return refuse(target, what, `a call follows at most ${MAX_REDIRECTS} redirects`);

  const becomesGet = ((status === 301 || status === 302) && hop.method === "POST") || (status === 303 && hop.method !== "GET" && hop.method !== "HEAD");
  if (!becomesGet) return { url: target.href, method: hop.method, headers: hop.headers, body: hop.body };
  const headers = new Headers(hop.headers);
  for (const name of BODY_HEADERS) headers.delete(name);
  return { url: target.href, method: "GET", headers, body: undefined };
}

/** A `Location` (absolute, or relative to `base`) that can be followed: a URL without a user name or password. */
function usableUrl(location: string | null, base: string): URL | undefined {
  if (location === null || location === "") return undefined;
  try {
    const url = new URL(location, base);
    return url.username === "" && url.password === "" ? url : undefined;
  } catch {
    return undefined;
  }
}
