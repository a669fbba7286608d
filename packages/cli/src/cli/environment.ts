import { createManagementClient, type ManagementClient } from "@grantkit/client";
import { UsageError, type Connection } from "./arguments.js";

/** The client the commands use, and the client ID it authenticates as (whose grants a prune keeps). */
export interface TenantConnection {
  client: ManagementClient;
  ownClientId?: string | undefined;
}

/**
 * The Management API client, from the environment's credentials only: `AUTH0_DOMAIN`, and `AUTH0_CLIENT_ID` with
 * `AUTH0_CLIENT_SECRET`, or `AUTH0_ACCESS_TOKEN` (the names auth0-deploy-cli reads). A message names a variable,
 * never its value.
 */
export function connect(env: Record<string, string | undefined>, connection: Connection, fetch?: typeof globalThis.fetch): TenantConnection {
  const value = (name: string) => (env[name] === undefined || env[name] === "" ? undefined : env[name]);
  const domain = value("AUTH0_DOMAIN");
  const token = value("AUTH0_ACCESS_TOKEN");
  const clientId = value("AUTH0_CLIENT_ID");
  const clientSecret = value("AUTH0_CLIENT_SECRET");
  if (domain === undefined && connection.baseUrl === undefined) {
    throw new UsageError("Set AUTH0_DOMAIN to the tenant's domain (or pass --base-url, the Management API root)");
  }
  if (token !== undefined && (clientId !== undefined || clientSecret !== undefined)) {
    throw new UsageError("Set AUTH0_ACCESS_TOKEN or AUTH0_CLIENT_ID with AUTH0_CLIENT_SECRET, not both: which one to use would be a guess");
  }
  if (token === undefined && (clientId === undefined || clientSecret === undefined)) {
    throw new UsageError(
      `Set AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET (${clientId === undefined ? "AUTH0_CLIENT_ID" : "AUTH0_CLIENT_SECRET"} is not set), or AUTH0_ACCESS_TOKEN`,
    );
  }
  const auth = token !== undefined ? { token } : { clientCredentials: { clientId: clientId!, clientSecret: clientSecret! } };
  const client = createManagementClient({
    domain,
    baseUrl: connection.baseUrl,
    tokenUrl: connection.tokenUrl,
    maxConcurrency: connection.concurrency,
    fetch,
    ...auth,
  });
  return { client, ownClientId: clientId };
}
