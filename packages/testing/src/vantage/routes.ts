import type { AdminClient, ClientSecret, CreateAdminClientRequest, CreateClientSecretRequest } from "@grantkit/types";
import { randomText } from "../random.js";
import { Refusal } from "../refusal.js";
import type { Route } from "../route.js";
import type { AdminState } from "../state.js";

/** What the admin API's routes act on. */
export interface VantageContext {
  readonly state: AdminState;
  readonly random: () => number;
  readonly now: () => number;
}

const DAY_MS = 86_400_000;
/** The lists the vendor gives no default for: an empty list, as the vendor's example answer shows. */
const LIST_FIELDS = ["allowedGrantTypes", "allowedCorsOrigins", "postLogoutRedirectUris", "redirectUris"] as const;

/** `date` moved by whole calendar months (and years, as 12 months), as "6 months after" and "3 years after" mean. */
function addMonths(date: Date, months: number): Date {
  const moved = new Date(date);
  moved.setUTCMonth(moved.getUTCMonth() + months);
  return moved;
}

const createClient: Route<VantageContext> = ({ path, body }, { state }) => {
  const tenantId = path["tenantId"] ?? "";
  const request = body as CreateAdminClientRequest;
  if (state.clients.some((client) => client.tenantId === tenantId && client.clientId === request.clientId)) {
    throw new Refusal(400, "One or more validation errors occurred.", undefined, { clientId: [`A client with the clientId ${request.clientId} already exists in this tenant.`] });
  }
  const client = { ...request } as unknown as AdminClient;
  for (const field of LIST_FIELDS) client[field] ??= [];
  state.clients.push({ ...structuredClone(client), tenantId });
  return { status: 200, body: client };
};

const createSecret: Route<VantageContext> = ({ path, body }, { state, random, now }) => {
  const tenantId = path["tenantId"] ?? "";
  const clientId = path["clientId"] ?? "";
  if (!state.clients.some((client) => client.tenantId === tenantId && client.clientId === clientId)) {
    throw new Refusal(404, "Not Found");
  }
  const request = body as CreateClientSecretRequest;
  const startTime = request.startTime === undefined ? new Date(now()) : new Date(request.startTime);
  const expiration = request.expiration === undefined ? addMonths(startTime, 6) : new Date(request.expiration);
  if (expiration.getTime() - startTime.getTime() < DAY_MS || expiration > addMonths(startTime, 36)) {
    throw new Refusal(400, "One or more validation errors occurred.", undefined, {
      expiration: ["The expiration must be between 1 day and 3 years after the start time."],
    });
  }
  const value = randomText(random, 32);
  const secret: ClientSecret = {
    ...(request.description === undefined ? {} : { description: request.description }),
    value,
    valueDisplay: value.slice(0, 3),
    startTime: startTime.toISOString(),
    expiration: expiration.toISOString(),
  };
  // Kept without its value: the answer to this request is the only place it is ever shown.
  const { value: _shownOnce, ...kept } = secret;
  state.secrets.push({ tenantId, clientId, ...kept });
  return { status: 200, body: secret };
};

export const vantageRoutes: Readonly<Record<string, Route<VantageContext>>> = {
  "POST /tenants/{tenantId}/clients/": createClient,
  "POST /tenants/{tenantId}/clients/{clientId}/secrets/": createSecret,
};
