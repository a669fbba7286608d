import type { ClientGrant, Organization, OrganizationClientGrant } from "@grantkit/types";
import { listingPage } from "../listing.js";
import { Refusal } from "../refusal.js";
import type { Route } from "../route.js";
import type { Auth0Tenant } from "./tenant.js";

function organizationAt(tenant: Auth0Tenant, id: string | undefined): Organization {
  const organization = tenant.state.organizations.find((candidate) => candidate.id === id);
  if (organization === undefined) throw new Refusal(404, "No organization found by that id.", "inexistent_organization");
  return organization;
}

function grantAt(tenant: Auth0Tenant, id: string | undefined): ClientGrant {
  const grant = tenant.grant(id ?? "");
  if (grant === undefined) throw new Refusal(404, "The client grant does not exist.", "inexistent_client_grant");
  return grant;
}

const isAssigned = (tenant: Auth0Tenant, organizationId: string, grantId: string) =>
  tenant.state.organizationGrants.some((assignment) => assignment.organization_id === organizationId && assignment.grant_id === grantId);

/** A grant as an organization's listing shows it: the fields Auth0 sends there, no more. */
function asOrganizationGrant(grant: ClientGrant): OrganizationClientGrant {
  const { id, client_id, audience, scope, organization_usage, allow_any_organization } = grant;
  return Object.fromEntries(
    Object.entries({ id, client_id, audience, scope, organization_usage, allow_any_organization }).filter(([, value]) => value !== undefined),
  ) as unknown as OrganizationClientGrant;
}

const organizationsOfGrant: Route<Auth0Tenant> = ({ path, query }, tenant) => {
  const grant = grantAt(tenant, path["id"]);
  const organizations = tenant.state.organizations.filter((organization) => isAssigned(tenant, organization.id, grant.id));
  const placeOf = (organization: Organization) => tenant.state.organizations.indexOf(organization);
  return { status: 200, body: listingPage(organizations, query, { key: "organizations", checkpoints: true, placeOf }) };
};

const grantsOfOrganization: Route<Auth0Tenant> = ({ path, query }, tenant) => {
  // The vendor documents no 404 for this listing: an organization that does not exist has no grants.
  const organizationId = path["id"] ?? "";
  const grantIds = query["grant_ids"] as string[] | undefined;
  const grants = tenant.state.clientGrants.filter(
    (grant) =>
      isAssigned(tenant, organizationId, grant.id) &&
      (query["audience"] === undefined || grant.audience === query["audience"]) &&
      (query["client_id"] === undefined || grant.client_id === query["client_id"]) &&
      (grantIds === undefined || grantIds.includes(grant.id)),
  );
  const page = listingPage(grants, query, { key: "client_grants", checkpoints: false, placeOf: (grant) => tenant.placeOfGrant(grant) });
  const shown = Array.isArray(page)
    ? page.map(asOrganizationGrant)
    : { ...(page as object), client_grants: (page as { client_grants: ClientGrant[] }).client_grants.map(asOrganizationGrant) };
  return { status: 200, body: shown };
};

const assign: Route<Auth0Tenant> = ({ path, body }, tenant) => {
  const organization = organizationAt(tenant, path["id"]);
  const grant = grantAt(tenant, (body as { grant_id: string }).grant_id);
  if (isAssigned(tenant, organization.id, grant.id)) {
    throw new Refusal(409, "The client grant is already associated with the organization.", "client_grant_conflict");
  }
  tenant.state.organizationGrants.push({ organization_id: organization.id, grant_id: grant.id });
  return { status: 201, body: asOrganizationGrant(grant) };
};

const unassign: Route<Auth0Tenant> = ({ path }, tenant) => {
  const organization = organizationAt(tenant, path["id"]);
  // Removing a grant the organization does not have succeeds: the vendor's only 404 here is for the organization.
  tenant.state.organizationGrants = tenant.state.organizationGrants.filter(
    (assignment) => !(assignment.organization_id === organization.id && assignment.grant_id === path["grant_id"]),
  );
  return { status: 204 };
};

export const organizationRoutes: Readonly<Record<string, Route<Auth0Tenant>>> = {
  "GET /client-grants/{id}/organizations": organizationsOfGrant,
  "GET /organizations/{id}/client-grants": grantsOfOrganization,
  "POST /organizations/{id}/client-grants": assign,
  "DELETE /organizations/{id}/client-grants/{grant_id}": unassign,
  "GET /organizations/{id}": ({ path }, tenant) => ({ status: 200, body: organizationAt(tenant, path["id"]) }),
};
