import type { Auth0Client, ResourceServer } from "@grantkit/types";
import { listingPage } from "../listing.js";
import type { Route } from "../route.js";
import type { Auth0Tenant } from "./tenant.js";

/** The client with only the fields `fields` names, or without them for `include_fields=false`. */
function withFields(client: Auth0Client, fields: string | undefined, include: boolean): Auth0Client {
  if (fields === undefined) return client;
  const named = new Set(fields.split(",").map((field) => field.trim()));
  return Object.fromEntries(Object.entries(client).filter(([key]) => named.has(key) === include)) as Auth0Client;
}

function matchesClient(client: Auth0Client, query: Readonly<Record<string, unknown>>): boolean {
  const appTypes = (query["app_type"] as string | undefined)?.split(",").map((type) => type.trim());
  const search = (query["q"] as string | undefined)?.toLowerCase();
  const fields = client as Auth0Client & { external_client_id?: string };
  return (
    // Auth0's defaults for fields a seed leaves out: not the global client, and first-party.
    (query["is_global"] === undefined || (client.global ?? false) === query["is_global"]) &&
    (query["is_first_party"] === undefined || (client.is_first_party ?? true) === query["is_first_party"]) &&
    (appTypes === undefined || (client.app_type !== undefined && appTypes.includes(client.app_type))) &&
    (query["external_client_id"] === undefined || fields.external_client_id === query["external_client_id"]) &&
    (search === undefined || (client.name ?? "").toLowerCase().includes(search) || (client.client_id ?? "").toLowerCase().includes(search))
  );
}

const listClients: Route<Auth0Tenant> = ({ query }, tenant) => {
  const { clients } = tenant.state;
  const matching = clients.filter((client) => matchesClient(client, query));
  const page = listingPage(matching, query, { key: "clients", checkpoints: true, placeOf: (client) => clients.indexOf(client) });
  const fields = query["fields"] as string | undefined;
  const include = query["include_fields"] !== false;
  const cut = (list: Auth0Client[]) => list.map((client) => withFields(client, fields, include));
  return { status: 200, body: Array.isArray(page) ? cut(page) : { ...(page as object), clients: cut((page as { clients: Auth0Client[] }).clients) } };
};

const listResourceServers: Route<Auth0Tenant> = ({ query }, tenant) => {
  const { resourceServers } = tenant.state;
  const identifiers = query["identifiers"] as string[] | undefined;
  const matching = resourceServers.filter((api) => identifiers === undefined || identifiers.includes(api.identifier));
  const placeOf = (api: ResourceServer) => resourceServers.indexOf(api);
  return { status: 200, body: listingPage(matching, query, { key: "resource_servers", checkpoints: false, placeOf }) };
};

export const lookupRoutes: Readonly<Record<string, Route<Auth0Tenant>>> = {
  "GET /clients": listClients,
  "GET /resource-servers": listResourceServers,
};
