import { checkId, checkNonEmptyString, checkObject, invalid, parseUrl, shown } from "@grantkit/client/core";
import { adminRules, type AllowedScopes, type CreateAdminClientRequest } from "@grantkit/types";

/** The spec's rules that types cannot carry, checked before a request is sent. */

/** The one value the admin API accepts for `allowedScopes`, in the docs' order. */
export const ALLOWED_SCOPES: Readonly<AllowedScopes> = ["openid", "permissions", "publicapi.all"];

/** An origin as CORS compares it: scheme, host and optional port. No path (not even `/`), query or fragment. */
const ORIGIN = new RegExp(adminRules.corsOrigin.pattern);


/** Every item of an optional list, when the list is there: it must be an array, and each item pass `check`. */
function eachItem(items: unknown, name: string, check: (item: unknown, at: string) => void): void {
  if (items === undefined) return;
  if (!Array.isArray(items)) invalid(`${name} must be an array of strings`);
  // A plain loop, not forEach: forEach skips the holes of a sparse array, which JSON would send as null.
  for (let index = 0; index < items.length; index++) check(items[index], `${name}[${index}]`);
}

function checkScopes(scopes: unknown): void {
  const exact =
    Array.isArray(scopes) && scopes.length === ALLOWED_SCOPES.length && ALLOWED_SCOPES.every((s, i) => scopes[i] === s);
  if (!exact) {
    const got = scopes === undefined ? "nothing" : shown(scopes);
    invalid(`allowedScopes must be exactly ${JSON.stringify(ALLOWED_SCOPES)}, the only value the admin API accepts; got ${got}`);
  }
}

/** Redirect URIs are prefixes (`https://myDomain.` is fine), but each must still be an absolute URL. */
function checkUri(item: unknown, at: string): void {
  if (typeof item !== "string" || parseUrl(item) === undefined) {
    invalid(`${at} must be an absolute URL such as https://app.example.com/callback, got ${shown(item)}`);
  }
}

function checkOrigin(item: unknown, at: string): void {
  // An origin with user info parses as a URL and passes the pattern, but no browser ever sends one.
  const ok = typeof item === "string" && ORIGIN.test(item) && parseUrl(item) !== undefined && !item.includes("@");
  if (!ok) {
    invalid(`${at} must be an origin (scheme://host[:port], no path, query or fragment, not even a trailing "/"), such as https://app.example.com; got ${shown(item)}`);
  }
}

function checkGrantType(item: unknown, at: string): void {
  if (typeof item !== "string" || item.length === 0) invalid(`${at} must be a non-empty string`);
}

/** The checks of `POST /tenants/{tenantId}/clients/`. Other fields (the booleans) are left to the types and the API. */
export function checkCreateClient(body: CreateAdminClientRequest): void {
  checkObject(body, "The client");
  checkId(body.clientId, "clientId");
  checkNonEmptyString(body.clientName, "clientName");
  checkScopes(body.allowedScopes);
  eachItem(body.allowedGrantTypes, "allowedGrantTypes", checkGrantType);
  eachItem(body.redirectUris, "redirectUris", checkUri);
  eachItem(body.postLogoutRedirectUris, "postLogoutRedirectUris", checkUri);
  eachItem(body.allowedCorsOrigins, "allowedCorsOrigins", checkOrigin);
}
