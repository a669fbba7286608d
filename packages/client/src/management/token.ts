import type { ClientCredentials, TokenEndpoint } from "../core/index.js";

/** A machine-to-machine application's credentials, exchanged for a Management API token. */
export interface Auth0ClientCredentials extends ClientCredentials {
  /** The API the token is for. Default: the tenant's Management API, `https://{domain}/api/v2/`. */
  audience?: string | undefined;
}

/** Auth0's `/oauth/token`: the client credentials grant as a JSON body, for `defaultAudience` unless one is given. */
export function auth0TokenEndpoint(url: string, defaultAudience: string): TokenEndpoint<Auth0ClientCredentials> {
  return {
    url,
    format: "json",
    fields: ({ clientId, clientSecret, audience = defaultAudience }) => ({
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: clientSecret,
      audience,
    }),
  };
}
