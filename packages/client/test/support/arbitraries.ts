import {
  boundedText,
  hostileAuth,
  hostileTransportOptions,
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
 * Arbitraries of the Management API's inputs. The `valid*` ones stay within what openapi/management.yaml allows
 * (lengths counted in code points, as JSON Schema counts them) and what the client documents on top of it (an id is
 * never `.` or `..`, which no URL can carry as a segment); the `near*` ones put hostile values in their fields, so
 * calls get past the first check and reach the later ones.
 */

/** A client grant id: Auth0's form, or any path id. */
export function validId(maxLength = 60) {
  return fc.oneof(fc.stringMatching(/^cgr_[A-Za-z0-9]{16}$/), validPathId(maxLength));
}

/** The spec's organization id: at most 50 characters. */
export const validOrganizationId = validId(50);

/** A scope as OAuth writes one: no whitespace (a space separates scopes; the client refuses one inside a scope). */
const scope = boundedText(1, 280).filter((text) => !/\s/.test(text));
const authorizationDetailsType = boundedText(1, 255);
const organizationUsage = fc.constantFrom("deny", "allow", "require");
const subjectType = fc.constantFrom("client", "user", "anonymous_user");
const perPage = fc.integer({ min: 1, max: 100 });
const page = fc.integer({ min: 0, max: 10_000 });

/** `client_id` or `default_for`, or neither: the two exclude each other. */
const grantOwner = fc.oneof(
  fc.constant({}),
  fc.record({ client_id: validText() }),
  fc.record({ default_for: fc.constant("third_party_clients" as const) }),
);

const merged = <A extends object, B extends object>([a, b]: [A, B]) => ({ ...a, ...b });

/** A query of `GET /client-grants` the spec accepts. */
export const validListQuery = fc
  .tuple(
    fc.record(
      {
        per_page: perPage,
        page,
        include_totals: fc.boolean(),
        from: validText(),
        take: perPage,
        audience: validText(),
        allow_any_organization: fc.constant(true as const),
        subject_type: subjectType,
      },
      { requiredKeys: [] },
    ),
    grantOwner,
  )
  .map(merged);

/** A query of `GET /client-grants/{id}/organizations` the spec accepts. */
export const validOrganizationsQuery = fc.record(
  { page, per_page: perPage, include_totals: fc.boolean(), from: validText(), take: perPage },
  { requiredKeys: [] },
);

/** A query of `GET /organizations/{id}/client-grants` the spec accepts. */
export const validOrganizationGrantsQuery = fc.record(
  {
    audience: boundedText(0, 600),
    client_id: validText(),
    grant_ids: fc.array(validText(), { maxLength: 10 }),
    per_page: perPage,
    page,
    include_totals: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** A query of `GET /clients` the spec accepts. */
export const validClientsQuery = fc.record(
  {
    fields: fc.constantFrom("client_id,name", "client_id,name,app_type,is_first_party", "description"),
    include_fields: fc.boolean(),
    page,
    per_page: perPage,
    include_totals: fc.boolean(),
    from: validText(),
    take: perPage,
    is_global: fc.boolean(),
    is_first_party: fc.boolean(),
    app_type: fc.constantFrom("non_interactive", "spa,regular_web"),
    external_client_id: boundedText(1, 120),
    q: validText(),
  },
  { requiredKeys: [] },
);

/** A query of `GET /resource-servers` the spec accepts. */
export const validResourceServersQuery = fc.record(
  {
    identifiers: fc.array(validText({ minLength: 1 }), { maxLength: 10 }),
    page,
    per_page: perPage,
    include_totals: fc.boolean(),
    include_fields: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** A body of `POST /client-grants` the spec accepts. */
export const validCreateBody = fc
  .tuple(
    fc.record(
      {
        audience: fc.oneof(validText({ minLength: 1 }), fc.webUrl()),
        organization_usage: organizationUsage,
        allow_any_organization: fc.boolean(),
        scope: fc.array(scope, { maxLength: 4 }),
        subject_type: subjectType,
        authorization_details_types: fc.array(authorizationDetailsType, { maxLength: 3 }),
        allow_all_scopes: fc.boolean(),
      },
      { requiredKeys: ["audience"] },
    ),
    grantOwner,
  )
  .map(merged);

/** A body of `PATCH /client-grants/{id}` the spec accepts: at least one field, `null` clearing the nullable ones. */
export const validUpdateBody = fc
  .record(
    {
      scope: fc.option(fc.array(scope, { maxLength: 4 }), { nil: null }),
      organization_usage: fc.option(organizationUsage, { nil: null }),
      allow_any_organization: fc.option(fc.boolean(), { nil: null }),
      authorization_details_types: fc.array(authorizationDetailsType, { maxLength: 3 }),
      allow_all_scopes: fc.option(fc.boolean(), { nil: null }),
    },
    { requiredKeys: [] },
  )
  .filter((body) => Object.keys(body).length > 0);

/** Hostile versions of every list query's fields. */
const QUERY_FIELDS = {
  per_page: orHostile(perPage),
  page: orHostile(page),
  take: orHostile(perPage),
  include_totals: orHostile(fc.boolean()),
  from: orHostile(validText()),
  audience: orHostile(validText()),
  client_id: orHostile(validText()),
  default_for: orHostile(fc.constant("third_party_clients")),
  grant_ids: nearArray(validText()),
};

export const nearListQuery = nearObject(validListQuery, QUERY_FIELDS);
export const nearOrganizationsQuery = nearObject(validOrganizationsQuery, QUERY_FIELDS);
export const nearOrganizationGrantsQuery = nearObject(validOrganizationGrantsQuery, QUERY_FIELDS);
export const nearClientsQuery = nearObject(validClientsQuery, {
  ...QUERY_FIELDS,
  fields: orHostile(validText()),
  is_first_party: orHostile(fc.boolean()),
  external_client_id: orHostile(boundedText(0, 121)),
});
export const nearResourceServersQuery = nearObject(validResourceServersQuery, {
  ...QUERY_FIELDS,
  identifiers: nearArray(validText()),
});

export const nearCreateBody = nearObject(validCreateBody, {
  audience: orHostile(validText({ minLength: 1 })),
  client_id: orHostile(validText()),
  default_for: orHostile(fc.constant("third_party_clients")),
  scope: nearArray(scope),
  authorization_details_types: nearArray(authorizationDetailsType),
  allow_all_scopes: orHostile(fc.boolean()),
});

export const nearUpdateBody = nearObject(validUpdateBody, {
  scope: nearArray(scope),
  organization_usage: orHostile(organizationUsage),
  authorization_details_types: nearArray(authorizationDetailsType),
  allow_any_organization: orHostile(fc.boolean()),
});

const domain = fc.oneof(
  fc.domain(),
  fc.tuple(fc.domain(), fc.integer({ min: 1, max: 65_535 })).map(([host, port]) => `${host}:${port}`),
  fc.constantFrom("tenant.example:99999", "..", "-", "tenant..example"),
);

const clientCredentials = mostlyValid(
  fc.record(
    {
      clientId: mostlyValid(validText({ minLength: 1 })),
      clientSecret: mostlyValid(validText({ minLength: 1 })),
      audience: mostlyValid(fc.webUrl()),
    },
    { requiredKeys: ["clientId", "clientSecret"] },
  ),
);

/** Options of `createManagementClient`: where the tenant is, how to authenticate, transport options; or anything at all. */
export const hostileManagementOptions = fc.oneof(
  {
    arbitrary: fc
      .tuple(
        fc.oneof(
          fc.record({ domain: mostlyValid(domain) }),
          fc.record({ baseUrl: mostlyValidUrl }),
          fc.record({ domain: mostlyValid(domain), baseUrl: mostlyValidUrl, tokenUrl: mostlyValidUrl }, { requiredKeys: [] }),
        ),
        hostileAuth(clientCredentials),
        hostileTransportOptions,
      )
      .map(([location, auth, transport]) => ({ ...location, ...auth, ...transport })),
    weight: 12,
  },
  { arbitrary: hostileValue, weight: 1 },
);
