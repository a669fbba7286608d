import type { ClientGrant, CreateClientGrantRequest, UpdateClientGrantRequest } from "@grantkit/types";
import { listingPage } from "../listing.js";
import { Refusal } from "../refusal.js";
import type { Route } from "../route.js";
import type { Auth0Tenant } from "./tenant.js";

const notFound = () => new Refusal(404, "The client grant does not exist.", "inexistent_client_grant");

/** A grant by the id in the path, or a 404. */
function grantAt(tenant: Auth0Tenant, id: string | undefined): ClientGrant {
  const grant = tenant.grant(id ?? "");
  if (grant === undefined) throw notFound();
  return grant;
}

/** What makes two grants the same for Auth0: who (the client, or the group it is the default for), the API, and for whom. */
const identityOf = (grant: Pick<ClientGrant, "client_id" | "default_for" | "audience" | "subject_type">) =>
  JSON.stringify([grant.client_id ?? null, grant.default_for ?? null, grant.audience, grant.subject_type ?? "client"]);

const FILTERS = ["audience", "client_id", "allow_any_organization", "subject_type", "default_for"] as const;

const list: Route<Auth0Tenant> = ({ query }, tenant) => {
  const grants = tenant.state.clientGrants.filter((grant) =>
    FILTERS.every((name) => {
      const wanted = query[name];
      if (wanted === undefined) return true;
      // A grant without subject_type is a `client` grant, and one without allow_any_organization does not allow any.
      const value = name === "subject_type" ? (grant.subject_type ?? "client") : name === "allow_any_organization" ? (grant.allow_any_organization ?? false) : grant[name];
      return value === wanted;
    }),
  );
  return { status: 200, body: listingPage(grants, query, { key: "client_grants", checkpoints: true, placeOf: (grant) => tenant.placeOfGrant(grant) }) };
};

const create: Route<Auth0Tenant> = ({ body }, tenant) => {
  const request = body as CreateClientGrantRequest;
  if (request.client_id === undefined && request.default_for === undefined) {
    throw new Refusal(400, "Payload validation error: 'Missing required property: client_id' on property client_id.", "invalid_body");
  }
  if (request.client_id !== undefined && !tenant.state.clients.some((client) => client.client_id === request.client_id)) {
    throw new Refusal(404, "Client not found", "inexistent_client");
  }
  if (!tenant.state.resourceServers.some((api) => api.identifier === request.audience)) {
    throw new Refusal(404, `No resource server found by identifier: ${request.audience}`, "inexistent_resource_server");
  }
  if (tenant.state.clientGrants.some((grant) => identityOf(grant) === identityOf(request))) {
    throw new Refusal(409, "A resource with the same identifier already exists.", "client_grant_conflict");
  }
  const grant = { id: tenant.newGrantId(), ...request, scope: [...(request.scope ?? [])], is_system: false } as ClientGrant;
  tenant.addGrant(grant);
  return { status: 201, body: grant };
};

const get: Route<Auth0Tenant> = ({ path }, tenant) => ({ status: 200, body: grantAt(tenant, path["id"]) });

const update: Route<Auth0Tenant> = ({ path, body }, tenant) => {
  const grant = grantAt(tenant, path["id"]);
  if (grant.is_system === true) throw new Refusal(403, "A system client grant cannot be modified.", "operation_not_supported");
  for (const [name, value] of Object.entries(body as UpdateClientGrantRequest)) {
    // `null` clears a field.
    if (value === null) delete (grant as unknown as Record<string, unknown>)[name];
    else (grant as unknown as Record<string, unknown>)[name] = value;
  }
  return { status: 200, body: grant };
};

const remove: Route<Auth0Tenant> = ({ path }, tenant) => {
  const grant = tenant.grant(path["id"] ?? "");
  if (grant?.is_system === true) throw new Refusal(403, "A system client grant cannot be deleted.", "operation_not_supported");
  // The vendor documents no 404 here: deleting a grant that is not there succeeds, as deleting it twice does.
  if (grant !== undefined) tenant.removeGrant(grant.id);
  return { status: 204 };
};

export const clientGrantRoutes: Readonly<Record<string, Route<Auth0Tenant>>> = {
  "GET /client-grants": list,
  "POST /client-grants": create,
  "GET /client-grants/{id}": get,
  "PATCH /client-grants/{id}": update,
  "DELETE /client-grants/{id}": remove,
};
