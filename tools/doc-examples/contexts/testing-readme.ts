// packages/testing/README.md: `ensureGrant` is the reader's own function, from the first example.
import type * as grantkitClient from "@grantkit/client";

async function ensureGrant(client: grantkitClient.ManagementClient, clientId: string, audience: string, scopes: string[]) {
  const [grant] = await client.clientGrants.list({ client_id: clientId, audience });
  if (grant === undefined) return client.clientGrants.create({ client_id: clientId, audience, scope: scopes });
  const missing = scopes.filter((scope) => !grant.scope?.includes(scope));
  return missing.length === 0 ? grant : client.clientGrants.update(grant.id, { scope: [...(grant.scope ?? []), ...missing] });
}
