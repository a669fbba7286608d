import {
  ManagementApiError,
  NetworkError,
  ResponseParseError,
  TimeoutError,
  type DesiredClientGrant,
  type ManagementClient,
  type UpdateClientGrantRequest,
} from "@grantkit/client";
import { ApplyError, type Problem } from "../errors.js";
import { describe, keyOf, keyString, type Change, type Plan } from "./changes.js";
import type { Progress } from "./tenant.js";

/** Options of {@link applyPlan}. */
export interface ApplyOptions {
  /** Told after each change is made. */
  progress?: Progress | undefined;
}

/** What an apply did. */
export interface ApplyReport {
  /** The changes made, in the order they were made. */
  applied: Change[];
}

/** How many times a write whose answer was lost is tried again, each time after looking at the tenant. */
const ATTEMPTS = 3;

/**
 * Makes a plan's changes. Grants are worked on side by side (the client's `maxConcurrency` and rate-limit budget
 * pace the calls), each grant's changes in order: its create before its organizations. A change that fails does
 * not stop the others; an `ApplyError` then lists each failure, and running the plan of the file again picks up
 * where this one stopped. Check a saved plan first with `checkPlan`.
 */
export async function applyPlan(client: ManagementClient, plan: Plan, options: ApplyOptions = {}): Promise<ApplyReport> {
  const groups = new Map<string, Change[]>();
  for (const change of plan.changes) {
    const key = keyString(change.key);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [change]);
    else group.push(change);
  }
  const applied: Change[] = [];
  const problems: Problem[] = [];
  await Promise.all(
    [...groups.values()].map(async (changes) => {
      let id: string | undefined;
      for (const change of changes) {
        try {
          id = await make(client, change, change.id ?? id);
          applied.push(change);
          options.progress?.(`applied ${applied.length} of ${plan.changes.length} changes`);
        } catch (error) {
          problems.push({ message: `${describe(change)}: ${error instanceof Error ? error.message : String(error)}` });
          // The grant's later changes (its organizations) need it as this change left it: skip them.
          break;
        }
      }
    }),
  );
  if (problems.length > 0) throw new ApplyError(`${problems.length} change(s) failed, ${applied.length} made; run apply again to finish`, problems);
  return { applied };
}

/** Makes one change and returns the grant's ID. */
async function make(client: ManagementClient, change: Change, id: string | undefined): Promise<string> {
  const grants = client.clientGrants;
  switch (change.action) {
    case "create":
      return create(client, { ...keyOf(change.key), ...change.after } as DesiredClientGrant);
    case "update":
      return (await grants.update(need(id, change), change.after as UpdateClientGrantRequest)).id;
    case "delete":
      // Gone already (an earlier apply's answer was lost): what the change wanted.
      await tolerate(grants.delete(need(id, change)), 404);
      return need(id, change);
    case "assign":
      await retried(() => tolerate(grants.assignToOrganization(change.organization_id!, need(id, change)), 409));
      return need(id, change);
    case "unassign":
      await tolerate(grants.removeFromOrganization(change.organization_id!, need(id, change)), 404);
      return need(id, change);
  }
}

/**
 * A create, once. A 409 (the grant was made since the plan) is adopted: `ensure` finds it and brings it to the
 * file's state. A create whose answer was lost may still have been made, so it is not sent again blindly:
 * `ensure` looks first.
 */
async function create(client: ManagementClient, desired: DesiredClientGrant): Promise<string> {
  try {
    return (await client.clientGrants.create(desired)).id;
  } catch (error) {
    if (!(isConflict(error) || isLost(error))) throw error;
    return retried(async () => (await client.clientGrants.ensure(desired)).grant.id);
  }
}

/** Runs `write` again, up to {@link ATTEMPTS} times, while its answer is lost (a 5xx, a dropped connection). */
async function retried<Result>(write: () => Promise<Result>): Promise<Result> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isLost(error) || attempt >= ATTEMPTS) throw error;
    }
  }
}

async function tolerate(call: Promise<unknown>, status: number): Promise<void> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof ManagementApiError && error.status === status)) throw error;
  }
}

function isConflict(error: unknown): boolean {
  return error instanceof ManagementApiError && error.status === 409;
}

/** A write whose outcome is unknown: the server may or may not have made it. */
function isLost(error: unknown): boolean {
  return (
    (error instanceof ManagementApiError && error.status >= 500) ||
    error instanceof NetworkError ||
    error instanceof TimeoutError ||
    error instanceof ResponseParseError
  );
}

function need(id: string | undefined, change: Change): string {
  if (id === undefined) throw new Error(`${describe(change)} names no grant ID, and no create before it made one`);
  return id;
}
