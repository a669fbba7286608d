import type { ClientGrant, ManagementClient } from "@grantkit/client";
import { Document, isScalar, visit } from "yaml";
import type { FileGrant } from "../file/read.js";
import { fieldsOf } from "./plan.js";
import { readAssignments, readTenant, type Progress } from "./tenant.js";

/** Where editors find the schema of the files `export` writes. */
export const SCHEMA_URL = "https://unpkg.com/@grantkit/cli/grants.schema.json";

/** Options of {@link exportGrants}. */
export interface ExportOptions {
  /** `"yaml"` (the default) or `"json"`. */
  format?: "yaml" | "json" | undefined;
  progress?: Progress | undefined;
}

/**
 * The tenant's grants as a grants file, which `plan` then reads as "no changes". System grants are left out (they
 * are Auth0's); a client is named by its name where that name is unique, else by its ID; the organizations of
 * grants that use organizations are listed. Sorted, so that two exports of one tenant are the same text.
 */
export async function exportGrants(client: ManagementClient, options: ExportOptions = {}): Promise<string> {
  const tenant = await readTenant(client, options.progress);
  const names = new Map<string, number>();
  for (const { name } of tenant.clients) if (name !== undefined) names.set(name, (names.get(name) ?? 0) + 1);
  const nameOf = new Map(tenant.clients.map(({ client_id, name }) => [client_id, name !== undefined && names.get(name) === 1 ? name : undefined]));

  const grants = tenant.grants.filter((grant) => grant.is_system !== true);
  // A grant can be assigned to organizations only when it uses them: only those are worth a listing each.
  const usingOrganizations = grants.filter((grant) => grant.organization_usage === "allow" || grant.organization_usage === "require");
  const assignments = await readAssignments(client, usingOrganizations.map((grant) => grant.id));

  const entries = grants.map((grant) => fileGrantOf(grant, grant.client_id === undefined ? undefined : nameOf.get(grant.client_id), assignments.get(grant.id)));
  entries.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  const file = { $schema: SCHEMA_URL, grants: entries };
  if (options.format === "json") return `${JSON.stringify(file, null, 2)}\n`;
  const document = new Document(file);
  // Lists of plain values on one line (`scope: [read:a, write:a]`), as people write them.
  visit(document, { Seq: (_key, node) => void (node.flow = node.items.every((item) => isScalar(item))) });
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function fileGrantOf(grant: ClientGrant, clientName: string | undefined, organizations: Set<string> | undefined): FileGrant {
  const who =
    grant.client_id === undefined ? { default_for: grant.default_for } : clientName === undefined ? { client_id: grant.client_id } : { client: clientName };
  const fields = fieldsOf(grant, true);
  // With every scope allowed the file must leave scope out; else scope is required, so an absent one is empty.
  if (grant.allow_all_scopes === true) delete fields.scope;
  else fields.scope ??= [];
  const subject = grant.subject_type === undefined || grant.subject_type === "client" ? {} : { subject_type: grant.subject_type };
  const assigned = organizations === undefined ? {} : { organizations: [...organizations].sort() };
  return { ...who, audience: grant.audience, ...subject, ...fields, ...assigned } as FileGrant;
}

function sortKey(grant: FileGrant): string {
  return JSON.stringify([grant.client ?? grant.client_id ?? grant.default_for, grant.audience, grant.subject_type ?? "client"]);
}
