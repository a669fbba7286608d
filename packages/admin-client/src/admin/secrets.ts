import {
  AN_OBJECT,
  answerOf,
  checkCallOptions,
  checkId,
  dataOf,
  UNPARSED,
  type CallOptions,
  type RawClient,
  type Redactor,
} from "@grantkit/client/core";
import type { AdminPaths, CreateClientSecretRequest } from "@grantkit/types";
import { readCreatedSecret, type CreatedClientSecret } from "./created-secret.js";
import { secretBody, type SecretOptions } from "./secret-options.js";

/** What a secret creation needs besides its arguments. */
export interface SecretsContext {
  raw: RawClient<AdminPaths>;
  tenantId: string;
  /**
   * The values this client keeps out of every error: the client secret it authenticates with, and the secret values
   * it has been shown since. The transport uses it on every attempt, so values added later count.
   */
  redactor: Redactor;
}

/** `POST /tenants/{tenantId}/clients/{clientId}/secrets/` with a body already checked and built by {@link secretBody}. */
export async function postSecret(
  context: SecretsContext,
  clientId: string,
  body: CreateClientSecretRequest,
  options: CallOptions,
): Promise<CreatedClientSecret> {
  const { raw, tenantId } = context;
  const result = await raw.POST("/tenants/{tenantId}/clients/{clientId}/secrets/", {
    params: { path: { tenantId, clientId } },
    body,
    signal: options.signal,
    ...UNPARSED,
  });
  const data: unknown = dataOf(result, AN_OBJECT);
  // Whatever happens next, a value the server has shown must never reach an error of this client.
  const value = data && typeof data === "object" ? (data as { value?: unknown }).value : undefined;
  if (typeof value === "string" && value !== "") context.redactor.add(value);
  return readCreatedSecret(data, answerOf(result.response).request, {
    status: result.response.status,
    contentType: result.response.headers.get("content-type"),
  });
}

/** `admin.secrets`: the client secrets of the tenant's API clients. */
export class ClientSecrets {
  readonly #context: SecretsContext;

  constructor(context: SecretsContext) {
    this.#context = context;
  }

  /**
   * `POST /tenants/{tenantId}/clients/{clientId}/secrets/`: creates a secret for the client. `startTime` and
   * `expiration` take a `Date` or an ISO-8601 string and are sent as ISO strings. The expiration must fall 1 day to 3
   * years after the start (`startTime`, else now); left out, it is not sent and the API sets it to 6 months after
   * the secret's creation. The answer's `value` is readable as `secret.value` but kept out of logs, JSON and errors;
   * the API never shows it again, so store it right away.
   *
   * @example
   * const secret = await admin.secrets.create("invoice-robot", { description: "CI", expiration: new Date(Date.now() + 90 * 24 * 60 * 60 * 1000) });
   * await vault.put("vantage/invoice-robot", secret.value);
   */
  async create(clientId: string, options?: SecretOptions, callOptions: CallOptions = {}): Promise<CreatedClientSecret> {
    checkId(clientId, "clientId");
    checkCallOptions(callOptions, "callOptions");
    return postSecret(this.#context, clientId, secretBody(options), callOptions);
  }
}
