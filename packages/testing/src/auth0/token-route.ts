import { Refusal } from "../refusal.js";
import type { ValidRequest } from "../spec-validation.js";
import type { RouteAnswer } from "../route.js";
import type { TokenRegistry } from "../tokens.js";
import type { Auth0Tenant } from "./tenant.js";

/** How long the tokens the fake issues last: Auth0's default for Management API tokens, a day. */
const MANAGEMENT_TOKEN_LIFETIME_SECONDS = 86_400;

export interface TokenRouteContext {
  readonly tenant: Auth0Tenant;
  readonly tokens: TokenRegistry;
  /** The Management API's identifier on the origin called: `{origin}/api/v2/`. */
  readonly audience: string;
}

/** `POST /oauth/token`: the client credentials grant, for the Management API only. */
export function tokenRoute({ body }: ValidRequest, { tenant, tokens, audience }: TokenRouteContext): RouteAnswer {
  const request = body as { client_id: string; client_secret: string; audience?: string };
  const credential = tenant.state.credentials.find((candidate) => candidate.client_id === request.client_id);
  if (credential === undefined || credential.client_secret !== request.client_secret) throw new Refusal(401, "Unauthorized", "access_denied");
  // Left out, the audience is the tenant's default, which the fake takes to be its Management API.
  const asked = request.audience ?? audience;
  if (asked.replace(/\/+$/, "") !== audience.replace(/\/+$/, "")) throw new Refusal(403, `Service not found: ${asked}`, "access_denied");
  if (credential.scope.length === 0) throw new Refusal(403, "Client has not been granted scopes for this audience", "access_denied");
  const claims = { iss: `${new URL(audience).origin}/`, sub: `${credential.client_id}@clients`, aud: audience, azp: credential.client_id, scope: credential.scope.join(" "), gty: "client-credentials" };
  const token = tokens.issue({ audience: "management", scopes: new Set(credential.scope), tenantId: undefined }, MANAGEMENT_TOKEN_LIFETIME_SECONDS, claims);
  return {
    status: 200,
    body: { access_token: token, token_type: "Bearer", expires_in: MANAGEMENT_TOKEN_LIFETIME_SECONDS, scope: credential.scope.join(" ") },
  };
}
