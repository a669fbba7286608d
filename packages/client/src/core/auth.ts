import { responseParseError } from "./answer.js";
import { InvalidRequestError } from "./errors.js";
import { Redactor } from "./redaction.js";
import type { TokenSource } from "./internal/token-source.js";
import { CallRequest, createTransport, type TransportOptions } from "./internal/transport.js";
import { checkClientCredentials, checkToken, isToken } from "./validate.js";

/** Client credentials: an application's id and secret, exchanged for a token. */
export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/**
 * How a client authenticates: exactly one of a fixed `token`, a `getToken` function called before each attempt,
 * or `clientCredentials` that the client exchanges for a token itself.
 * @expand
 */
export type AuthOptions<Credentials> =
  | {
      /** A fixed bearer token, without the `Bearer ` prefix: sent as it is until the API refuses it. */
      token: string;
      getToken?: undefined;
      clientCredentials?: undefined;
    }
  | {
      /** Called before each attempt for the bearer token (your own cache or vault); bounded by `timeoutMs`. */
      getToken: () => string | Promise<string>;
      token?: undefined;
      clientCredentials?: undefined;
    }
  | {
      /** A machine-to-machine client's id and secret, exchanged for a token that the client caches and refreshes. */
      clientCredentials: Credentials;
      token?: undefined;
      getToken?: undefined;
    };

/** A token endpoint that takes the client credentials grant. */
export interface TokenEndpoint<Credentials extends ClientCredentials> {
  url: string;
  /** How the body is encoded: Auth0 takes JSON, Vantage a form. */
  format: "json" | "form";
  /** The body's fields for these credentials: the grant type, the client id and secret, an audience or a scope. */
  fields(credentials: Credentials): Record<string, string>;
}

/** An access token as a token endpoint issues it. */
interface IssuedToken {
  accessToken: string;
  expiresInSeconds: number;
}

/**
 * Turns the auth options into the source the transport asks for a token before each attempt.
 * @internal
 */
export function resolveTokenSource<Credentials extends ClientCredentials>(
  auth: AuthOptions<Credentials>,
  endpoint: TokenEndpoint<Credentials> | undefined,
  options: Omit<TransportOptions, "tokenSource" | "redactor" | "idempotent" | "budget" | "redirects">,
): TokenSource {
  const given = [auth.token, auth.getToken, auth.clientCredentials].filter((option) => option !== undefined);
  if (given.length !== 1) {
    throw new InvalidRequestError("Pass exactly one of `token`, `getToken` or `clientCredentials`");
  }
  if (auth.token !== undefined) {
    checkToken(auth.token, "token");
    const token = auth.token;
    const issued = Promise.resolve(token);
    return { peek: () => token, get: () => issued, settles: true };
  }
  if (auth.getToken !== undefined) {
    const getToken = auth.getToken;
    if (typeof getToken !== "function") throw new InvalidRequestError("getToken must be a function");
    const get = async () => {
      const token = await getToken();
      checkToken(token, "The token returned by getToken()");
      return token;
    };
    return { get, settles: false };
  }
  const credentials = auth.clientCredentials as Credentials;
  // Checked now, not at the first call: a bad option is the caller's mistake, reported where it was made.
  checkClientCredentials(credentials);
  if (endpoint === undefined) throw new InvalidRequestError("clientCredentials need a token endpoint");
  return { ...cachedToken(exchange(endpoint, credentials, options)), settles: true };
}

/**
 * Caches an issued token until shortly before it expires (a minute, or half its lifetime when that is shorter),
 * and shares one in-flight exchange between all the callers that need a new one at the same time. `drop(token)`
 * forgets the cached token if it is still `token`: many calls answered 401 with the same token cause one exchange.
 */
function cachedToken(
  issue: () => Promise<IssuedToken>,
  now = () => Date.now(),
): Pick<TokenSource, "peek" | "get" | "drop"> {
  let cached: { token: string; refreshAt: number } | undefined;
  let inFlight: Promise<string> | undefined;
  const peek = () => (cached && now() < cached.refreshAt ? cached.token : undefined);
  const get = () => {
    const fresh = peek();
    if (fresh !== undefined) return Promise.resolve(fresh);
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
  const drop = (token: string) => {
    if (cached?.token === token) cached = undefined;
  };
  return { peek, get, drop };
}

/**
 * The exchange of client credentials at a token endpoint, and the reading of its OAuth 2.0 answer. Its transport is
 * built once: no bearer token, the client's timeout and retry policy, the client secret redacted from errors. An
 * exchange can be sent again safely, so it is retried on 5xx, network errors and timeouts too, although it is a
 * POST; every call waiting for the token waits for those retries. It follows no redirect: its body is the secret.
 */
function exchange<Credentials extends ClientCredentials>(
  endpoint: TokenEndpoint<Credentials>,
  credentials: Credentials,
  options: Omit<TransportOptions, "tokenSource" | "redactor" | "idempotent" | "budget" | "redirects">,
): () => Promise<IssuedToken> {
  const transport = createTransport({
    ...options,
    tokenSource: undefined,
    redactor: new Redactor([credentials.clientSecret]),
    idempotent: true,
    budget: undefined,
    redirects: "none",
  });
  const fields = endpoint.fields(credentials);
  const body = endpoint.format === "json" ? JSON.stringify(fields) : new URLSearchParams(fields).toString();
  const contentType = endpoint.format === "json" ? "application/json" : "application/x-www-form-urlencoded";
  return async () => {
    const request = new CallRequest(endpoint.url, {
      method: "POST",
      headers: { "content-type": contentType, accept: "application/json" },
      body,
    });
    const answer = await transport(request);
    const { data } = answer;
    const { access_token, expires_in } = (data && typeof data === "object" ? data : {}) as Record<string, unknown>;
    if (!isToken(access_token) || typeof expires_in !== "number") {
      throw responseParseError(answer, "a token answer without access_token and expires_in");
    }
    return { accessToken: access_token, expiresInSeconds: expires_in };
  };
}
