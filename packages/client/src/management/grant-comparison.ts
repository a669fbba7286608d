import type { ClientGrant, CreateClientGrantRequest, DefaultFor, UpdateClientGrantRequest } from "@grantkit/types/management";

/**
 * What identifies a client grant: its client (`client_id`) or the group it is the default for (`default_for`),
 * its audience, and its subject type (`"client"` when left out, as the API defaults it). A tenant holds at most one
 * grant per key; grants that differ only by `subject_type` are different grants.
 */
export type ClientGrantKey = Pick<CreateClientGrantRequest, "audience" | "subject_type"> &
  ({ client_id: string; default_for?: undefined } | { default_for: DefaultFor; client_id?: undefined });

/** A grant as it should be: its key, and the fields to manage. A field left out is left as the tenant has it. */
export type DesiredClientGrant = CreateClientGrantRequest & ClientGrantKey;

/** The fields {@link clientGrantUpdate} compares: every field a PATCH can change. */
const MANAGED_FIELDS = ["scope", "organization_usage", "allow_any_organization", "authorization_details_types", "allow_all_scopes"] as const;

/** Whether `grant` is the grant `key` names. */
export function isGrantFor(grant: ClientGrant, key: ClientGrantKey): boolean {
  return (
    grant.audience === key.audience &&
    grant.client_id === key.client_id &&
    grant.default_for === key.default_for &&
    // A grant made before subject types existed carries none, and is a client grant.
    (grant.subject_type ?? "client") === (key.subject_type ?? "client")
  );
}

/**
 * The PATCH body that brings `current` to `desired`, or `undefined` when it is there already. Lists (`scope`,
 * `authorization_details_types`) are compared as sets: order and repeats do not matter. A boolean the tenant
 * leaves out is `false`, its documented default, so that it is not reported as a change.
 *
 * @example
 * const grant = await client.clientGrants.get("cgr_4pI9a42haOLLWnwq");
 * const update = clientGrantUpdate(grant, { client_id: grant.client_id!, audience: grant.audience, scope: ["read:invoices"] });
 */
export function clientGrantUpdate(current: ClientGrant, desired: DesiredClientGrant): UpdateClientGrantRequest | undefined {
  const update: Record<string, unknown> = {};
  for (const field of MANAGED_FIELDS) {
    const wanted = desired[field];
    if (wanted === undefined) continue;
    if (!sameValue(current[field], wanted)) update[field] = Array.isArray(wanted) ? [...new Set(wanted)] : wanted;
  }
  return Object.keys(update).length === 0 ? undefined : (update as UpdateClientGrantRequest);
}

/** `desired` as a create body: the same fields, each list without repeats. */
export function clientGrantCreate(desired: DesiredClientGrant): CreateClientGrantRequest {
  const body: Record<string, unknown> = { ...desired };
  for (const field of ["scope", "authorization_details_types"] as const) {
    const list = desired[field];
    if (list !== undefined) body[field] = [...new Set(list)];
  }
  return body as CreateClientGrantRequest;
}

function sameValue(current: unknown, wanted: unknown): boolean {
  if (Array.isArray(wanted)) return sameSet(Array.isArray(current) ? current : [], wanted);
  if (typeof wanted === "boolean") return (current ?? false) === wanted;
  return current === wanted;
}

function sameSet(current: readonly unknown[], wanted: readonly unknown[]): boolean {
  const have = new Set(current);
  const want = new Set(wanted);
  return have.size === want.size && [...want].every((item) => have.has(item));
}
