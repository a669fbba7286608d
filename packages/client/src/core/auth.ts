import { InvalidRequestError, ResponseParseError } from "./errors.js";
import { Redactor } from "./redaction.js";
import { createTransport, type TransportOptions } from "./transport.js";
import { checkClientCredentials, checkNonEmptyString } from "./validate.js";

/**
 * How a client authenticates: exactly one of a fixed `token`, a `getToken` function called before each attempt,
 * or `clientCredentials` that the client exchanges for a token itself.
 */
export type AuthOptions<Credentials> =
  | { token: string; getToken?: never; clientCredentials?: never }
  | { getToken: () => string | Promise<string>; token?: never; clientCredentials?: never }
  | { clientCredentials: Credentials; token?: never; getToken?: never };

/** An access token as a token endpoint issues it. */
export interface IssuedToken {
  accessToken: string;
  expiresInSeconds: number;
}

/** Where the transport gets the token of each attempt. */
export interface TokenSource {
  /** The token for the next attempt. */
  get(): Promise<string>;
  /**
   * Forgets `token` after the API answered 401 to it, so the next `get()` fetches a new one; present only when a new
   * one can differ (client credentials). The transport then retries the call once.
   */
  drop?(token: string): void;
  /**
   * Whether `get()` always settles by itself (a fixed token; an exchange whose attempts have their own timeouts).
   * A `getToken` function of the application's may not: the transport bounds it by `timeoutMs`.
   */
  settles: boolean;
}

/** Turns the auth options into the source the transport asks for a token before each attempt. */
export function resolveTokenSource<Credentials>(
  auth: AuthOptions<Credentials>,
  exchange: (credentials: Credentials) => Promise<IssuedToken>,
): TokenSource {
  const given = [auth.token, auth.getToken, auth.clientCredentials].filter((option) => option !== undefined);
  if (given.length !== 1) {
    throw new InvalidRequestError("Pass exactly one of `token`, `getToken` or `clientCredentials`");
  }
  if (auth.token !== undefined) {
    checkNonEmptyString(auth.token, "token");
    const token = Promise.resolve(auth.token);
    return { get: () => token, settles: true };
  }
  if (auth.getToken !== undefined) {
    const getToken = auth.getToken;
    const get = async () => {
      const token = await getToken();
      checkNonEmptyString(token, "The token returned by getToken()");
      return token;
    };
    return { get, settles: false };
  }
  const credentials = auth.clientCredentials as Credentials;
  // Checked now, not at the first call: a bad option is the caller's mistake, reported where it was made.
  checkClientCredentials(credentials as { clientId?: unknown; clientSecret?: unknown });
  return { ...cachedToken(() => exchange(credentials)), settles: true };
}

/**
 * Caches an issued token until shortly before it expires (a minute, or half its lifetime when that is shorter),
 * and shares one in-flight exchange between all the callers that need a new one at the same time. `drop(token)`
 * forgets the cached token if it is still `token`: many calls answered 401 with the same token cause one exchange.
 */
export function cachedToken(
  issue: () => Promise<IssuedToken>,
  now = () => Date.now(),
): Pick<TokenSource, "get" | "drop"> {
  let cached: { token: string; refreshAt: number } | undefined;
  let inFlight: Promise<string> | undefined;
  const drop = (token: string) => {
    if (cached?.token === token) cached = undefined;
  };
  const get = () => {
    if (cached && now() < cached.refreshAt) return Promise.resolve(cached.token);
    inFlight ??= issue()
      .then(({ accessToken, expiresInSeconds }) => {
        const lifetimeMs = expiresInSeconds * 1000;
        cached = { token: accessToken, refreshAt: now() + lifetimeMs - Math.min(60_000, lifetimeMs / 2) };
        return accessToken;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
  return { get, drop };
}

/**
 * Sends a client credentials grant to a token endpoint and reads the OAuth 2.0 answer. The request goes through a
 * transport of its own (no bearer token; the same timeout and retry policy), with the client secret redacted from
 * errors. An exchange can be sent again safely, so it is retried on 5xx, network errors and timeouts too, although
 * it is a POST; every call waiting for the token waits for those retries.
 */
export async function requestToken(
  request: Request,
  clientSecret: string,
  options: Pick<TransportOptions, "fetch" | "timeoutMs" | "retry">,
): Promise<IssuedToken> {
  const transport = createTransport({ ...options, redactor: new Redactor([clientSecret]), idempotent: true });
  const response = await transport(request);
  const body: unknown = await response.json();
  const { access_token, expires_in } = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  if (typeof access_token !== "string" || access_token === "" || typeof expires_in !== "number") {
    throw new ResponseParseError(
      { method: request.method, url: request.url },
      { status: response.status, contentType: response.headers.get("content-type") },
      "a token answer without access_token and expires_in",
    );
  }
  return { accessToken: access_token, expiresInSeconds: expires_in };
}
