import { checkId, invalid, isRecord, parseUrl, shown, type OperationRequest } from "@grantkit/client/core";
import { adminRequests, type AllowedScopes } from "@grantkit/types/admin";

/**
 * The checks of `POST /tenants/{tenantId}/clients/` made before the spec's rules, for messages a newcomer can act on:
 * the one value `allowedScopes` takes, and what a CORS origin is. Everything else is the spec's rules.
 */

/** The one value the admin API accepts for `allowedScopes`, in the docs' order. */
const ALLOWED_SCOPES: Readonly<AllowedScopes> = ["openid", "permissions", "publicapi.all"];

function checkScopes(scopes: unknown): void {
  const exact =
    Array.isArray(scopes) && scopes.length === ALLOWED_SCOPES.length && ALLOWED_SCOPES.every((s, i) => scopes[i] === s);
  if (!exact) {
    const got = scopes === undefined ? "nothing" : shown(scopes);
    invalid(`allowedScopes must be exactly ${JSON.stringify(ALLOWED_SCOPES)}, the only value the admin API accepts; got ${got}`);
  }
}

/** An origin as CORS compares it, by the spec's pattern: scheme, host and optional port. */
const ORIGIN = new RegExp(
  adminRequests["POST /tenants/{tenantId}/clients/"].body?.properties?.allowedCorsOrigins?.items?.pattern ?? "",
  "u",
);

/**
 * The spec's pattern, with a message that says what an origin is; and no user info, which the pattern lets through
 * but no browser ever sends.
 */
function checkOrigins(origins: unknown): void {
  if (!Array.isArray(origins)) return;
  for (let index = 0; index < origins.length; index++) {
    const origin: unknown = origins[index];
    if (typeof origin === "string" && ORIGIN.test(origin) && parseUrl(origin) !== undefined && !origin.includes("@")) continue;
    invalid(`allowedCorsOrigins[${index}] must be an origin (scheme://host[:port], no path, query or fragment, not even a trailing "/"), such as https://app.example.com; got ${shown(origin)}`);
  }
}

export function checkCreateClient({ body }: OperationRequest): void {
  if (!isRecord(body)) return;
  // The id names the client in the paths of its secrets: "." or ".." would address another route there.
  checkId(body.clientId, "clientId");
  checkScopes(body.allowedScopes);
  checkOrigins(body.allowedCorsOrigins);
}
