import { ManagementApiError, type ClientGrant, type DesiredClientGrant, type ManagementClient } from "@grantkit/client";
import type { Problem } from "../errors.js";
import type { FileEntry, GrantsFile } from "../file/read.js";
import { keyString } from "./changes.js";
import type { TenantSnapshot } from "./tenant.js";

/** A file's grant with its client resolved to an ID, and the tenant's grant of the same key, if any. */
export interface ResolvedGrant {
  entry: FileEntry;
  desired: DesiredClientGrant;
  current: ClientGrant | undefined;
}

/**
 * Checks every grant of the file against the tenant and resolves it: its client exists (a name naming exactly
 * one), its audience is an API's identifier, each scope is defined on that API, and it is not a system grant
 * (those are Auth0's, never changed). Every problem is returned at once, at the line of its grant.
 */
export function resolveGrants(file: GrantsFile, tenant: TenantSnapshot): { resolved: ResolvedGrant[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const resolved: ResolvedGrant[] = [];
  const byName = groupBy(tenant.clients, (client) => client.name);
  const ids = new Set(tenant.clients.map((client) => client.client_id));
  const grants = new Map(tenant.grants.map((grant) => [keyString(grant), grant]));
  const seen = new Map<string, FileEntry>();

  for (const entry of file.entries) {
    const report = (message: string) => problems.push({ message, file: file.name, at: entry.at });
    const { client, organizations: _organizations, ...fields } = entry.grant;
    let desired: DesiredClientGrant;
    if (client !== undefined) {
      const named = byName.get(client) ?? [];
      if (named.length !== 1) {
        report(named.length === 0 ? `no client is named "${client}"` : `${named.length} clients are named "${client}": name this one by client_id (${named.map((c) => c.client_id).join(", ")})`);
        continue;
      }
      desired = { ...fields, client_id: named[0]!.client_id! } as DesiredClientGrant;
    } else {
      desired = fields as DesiredClientGrant;
      if (desired.client_id !== undefined && !ids.has(desired.client_id)) report(`no client has the client_id "${desired.client_id}"`);
    }

    const scopes = tenant.apis.get(desired.audience);
    if (scopes === undefined) report(`no API has the identifier "${desired.audience}" (the audience must be an API's identifier)`);
    else {
      const undefinedScopes = (desired.scope ?? []).filter((scope) => !scopes.has(scope));
      if (undefinedScopes.length > 0) report(`the API "${desired.audience}" defines no scope ${undefinedScopes.map((s) => `"${s}"`).join(", ")}`);
    }

    const key = keyString(desired);
    const earlier = seen.get(key);
    if (earlier !== undefined) report(`the same grant as the one at line ${earlier.at.line}: both name client ${desired.client_id ?? desired.default_for}`);
    seen.set(key, entry);

    const current = grants.get(key);
    if (current?.is_system === true) report(`this is the system grant ${current.id}, which Auth0 manages: it is never changed; remove it from the file`);
    resolved.push({ entry, desired, current });
  }
  return { resolved, problems };
}

/** The organizations the file names that the tenant does not have, each reported at every grant naming it. */
export async function missingOrganizations(client: ManagementClient, file: GrantsFile): Promise<Problem[]> {
  const named = [...new Set(file.entries.flatMap((entry) => entry.grant.organizations ?? []))];
  const missing = new Set<string>();
  await Promise.all(
    named.map(async (id) => {
      try {
        await client.organizations.get(id);
      } catch (error) {
        if (!(error instanceof ManagementApiError && error.status === 404)) throw error;
        missing.add(id);
      }
    }),
  );
  return file.entries.flatMap((entry) =>
    (entry.grant.organizations ?? []).filter((id) => missing.has(id)).map((id) => ({ message: `no organization has the ID "${id}"`, file: file.name, at: entry.at })),
  );
}

function groupBy<Item>(items: readonly Item[], keyOf: (item: Item) => string | undefined): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}
