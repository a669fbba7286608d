import { Refusal } from "../refusal.js";
import type { ValidRequest } from "../spec-validation.js";
import type { RouteAnswer } from "../route.js";
import type { AdminState } from "../state.js";
import type { TokenRegistry } from "../tokens.js";

/** How long the admin API's tokens last: an hour, as the vendor's example answer says. */
const ADMIN_TOKEN_LIFETIME_SECONDS = 3600;

/** `POST /auth2/connect/token`: the client credentials grant of an API client listed in `admin.credentials`. */
export function adminTokenRoute({ body }: ValidRequest, state: AdminState, tokens: TokenRegistry): RouteAnswer {
  const request = body as { client_id: string; client_secret: string; scope: string };
  const credential = state.credentials.find((candidate) => candidate.client_id === request.client_id);
  if (credential === undefined || credential.client_secret !== request.client_secret) throw new Refusal(400, "Invalid client credentials", "invalid_client");
  const claims = { client_id: credential.client_id, scope: request.scope.split(" "), ...(credential.tenantId === undefined ? {} : { tenant_id: credential.tenantId }) };
  const token = tokens.issue({ audience: "admin", scopes: "every", tenantId: credential.tenantId }, ADMIN_TOKEN_LIFETIME_SECONDS, claims);
  return { status: 200, body: { access_token: token, expires_in: ADMIN_TOKEN_LIFETIME_SECONDS, token_type: "Bearer", scope: request.scope } };
}
