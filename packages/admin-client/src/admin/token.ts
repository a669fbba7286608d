import { requestToken, type IssuedToken, type TransportOptions } from "@grantkit/client/core";
import type { TokenRequest } from "@grantkit/types";

/** An API client's credentials, exchanged for an admin API token at the region's token endpoint. */
export interface AdminClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** The scopes the admin API needs (the only value the spec's token request takes). */
export const ADMIN_TOKEN_SCOPE: TokenRequest["scope"] = "openid permissions global.wildcard";

/** The exchange of client credentials for a token at Vantage's `/auth2/connect/token` (a form body, not JSON). */
export function vantageTokenExchange(
  tokenUrl: string,
  options: Pick<TransportOptions, "fetch" | "timeoutMs" | "retry">,
): (credentials: AdminClientCredentials) => Promise<IssuedToken> {
  return (credentials) => {
    const form: TokenRequest = {
      grant_type: "client_credentials",
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
      scope: ADMIN_TOKEN_SCOPE,
    };
    const request = new Request(tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams(form),
    });
    return requestToken(request, credentials.clientSecret, options);
  };
}
