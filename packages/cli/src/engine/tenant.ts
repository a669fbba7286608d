import type { Auth0Client, ClientGrant, ManagementClient, ResourceServer } from "@grantkit/client";

/** What the engine reads of a tenant before it plans: every grant, client and API, each listing walked by pages. */
export interface TenantSnapshot {
  grants: ClientGrant[];
  /** Only the fields a grant's client is resolved by. */
  clients: Pick<Auth0Client, "client_id" | "name">[];
  /** Each API's identifier (a grant's audience) and the scopes it defines. */
  apis: Map<string, Set<string>>;
}

/** Reports what a long read is doing, for the CLI's progress line. */
export type Progress = (message: string) => void;

/** Reads the tenant's grants, clients and APIs, the three listings side by side. */
export async function readTenant(client: ManagementClient, progress?: Progress): Promise<TenantSnapshot> {
  const [grants, clients, apis] = await Promise.all([
    // The largest pages the API serves: 10,000 grants are 100 calls.
    collect(client.clientGrants.all({ take: 100 }, { onPage: ({ fetched }) => progress?.(`reading grants: ${fetched}`) })),
    // Only what resolving a name needs: 10,000 clients stay small.
    collect(client.clients.all({ fields: "client_id,name", include_fields: true, take: 100 })),
    collect(client.resourceServers.all({ per_page: 100 })),
  ]);
  return {
    grants,
    clients: clients.map(({ client_id, name }) => ({ client_id, name })),
    apis: new Map(apis.map((api: ResourceServer) => [api.identifier, new Set((api.scopes ?? []).map((scope) => scope.value))])),
  };
}

/** The organizations each grant is assigned to, for the grants named: one walk per grant, side by side. */
export async function readAssignments(client: ManagementClient, grantIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const entries = await Promise.all(
    grantIds.map(async (id) => [id, new Set((await collect(client.clientGrants.allOrganizations(id))).map((org) => org.id))] as const),
  );
  return new Map(entries);
}

async function collect<Item>(items: AsyncIterable<Item>): Promise<Item[]> {
  const all: Item[] = [];
  for await (const item of items) all.push(item);
  return all;
}
