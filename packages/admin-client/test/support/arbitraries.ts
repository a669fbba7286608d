import {
  hostileAuth,
  hostileString,
  hostileTransportOptions,
  hostileUrl,
  hostileValue,
  mostlyValid,
  mostlyValidUrl,
  nearArray,
  nearObject,
  orHostile,
  validPathId,
  validText,
} from "@grantkit/test-support/arbitraries";
import fc from "fast-check";

/**
 * Arbitraries of the admin API's inputs. The `valid*` ones stay within what openapi/admin.yaml allows and what the
 * client documents on top of it (ids never `.` or `..`; `allowedScopes` exactly the one accepted value; a secret's
 * expiration 1 day to 3 years after its start); the `near*` ones put hostile values in their fields.
 */

/** The one value `allowedScopes` takes, as a fresh array each time. */
const allowedScopes = fc.constant(null).map(() => ["openid", "permissions", "publicapi.all"] as ["openid", "permissions", "publicapi.all"]);

/** An origin as CORS compares it: scheme, host and port, nothing after. */
const origin = fc.webUrl({ authoritySettings: { withPort: true, withIPv4: true } }).map((url) => new URL(url).origin);

/** A redirect URI: an absolute URI, or a prefix such as the docs' `https://myDomain.`. */
const redirectUri = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom("https://myDomain.", "https://myApp.myDomain.com/oauth-signin.html"),
);

/** A body of `POST /tenants/{tenantId}/clients/` the spec accepts. */
export const validClientBody = fc.record(
  {
    clientId: validPathId(),
    clientName: validText({ minLength: 1 }),
    allowedScopes,
    allowOfflineAccess: fc.boolean(),
    allowRememberConsent: fc.boolean(),
    backChannelLogoutSessionRequired: fc.boolean(),
    requireClientSecret: fc.boolean(),
    requireConsent: fc.boolean(),
    allowNoPkce: fc.boolean(),
    allowRopc: fc.boolean(),
    allowedGrantTypes: fc.array(fc.oneof(fc.constantFrom("client_credentials", "authorization_code"), validText({ minLength: 1 })), {
      maxLength: 3,
    }),
    allowedCorsOrigins: fc.array(origin, { maxLength: 3 }),
    redirectUris: fc.array(redirectUri, { maxLength: 3 }),
    postLogoutRedirectUris: fc.array(redirectUri, { maxLength: 3 }),
  },
  { requiredKeys: ["clientId", "clientName", "allowedScopes"] },
);

const DAY_MS = 24 * 60 * 60 * 1000;

/** An instant as a caller may pass it: a `Date`, an ISO string in UTC, or one with an offset (same instant). */
function dateInput(ms: number): fc.Arbitrary<Date | string> {
  const withOffset = fc.integer({ min: -48, max: 56 }).map((quarters) => {
    const minutes = quarters * 15;
    const local = new Date(ms + minutes * 60_000).toISOString().slice(0, -1);
    const sign = minutes < 0 ? "-" : "+";
    const hours = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, "0");
    return `${local}${sign}${hours}:${String(Math.abs(minutes) % 60).padStart(2, "0")}`;
  });
  return fc.oneof(fc.constant(null).map(() => new Date(ms)), fc.constant(new Date(ms).toISOString()), withOffset);
}

/**
 * Options of a new secret the spec and the client accept, relative to now: a start from a year ago to a year ahead
 * (or none: the server's now), and an expiration 1 day to 3 years after it, a minute inside each bound so the time
 * between generating and sending cannot cross one. Three calendar years are never fewer than 1095 days.
 */
export const validSecretOptions = fc
  .record({
    description: fc.option(validText(), { nil: undefined }),
    startOffsetMs: fc.option(fc.integer({ min: -365 * DAY_MS, max: 365 * DAY_MS }), { nil: undefined }),
    lifetimeMs: fc.option(fc.integer({ min: DAY_MS + 60_000, max: 1095 * DAY_MS - 60_000 }), { nil: undefined }),
  })
  .chain(({ description, startOffsetMs, lifetimeMs }) => {
    const start = startOffsetMs === undefined ? undefined : Date.now() + startOffsetMs;
    const expiration = lifetimeMs === undefined ? undefined : (start ?? Date.now()) + lifetimeMs;
    return fc.record({
      ...(description === undefined ? {} : { description: fc.constant(description) }),
      ...(start === undefined ? {} : { startTime: dateInput(start) }),
      ...(expiration === undefined ? {} : { expiration: dateInput(expiration) }),
    });
  });

/** Dates as they go wrong: no time zone, days that do not exist, other formats, invalid Dates, numbers, hostile values. */
const hostileDate = fc.oneof(
  fc.constantFrom("2027-01-15T10:00:00", "2027-02-30", "2027-13-01T00:00:00Z", "15/01/2027", "now", "", "2027-01-15T25:00:00Z"),
  fc.constant(null).map(() => new Date(Number.NaN)),
  fc.integer().map((ms) => new Date(ms)),
  fc.date({ noInvalidDate: false }),
  hostileValue,
);

/** Secret options: absent, valid, with some members hostile or out of their window, or a hostile value. */
export const nearSecretOptions = fc.oneof(
  { arbitrary: validSecretOptions, weight: 2 },
  {
    arbitrary: nearObject(validSecretOptions, {
      description: orHostile(validText()),
      startTime: hostileDate,
      expiration: hostileDate,
    }),
    weight: 4,
  },
);

/** `allowedScopes` as it goes wrong: reordered, short, long, repeated, sparse, or not an array. */
const nearScopes = fc.oneof(
  allowedScopes,
  fc.constantFrom(["openid", "permissions"], ["publicapi.all", "openid", "permissions"], ["openid", "openid", "permissions", "publicapi.all"]),
  nearArray(fc.constantFrom("openid", "permissions", "publicapi.all")),
);

export const nearClientBody = nearObject(validClientBody, {
  clientId: fc.oneof(hostileString, hostileValue),
  clientName: orHostile(validText({ minLength: 1 })),
  allowedScopes: nearScopes,
  allowedGrantTypes: nearArray(validText({ minLength: 1 })),
  allowedCorsOrigins: nearArray(fc.oneof(origin, hostileUrl)),
  redirectUris: nearArray(fc.oneof(redirectUri, hostileUrl)),
  postLogoutRedirectUris: nearArray(fc.oneof(redirectUri, hostileUrl)),
  requireClientSecret: orHostile(fc.boolean()),
});

const clientCredentials = mostlyValid(
  fc.record({ clientId: mostlyValid(validText({ minLength: 1 })), clientSecret: mostlyValid(validText({ minLength: 1 })) }),
);

/** A tenant id: valid mostly, else a hostile string or any value. */
const tenantId = fc.oneof({ arbitrary: validPathId(), weight: 8 }, { arbitrary: hostileString, weight: 1 }, { arbitrary: hostileValue, weight: 1 });

/** Options of `createAdminClient`: tenant, where its API is, how to authenticate, transport options; or anything at all. */
export const hostileAdminOptions = fc.oneof(
  {
    arbitrary: fc
      .tuple(
        fc.record({ tenantId, apiVersion: mostlyValid(fc.constantFrom("v1", "v2")) }, { requiredKeys: ["tenantId"] }),
        fc.oneof(
          fc.record({ regionUrl: mostlyValidUrl }),
          fc.record({ baseUrl: mostlyValidUrl }),
          fc.record({ regionUrl: mostlyValidUrl, baseUrl: mostlyValidUrl, tokenUrl: mostlyValidUrl }, { requiredKeys: [] }),
        ),
        hostileAuth(clientCredentials),
        hostileTransportOptions,
      )
      .map(([tenant, location, auth, transport]) => ({ ...tenant, ...location, ...auth, ...transport })),
    weight: 12,
  },
  { arbitrary: hostileValue, weight: 1 },
);
