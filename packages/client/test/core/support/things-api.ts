import {
  AN_OBJECT,
  createApiClient,
  operation,
  type ApiLocation,
  type AuthOptions,
  type CallOptions,
  type ClientCredentials,
  type ClientOptions,
} from "../../../src/core/index.js";

/**
 * A client of a tiny API of "things", built on the core as the two real clients are (a description with `locate`,
 * `retryMethods` and `requests`, and operations declared over its rules): the core tests' way to reach the core's
 * behaviour without any one vendor's API in between.
 */
const requests = {
  "GET /things/{id}": { path: idPath() },
  "POST /things": { body: { type: "object", properties: { name: { type: "string" } } }, bodyRequired: true },
  "PATCH /things/{id}": { path: idPath(), body: { type: "object", properties: { name: { type: "string" } } }, bodyRequired: true },
  "DELETE /things/{id}": { path: idPath() },
} as const;

function idPath() {
  return { type: "object", properties: { id: { type: "string", minLength: 1 } }, required: ["id"], additionalProperties: false } as const;
}

/** As the Auth0 client: POST creates, so it is sent again only after a 429; the others may reach the API twice. */
const RETRIED_METHODS = ["GET", "PUT", "PATCH", "DELETE"];

export interface Thing {
  id: string;
  name?: string;
}

export type ThingsClientOptions = { baseUrl: string; tokenUrl?: string } & AuthOptions<ClientCredentials> & ClientOptions;

/** Where the things are: `baseUrl`, and `tokenUrl` for client credentials (exchanged as a form). */
function locate({ baseUrl, tokenUrl }: ThingsClientOptions): ApiLocation<ClientCredentials> {
  const fields = ({ clientId, clientSecret }: ClientCredentials) => ({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret });
  return { apiUrl: baseUrl, tokenEndpoint: tokenUrl === undefined ? undefined : { url: tokenUrl, format: "form", fields } };
}

const getThing = operation<Thing>(requests, "GET /things/{id}", AN_OBJECT);
const createThing = operation<Thing>(requests, "POST /things", AN_OBJECT);
const updateThing = operation<Thing>(requests, "PATCH /things/{id}", AN_OBJECT);
const deleteThing = operation<void>(requests, "DELETE /things/{id}", undefined);

/** A things client: one method per operation, each one line over the core's `call`. */
export function createThingsClient(options: ThingsClientOptions) {
  const { call } = createApiClient(
    { locate, retryMethods: RETRIED_METHODS, requests },
    options,
  );
  return {
    get: (id: string, callOptions?: CallOptions) => call(getThing, { path: { id } }, callOptions),
    create: (body: Omit<Thing, "id">, callOptions?: CallOptions) => call(createThing, { body }, callOptions),
    update: (id: string, body: Omit<Thing, "id">, callOptions?: CallOptions) => call(updateThing, { path: { id }, body }, callOptions),
    delete: (id: string, callOptions?: CallOptions) => call(deleteThing, { path: { id } }, callOptions),
  };
}

/** A thing as the API answers it. */
export const thing: Thing = { id: "thing_0123456789", name: "a thing" };
