import type { ServerResponse } from "node:http";
import { json as jsonBody } from "@grantkit/test-support/test-server";
import type { AllowedScopes } from "@grantkit/types";

export { caught, startServer, type TestServer } from "@grantkit/test-support/test-server";

/** Answers JSON; an error body that is not an OAuth error goes out as problem details, as the admin API sends it. */
export function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const type = status >= 400 && !("error" in (body as object)) ? "application/problem+json" : "application/json";
  jsonBody(response, status, body, { "content-type": type, ...headers });
}

export const scopes: AllowedScopes = ["openid", "permissions", "publicapi.all"];

export const newClient = { clientId: "invoice-robot", clientName: "Invoice robot", allowedScopes: scopes };

export const createdClient = {
  ...newClient,
  allowedGrantTypes: ["client_credentials"],
  requireClientSecret: true,
};

/** A secret value as the API shows it once. Long and distinctive, so a leak anywhere is found by a plain search. */
export const SECRET_VALUE = "Zk4_PLAINTEXT-SECRET-VALUE_q9Wm2";

export const createdSecret = {
  description: "CI pipeline",
  value: SECRET_VALUE,
  valueDisplay: SECRET_VALUE.slice(0, 3),
  startTime: "2025-01-15T10:00:00.000Z",
  expiration: "2025-07-15T10:00:00.000Z",
};
