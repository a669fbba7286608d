import { InvalidRequestError, ResponseParseError } from "./errors.js";
import { Redactor } from "./redaction.js";
import { createTransport, type TransportOptions } from "./transport.js";
import { checkNonEmptyString } from "./validate.js";

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

/** Turns the auth options into the function the transport asks for a token before each attempt. */
export function resolveTokenSource<Credentials>(
  auth: AuthOptions<Credentials>,
  exchange: (credentials: Credentials) => Promise<IssuedToken>,
): () => Promise<string> {
  const given = [auth.token, auth.getToken, auth.clientCredentials].filter((option) => option !== undefined);
  if (given.length !== 1) {
    throw new InvalidRequestError("Pass exactly one of `token`, `getToken` or `clientCredentials`");
  }
  if (auth.token !== undefined) {
    checkNonEmptyString(auth.token, "token");
    const token = auth.token;
    return () => Promise.resolve(token);
  }
  if (auth.getToken !== undefined) {
    const getToken = auth.getToken;
    return async () => {
      const token = await getToken();
      checkNonEmptyString(token, "The token returned by getToken()");
      return token;
    };
  }
  const credentials = auth.clientCredentials as Credentials;
  return cachedToken(() => exchange(credentials));
}

/**
 * Caches an issued token until shortly before it expires (a minute, or half its lifetime when that is shorter),
 * and shares one in-flight exchange between all the callers that need a new one at the same time.
 */
export function cachedToken(issue: () => Promise<IssuedToken>, now = () => Date.now()): () => Promise<string> {
  let cached: { token: string; refreshAt: number } | undefined;
  let inFlight: Promise<string> | undefined;
  return () => {
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
}

/**
 * Sends a client credentials grant to a token endpoint and reads the OAuth 2.0 answer. The request goes through a
 * transport of its own (no bearer token; the same timeout and retries), with the client secret scrubbed from errors.
 */
export async function requestToken(
  request: Request,
  clientSecret: string,
  options: Pick<TransportOptions, "fetch" | "timeoutMs" | "retry">,
): Promise<IssuedToken> {
  const response = await createTransport({ ...options, redactor: new Redactor([clientSecret]) })(request);
  const body = (await response.json()) as { access_token?: unknown; expires_in?: unknown };
  if (typeof body.access_token !== "string" || body.access_token === "" || typeof body.expires_in !== "number") {
    throw new ResponseParseError(
      { method: request.method, url: request.url },
      { status: response.status, contentType: response.headers.get("content-type") },
      "a token answer without access_token and expires_in",
    );
  }
  return { accessToken: body.access_token, expiresInSeconds: body.expires_in };
}
