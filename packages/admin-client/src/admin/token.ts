import type { ClientCredentials, TokenEndpoint } from "@grantkit/client/core";
import type { TokenRequest } from "@grantkit/types/admin";

/** An API client's credentials, exchanged for an admin API token at the region's token endpoint. */
export type AdminClientCredentials = ClientCredentials;

/** The scopes the admin API needs (the only value the spec's token request takes). */
const ADMIN_TOKEN_SCOPE: TokenRequest["scope"] = "openid permissions global.wildcard";

/** Vantage's `/auth2/connect/token`: the client credentials grant as a form body, not JSON. */
export function vantageTokenEndpoint(url: string): TokenEndpoint<AdminClientCredentials> {
  return {
    url,
    format: "form",
    fields: ({ clientId, clientSecret }): TokenRequest => ({
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: clientSecret,
      scope: ADMIN_TOKEN_SCOPE,
    }),
  };
}
