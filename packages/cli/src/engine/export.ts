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

/** A grant `export` leaves out of the file, and why. */
export interface LeftOutGrant {
  id: string;
  reason: string;
}

/** What `export` writes, and the grants it could not write. */
export interface ExportResult {
  text: string;
  /**
   * Grants that name what the tenant no longer has (a deleted client or API, as deleted APIs leave behind): a file
   * holding them would fail `plan`'s checks. `plan --prune` deletes them.
   */
  leftOut: LeftOutGrant[];
}

/**
 * The tenant's grants as a grants file, which `plan` then reads as "no changes". System grants are left out (they
 * are Auth0's), and so are grants whose client or API is gone (listed in `leftOut`, and as comments in YAML); a
 * client is named by its name where that name is unique, else by its ID; the organizations of grants that use
 * organizations are listed. Sorted, so that two exports of one tenant are the same text.
 */
export async function exportGrants(client: ManagementClient, options: ExportOptions = {}): Promise<ExportResult> {
  const tenant = await readTenant(client, options.progress);
  const names = new Map<string, number>();
  for (const { name } of tenant.clients) if (name !== undefined) names.set(name, (names.get(name) ?? 0) + 1);
  const nameOf = new Map(tenant.clients.map(({ client_id, name }) => [client_id, name !== undefined && names.get(name) === 1 ? name : undefined]));

  const leftOut: LeftOutGrant[] = [];
  const grants = tenant.grants.filter((grant) => {
    if (grant.is_system === true) return false;
    const reason = !tenant.apis.has(grant.audience)
      ? `its audience ${grant.audience} is no API's identifier`
      : grant.client_id !== undefined && !nameOf.has(grant.client_id)
        ? `its client ${grant.client_id} does not exist`
        : undefined;
    if (reason !== undefined) leftOut.push({ id: grant.id, reason });
    return reason === undefined;
  });
  // A grant can be assigned to organizations only when it uses them: only those are worth a listing each.
  const usingOrganizations = grants.filter((grant) => grant.organization_usage === "allow" || grant.organization_usage === "require");
  const assignments = await readAssignments(client, usingOrganizations.map((grant) => grant.id));

  const entries = grants.map((grant) => fileGrantOf(grant, grant.client_id === undefined ? undefined : nameOf.get(grant.client_id), assignments.get(grant.id)));
  entries.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  const file = { $schema: SCHEMA_URL, grants: entries };
  if (options.format === "json") return { text: `${JSON.stringify(file, null, 2)}\n`, leftOut };
  const document = new Document(file);
  // Lists of plain values on one line (`scope: [read:a, write:a]`), as people write them.
  visit(document, { Seq: (_key, node) => void (node.flow = node.items.every((item) => isScalar(item))) });
  if (leftOut.length > 0) document.commentBefore = leftOut.map(({ id, reason }) => ` Left out: ${id}, ${reason} (plan --prune deletes it)`).join("\n");
  return { text: document.toString({ lineWidth: 0, flowCollectionPadding: false }), leftOut };
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
