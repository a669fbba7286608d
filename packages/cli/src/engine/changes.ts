import type { ClientGrant, ClientGrantKey } from "@grantkit/client";

/** The five things a plan can do. `assign` and `unassign` add or remove one organization of a grant. */
export type ChangeAction = "create" | "update" | "delete" | "assign" | "unassign";

/** A grant's identity in a plan: its client or `default_for`, its audience, its subject type. */
export interface GrantKeyView {
  client_id?: string | undefined;
  /** The client's name, for people reading the plan; not part of the key. */
  client_name?: string | undefined;
  default_for?: string | undefined;
  audience: string;
  subject_type: string;
}

/** Fields of a grant, as a change shows them before and after. */
export type GrantFields = Record<string, unknown>;

/**
 * One change. `before` is what the tenant has that the change replaces (`null` for a create or an assign), `after`
 * what it will have (`null` for a delete or an unassign); an update shows only the fields it changes.
 */
export interface Change {
  action: ChangeAction;
  key: GrantKeyView;
  /** The grant's ID; absent for a grant the plan creates (and for its organizations, until it exists). */
  id?: string | undefined;
  /** For `assign` and `unassign`: the organization. */
  organization_id?: string | undefined;
  before: GrantFields | null;
  after: GrantFields | null;
}

/** How many changes of each kind a plan holds. */
export type PlanSummary = Record<ChangeAction, number>;

/** What `plan` prints with `--json` and saves with `-o`, and what `apply PLAN.json` reads. */
export interface Plan {
  /** The plan format, for `apply` to refuse one it does not know. */
  format: typeof PLAN_FORMAT;
  changes: Change[];
  summary: PlanSummary;
}

export const PLAN_FORMAT = "grantkit-plan/1";

export function keyView(key: ClientGrantKey | ClientGrant, clientName?: string): GrantKeyView {
  const view: GrantKeyView = { audience: key.audience, subject_type: key.subject_type ?? "client" };
  if (key.client_id !== undefined) view.client_id = key.client_id;
  if (clientName !== undefined) view.client_name = clientName;
  if (key.default_for !== undefined) view.default_for = key.default_for;
  return view;
}

/** The key a plan's change names, as the client's `find` takes it. */
export function keyOf(view: GrantKeyView): ClientGrantKey {
  const base = { audience: view.audience, subject_type: view.subject_type as ClientGrantKey["subject_type"] };
  return view.client_id !== undefined
    ? { ...base, client_id: view.client_id }
    : { ...base, default_for: view.default_for as "third_party_clients" };
}

export function summaryOf(changes: readonly Change[]): PlanSummary {
  const summary: PlanSummary = { create: 0, update: 0, delete: 0, assign: 0, unassign: 0 };
  for (const change of changes) summary[change.action] += 1;
  return summary;
}

/** A grant's key as one string, to match grants in maps. */
export function keyString(key: ClientGrantKey | ClientGrant | GrantKeyView): string {
  const view = keyView(key as ClientGrantKey);
  return JSON.stringify([view.client_id ?? null, view.default_for ?? null, view.audience, view.subject_type]);
}

/** A change as one line: `create client abc → https://api/ (client)`. */
export function describe(change: Change): string {
  const { client_id, client_name, default_for, audience, subject_type } = change.key;
  const who = client_id === undefined ? `default_for ${default_for}` : `client ${client_name === undefined ? client_id : `"${client_name}" (${client_id})`}`;
  const organization = change.organization_id === undefined ? "" : ` organization ${change.organization_id}`;
  return `${change.action}${organization} ${who} → ${audience} (${subject_type})${change.id === undefined ? "" : ` ${change.id}`}`;
}
