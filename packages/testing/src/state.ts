import type { AdminClient, Auth0Client, ClientGrant, Organization, ResourceServer } from "@grantkit/types";
import { checkState } from "./state-check.js";

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
export interface TenantClient extends AdminClient {
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
  clients: TenantClient[];
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

const MANAGEMENT_LISTS = ["clients", "resourceServers", "organizations", "clientGrants", "organizationGrants", "credentials"] as const;
const ADMIN_LISTS = ["tenants", "clients", "secrets", "credentials"] as const;

function listsOf<Key extends string>(part: unknown, keys: readonly Key[], name: string): Record<Key, unknown[]> {
  if (part !== undefined && (part === null || typeof part !== "object" || Array.isArray(part))) {
    throw new TypeError(`The seed's ${name} must be an object`);
  }
  const given = (part ?? {}) as Record<string, unknown>;
  const unknownKey = Object.keys(given).find((key) => !(keys as readonly string[]).includes(key));
  if (unknownKey !== undefined) throw new TypeError(`The seed's ${name} has no list ${unknownKey} (it has ${keys.join(", ")})`);
  const lists = {} as Record<Key, unknown[]>;
  for (const key of keys) {
    const list = given[key] ?? [];
    if (!Array.isArray(list)) throw new TypeError(`The seed's ${name}.${key} must be an array`);
    // A deep copy: the fake's state is its own, so a test that edits its seed afterwards changes nothing.
    lists[key] = structuredClone(list);
  }
  return lists;
}

/** A full state from a seed, copied and checked; a part it leaves out is empty. */
export function stateFrom(seed: FakeSeed | undefined): FakeState {
  if (seed !== undefined && (seed === null || typeof seed !== "object")) throw new TypeError("The seed must be an object");
  const unknownPart = Object.keys(seed ?? {}).find((key) => key !== "management" && key !== "admin");
  if (unknownPart !== undefined) throw new TypeError(`The seed has no part ${unknownPart} (it has management and admin)`);
  const state = {
    management: listsOf(seed?.management, MANAGEMENT_LISTS, "management") as unknown as ManagementState,
    admin: listsOf(seed?.admin, ADMIN_LISTS, "admin") as unknown as AdminState,
  };
  checkState(state);
  return state;
}
