import type { FakeState } from "./state.js";
import { adminValidator, managementValidator } from "./validators.js";

/** The seed's lists that hold what an API answers, with the spec's schema each item must match. */
const SCHEMAS = [
  { part: "management", list: "clients", schema: "Client" },
  { part: "management", list: "resourceServers", schema: "ResourceServer" },
  { part: "management", list: "organizations", schema: "Organization" },
  { part: "management", list: "clientGrants", schema: "ClientGrant" },
  { part: "admin", list: "clients", schema: "Client" },
] as const;

/** The fields each item of the other lists must have as strings (`?` for one that may be left out). */
const STRINGS = [
  { part: "management", list: "clients", fields: ["client_id"] },
  { part: "management", list: "organizationGrants", fields: ["organization_id", "grant_id"] },
  { part: "management", list: "credentials", fields: ["client_id", "client_secret"] },
  { part: "admin", list: "tenants", fields: ["id", "name?"] },
  { part: "admin", list: "clients", fields: ["tenantId"] },
  { part: "admin", list: "secrets", fields: ["tenantId", "clientId", "valueDisplay", "startTime", "expiration", "description?"] },
  { part: "admin", list: "credentials", fields: ["client_id", "client_secret", "tenantId?"] },
] as const;

const itemsOf = (state: FakeState, part: "management" | "admin", list: string) =>
  (state[part] as unknown as Record<string, readonly unknown[]>)[list] ?? [];

/**
 * Throws a `TypeError` naming the first item of `state` that the fake could not serve as the vendor would: one that
 * does not match its spec schema, lacks a field, or repeats a grant's id. (Defaults the schemas give are filled in.)
 */
export function checkState(state: FakeState): void {
  for (const { part, list, schema } of SCHEMAS) {
    const validator = part === "management" ? managementValidator() : adminValidator();
    itemsOf(state, part, list).forEach((item, index) => {
      const problem = validator.schemaProblem(schema, item);
      if (problem !== undefined) throw new TypeError(`The seed's ${part}.${list}[${index}] is no ${schema} of the spec: ${problem}`);
    });
  }
  for (const { part, list, fields } of STRINGS) {
    itemsOf(state, part, list).forEach((item, index) => {
      for (const field of fields) {
        const name = field.replace(/\?$/, "");
        const value = (item as Record<string, unknown> | null)?.[name];
        if (typeof value === "string" || (value === undefined && field.endsWith("?"))) continue;
        throw new TypeError(`The seed's ${part}.${list}[${index}].${name} must be a string`);
      }
    });
  }
  state.management.credentials.forEach(({ scope }, index) => {
    if (!Array.isArray(scope) || !scope.every((each) => typeof each === "string")) {
      throw new TypeError(`The seed's management.credentials[${index}].scope must be an array of scopes (strings)`);
    }
  });
  const ids = new Set<string>();
  for (const { id } of state.management.clientGrants) {
    if (ids.has(id)) throw new TypeError(`The seed's management.clientGrants has the id ${id} twice`);
    ids.add(id);
  }
}
