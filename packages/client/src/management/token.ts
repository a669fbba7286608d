import { requestToken, type IssuedToken, type TransportOptions } from "../core/index.js";

/** A machine-to-machine application's credentials, exchanged for a Management API token. */
export interface Auth0ClientCredentials {
  clientId: string;
  clientSecret: string;
  /** The API the token is for. Default: the tenant's Management API, `https://{domain}/api/v2/`. */
  audience?: string;
}

/** The exchange of client credentials for a token at Auth0's `/oauth/token` (JSON body). */
export function auth0TokenExchange(
  tokenUrl: string,
  defaultAudience: string,
  options: Pick<TransportOptions, "fetch" | "timeoutMs" | "retry">,
): (credentials: Auth0ClientCredentials) => Promise<IssuedToken> {
  return (credentials) => {
    const { clientId, clientSecret, audience = defaultAudience } = credentials;
    const body = { grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret, audience };
    const request = new Request(tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return requestToken(request, clientSecret, options);
  };
}
