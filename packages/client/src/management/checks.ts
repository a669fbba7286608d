import { invalid, isRecord, shown, type OperationRequest } from "../core/index.js";

/**
 * The checks of the Management API that its spec's schemas do not state, made before the spec's rules: cross-field
 * rules the vendor documents, and the mistakes a newcomer makes, each with a hint.
 */

/** The vendor documents `client_id` and `default_for` as exclusive filters too; a query's schema cannot say it. */
export function checkListFilters({ query }: OperationRequest): void {
  if (isRecord(query) && query.client_id != null && query.default_for != null) {
    invalid("client_id and default_for are mutually exclusive: pass one or the other");
  }
}

/** A scope holding a space is several scopes in one string, as an OAuth scope parameter writes them. */
export function checkScopeList({ body }: OperationRequest): void {
  const scopes = isRecord(body) ? body.scope : undefined;
  if (!Array.isArray(scopes)) return;
  for (let index = 0; index < scopes.length; index++) {
    const scope: unknown = scopes[index];
    if (typeof scope !== "string" || !/\s/.test(scope)) continue;
    const parts = scope.trim().split(/\s+/);
    if (parts.length > 1) {
      invalid(`scope[${index}] holds a space: it is ${parts.length} scopes in one string; pass each as its own item, such as ${JSON.stringify(parts.slice(0, 2))}`);
    }
    invalid(`scope[${index}] starts or ends with a space, which no scope has: pass ${JSON.stringify(parts[0])}`);
  }
}

/** A grant's key names its client by exactly one of `client_id` and `default_for`, and its audience. */
export function checkGrantKey(key: unknown): void {
  if (!isRecord(key)) invalid(`The client grant key must be an object, got ${shown(key)}`);
  if ((key.client_id === undefined) === (key.default_for === undefined)) {
    invalid("The client grant key needs exactly one of client_id and default_for");
  }
  if (typeof key.audience !== "string" || key.audience === "") invalid(`The client grant key's audience must be a non-empty string, got ${shown(key.audience)}`);
  if (key.subject_type !== undefined && typeof key.subject_type !== "string") {
    invalid(`The client grant key's subject_type must be a string, got ${shown(key.subject_type)}`);
  }
}
