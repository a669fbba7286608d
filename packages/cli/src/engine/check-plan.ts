import type { ClientGrant, ManagementClient } from "@grantkit/client";
import { StalePlanError, type Problem } from "../errors.js";
import { describe, keyString, PLAN_FORMAT, type Change, type Plan } from "./changes.js";
import { readAssignments } from "./tenant.js";

/**
 * Checks a saved plan against the tenant as it is now, change by change: each change's `before` must still hold
 * (a grant to create is still missing, a grant to update still has the values the plan saw, a grant to delete is
 * still there, an assignment is still missing or present). Throws a `StalePlanError` naming every change that no
 * longer holds, so that a plan made against another state is never applied in part.
 */
export async function checkPlan(client: ManagementClient, plan: Plan): Promise<void> {
  const actions: unknown[] = ["create", "update", "delete", "assign", "unassign"];
  const changes: unknown = (plan as { changes?: unknown }).changes;
  const wellFormed =
    (plan as { format?: unknown }).format === PLAN_FORMAT &&
    Array.isArray(changes) &&
    changes.every((change: Partial<Change> | null) => actions.includes(change?.action) && typeof change?.key?.audience === "string");
  if (!wellFormed) {
    throw new StalePlanError("This is not a grantkit plan", [{ message: `a plan has "format": "${PLAN_FORMAT}" and a list of changes, as grantkit plan -o writes it` }]);
  }
  const grants: ClientGrant[] = [];
  for await (const grant of client.clientGrants.all({ take: 100 })) grants.push(grant);
  const byId = new Map(grants.map((grant) => [grant.id, grant]));
  const byKey = new Map(grants.map((grant) => [keyString(grant), grant]));
  const assignedIds = [...new Set(plan.changes.flatMap((change) => (change.organization_id !== undefined && change.id !== undefined ? [change.id] : [])))];
  const assignments = await readAssignments(client, assignedIds.filter((id) => byId.has(id)));

  const problems: Problem[] = [];
  for (const change of plan.changes) {
    const reason = staleReason(change, byId, byKey, assignments);
    if (reason !== undefined) problems.push({ message: `${describe(change)}: ${reason}` });
  }
  if (problems.length > 0) throw new StalePlanError("The tenant changed since the plan was made; plan again", problems);
}

function staleReason(
  change: Change,
  byId: Map<string, ClientGrant>,
  byKey: Map<string, ClientGrant>,
  assignments: Map<string, Set<string>>,
): string | undefined {
  if (change.action === "create") {
    const existing = byKey.get(keyString(change.key));
    return existing === undefined ? undefined : `the grant now exists (${existing.id})`;
  }
  // An assignment of a grant the plan creates has no ID yet: its create is checked instead.
  if (change.id === undefined) return change.action === "assign" ? undefined : "the change names no grant ID";
  const grant = byId.get(change.id);
  if (grant === undefined || keyString(grant) !== keyString(change.key)) return "the grant is gone";
  if (change.action === "update") {
    const changed = Object.entries(change.before ?? {}).filter(([field, value]) => !sameField(grant[field as keyof ClientGrant] ?? null, value));
    return changed.length === 0 ? undefined : `${changed.map(([field]) => field).join(", ")} changed since the plan`;
  }
  const assigned = assignments.get(change.id)?.has(change.organization_id ?? "") ?? false;
  if (change.action === "assign" && assigned) return "the organization is assigned already";
  if (change.action === "unassign" && !assigned) return "the organization is not assigned any more";
  return undefined;
}

/** Lists are compared as sets, as the plan compared them. */
function sameField(current: unknown, saved: unknown): boolean {
  if (Array.isArray(current) && Array.isArray(saved)) {
    const have = new Set(current);
    return have.size === new Set(saved).size && saved.every((item) => have.has(item));
  }
  return current === saved;
}
