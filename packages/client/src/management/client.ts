import { managementRequests, type ManagementPaths } from "@grantkit/types/management";
import { createApiClient, type AuthOptions, type ClientOptions, type RawClient } from "../core/index.js";
import { ClientGrants } from "./client-grants.js";
import { ManagementApiError } from "./errors.js";
import { Clients } from "./clients.js";
import { Organizations } from "./organizations.js";
import { ResourceServers } from "./resource-servers.js";
import { resolveLocation, type ManagementLocation } from "./location.js";
import type { Auth0ClientCredentials } from "./token.js";

/** Options of {@link createManagementClient}: where the tenant is, how to authenticate, and transport options. */
export type ManagementClientOptions = ManagementLocation & AuthOptions<Auth0ClientCredentials> & ClientOptions;

/**
 * The methods sent again after a 5xx or a lost answer. Auth0's PATCH sets the fields it is given, so a second one
 * leaves the grant as the first did; POST creates, so it is retried only on 429.
 */
const RETRIED_METHODS = ["GET", "PUT", "PATCH", "DELETE"];

export interface ManagementClient {
  /** The client grants of the tenant, and the organizations they are assigned to. */
  readonly clientGrants: ClientGrants;
  /** The tenant's clients (applications), read-only. */
  readonly clients: Clients;
  /** The tenant's APIs (resource servers) and the scopes they define, read-only. */
  readonly resourceServers: ResourceServers;
  /** The tenant's organizations, read-only. */
  readonly organizations: Organizations;
  /** The typed openapi-fetch client for calls not wrapped here. It throws the same errors. */
  readonly raw: RawClient<ManagementPaths>;
}

/**
 * Creates a client for the Auth0 Management API v2: client grants, and the clients, APIs and organizations they name.
 *
 * @example
 * const client = createManagementClient({
 *   domain: "example.us.auth0.com",
 *   clientCredentials: { clientId: process.env.AUTH0_CLIENT_ID!, clientSecret: process.env.AUTH0_CLIENT_SECRET! },
 * });
 * const grant = await client.clientGrants.create({ client_id: "abc", audience: "https://api.example.com/" });
 */
export function createManagementClient(options: ManagementClientOptions): ManagementClient {
  const { raw, call } = createApiClient(
    { locate: resolveLocation, retryMethods: RETRIED_METHODS, requests: managementRequests, apiError: ManagementApiError },
    options,
  );
  return {
    clientGrants: new ClientGrants(call),
    clients: new Clients(call),
    resourceServers: new ResourceServers(call),
    organizations: new Organizations(call),
    raw,
  };
}
