import type { TenantClient, Auth0Client, ClientGrant, Organization, ResourceServer } from "@grantkit/types";

/** A grant assigned to an organization (`POST /organizations/{id}/client-grants`). */
export interface OrganizationGrant {
  organization_id: string;
  grant_id: string;
}

/** An application that may exchange its secret at `/oauth/token` for a Management API token with `scope`. */
export interface ManagementCredential {
  client_id: string;
  client_secret: string;
  /** The Management API scopes its tokens carry, such as `read:client_grants`. */
  scope: string[];
}

/** The Auth0 tenant: its lookups (read-only through the API), its grants, and who may get a token. */
export interface ManagementState {
  clients: Auth0Client[];
  resourceServers: ResourceServer[];
  organizations: Organization[];
  /** In the order they were created, which is the order listings page through them. */
  clientGrants: ClientGrant[];
  organizationGrants: OrganizationGrant[];
  credentials: ManagementCredential[];
}

/** A Vantage tenant. */
export interface VantageTenant {
  id: string;
  name?: string;
}

/** An API client of a Vantage tenant. */
export interface StoredClient extends TenantClient {
  tenantId: string;
}

/** A client secret as the tenant keeps it: its value is never readable after it was created. */
export interface StoredSecret {
  tenantId: string;
  clientId: string;
  description?: string;
  valueDisplay: string;
  startTime: string;
  expiration: string;
}

/** An API client that may exchange its secret at `/auth2/connect/token` for an admin API token. */
export interface AdminCredential {
  client_id: string;
  client_secret: string;
  /** The tenant its tokens may manage; left out, every tenant. */
  tenantId?: string;
}

/** The Vantage side: tenants, their API clients and secrets, and who may get a token. */
export interface AdminState {
  tenants: VantageTenant[];
  clients: StoredClient[];
  secrets: StoredSecret[];
  credentials: AdminCredential[];
}

/** Everything the fake tenant holds, in one JSON format: what `state()` returns and `replaceState` takes. */
export interface FakeState {
  management: ManagementState;
  admin: AdminState;
}

/** A state with any part left out: what is missing is empty. */
export interface FakeSeed {
  management?: Partial<ManagementState> | undefined;
  admin?: Partial<AdminState> | undefined;
}
