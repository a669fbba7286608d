import { clientGrantUpdate, type ClientGrant, type ManagementClient } from "@grantkit/client";
import { TenantCheckError } from "../errors.js";
import type { GrantsFile } from "../file/read.js";
import { keyString, keyView, PLAN_FORMAT, summaryOf, type Change, type GrantFields, type Plan } from "./changes.js";
import { missingOrganizations, resolveGrants, type ResolvedGrant } from "./resolve.js";
import { readAssignments, readTenant, type Progress } from "./tenant.js";

/** Options of {@link planGrants}. */
export interface PlanOptions {
  /** Delete the tenant's grants the file does not name (never a system grant). Default `false`. */
  prune?: boolean | undefined;
  /**
   * A client whose grants `prune` never deletes: the CLI passes its own (`AUTH0_CLIENT_ID`), so that an apply
   * cannot delete the access it runs with.
   */
  keepClientId?: string | undefined;
  /** Told what a long read is doing. */
  progress?: Progress | undefined;
}

/** The fields a grant has besides its key, in the order a plan shows them. */
const FIELDS = ["scope", "organization_usage", "allow_any_organization", "authorization_details_types", "allow_all_scopes"] as const;

/**
 * What applying the file would change in the tenant, change by change and field by field. Reads the tenant,
 * checks the file against it (a `TenantCheckError` lists every problem), and changes nothing.
 */
export async function planGrants(client: ManagementClient, file: GrantsFile, options: PlanOptions = {}): Promise<Plan> {
  const tenant = await readTenant(client, options.progress);
  const { resolved, problems } = resolveGrants(file, tenant);
  problems.push(...(await missingOrganizations(client, file)));
  if (problems.length > 0) throw new TenantCheckError(`${file.name} does not match the tenant`, problems);

  // Assignments are read only for the grants whose file entry manages them: one listing per grant.
  const managed = resolved.flatMap(({ entry, current }) => (current !== undefined && entry.grant.organizations !== undefined ? [current.id] : []));
  const assignments = await readAssignments(client, managed);
  const names = new Map(tenant.clients.map(({ client_id, name }) => [client_id, name]));
  const nameOf = (clientId: string | undefined) => (clientId === undefined ? undefined : names.get(clientId));
  const changes = resolved.flatMap((grant) => changesFor(grant, assignments, nameOf(grant.desired.client_id)));
  if (options.prune === true) changes.push(...deletions(tenant.grants, resolved, options.keepClientId, nameOf));
  return { format: PLAN_FORMAT, changes, summary: summaryOf(changes) };
}

function changesFor({ entry, desired, current }: ResolvedGrant, assignments: Map<string, Set<string>>, clientName: string | undefined): Change[] {
  const key = keyView(desired, clientName);
  const wanted = entry.grant.organizations;
  if (current === undefined) {
    const create: Change = { action: "create", key, before: null, after: fieldsOf(desired, true) };
    return [create, ...(wanted ?? []).map((id): Change => ({ action: "assign", key, organization_id: id, before: null, after: { organization_id: id } }))];
  }
  const changes: Change[] = [];
  const update = clientGrantUpdate(current, desired);
  if (update !== undefined) {
    const before: GrantFields = {};
    for (const field of Object.keys(update)) before[field] = current[field as keyof ClientGrant] ?? null;
    changes.push({ action: "update", key, id: current.id, before, after: { ...update } });
  }
  if (wanted !== undefined) {
    const have = assignments.get(current.id) ?? new Set<string>();
    const want = new Set(wanted);
    for (const id of want) if (!have.has(id)) changes.push({ action: "assign", key, id: current.id, organization_id: id, before: null, after: { organization_id: id } });
    for (const id of have) if (!want.has(id)) changes.push({ action: "unassign", key, id: current.id, organization_id: id, before: { organization_id: id }, after: null });
  }
  return changes;
}

function deletions(
  grants: readonly ClientGrant[],
  resolved: readonly ResolvedGrant[],
  keepClientId: string | undefined,
  nameOf: (clientId: string | undefined) => string | undefined,
): Change[] {
  const named = new Set(resolved.map(({ desired }) => keyString(desired)));
  return grants
    .filter((grant) => grant.is_system !== true && (keepClientId === undefined || grant.client_id !== keepClientId) && !named.has(keyString(grant)))
    .map((grant) => ({ action: "delete", key: keyView(grant, nameOf(grant.client_id)), id: grant.id, before: fieldsOf(grant, false), after: null }));
}

/** A grant's fields besides its key; lists without repeats when `unique`, as a create sends them. */
export function fieldsOf(grant: Partial<Record<(typeof FIELDS)[number], unknown>>, unique: boolean): GrantFields {
  const fields: GrantFields = {};
  for (const field of FIELDS) {
    const value = grant[field];
    if (value !== undefined) fields[field] = unique && Array.isArray(value) ? [...new Set(value)] : value;
  }
  return fields;
}
