import { AN_OBJECT, checkCallOptions, operation, type ApiClient, type CallOptions, type Operation, type Redactor } from "@grantkit/client/core";
import { adminRequests, type AdminPaths } from "@grantkit/types/admin";
import { readCreatedSecret, type CreatedClientSecret } from "./created-secret.js";
import { secretBody, type SecretOptions } from "./secret-options.js";

/** What secret creation needs of its client. */
export interface SecretsContext {
  call: ApiClient<AdminPaths>["call"];
  tenantId: string;
  /**
   * The values this client keeps out of every error: the credentials it authenticates with, and the secret values
   * it has been shown since. The transport uses it on every attempt, so values added later count.
   */
  redactor: Redactor;
  /** This client's secret creation (see {@link secretOperation}). */
  createSecret: Operation<CreatedClientSecret>;
}

/**
 * `POST /tenants/{tenantId}/clients/{clientId}/secrets/` for one client: the value a created secret shows goes to the
 * client's redactor before anything else reads the answer, so no later error of this client can show it.
 */
export function secretOperation(redactor: Redactor): Operation<CreatedClientSecret> {
  return operation(adminRequests, "POST /tenants/{tenantId}/clients/{clientId}/secrets/", AN_OBJECT, {
    bodyLabel: "The secret options",
    read: (data, answer) => {
      const value = (data as { value?: unknown }).value;
      if (typeof value === "string" && value !== "") redactor.add(value);
      return readCreatedSecret(data, answer);
    },
  });
}

/** `admin.secrets`: the client secrets of the tenant's API clients. */
export class ClientSecrets {
  readonly #context: SecretsContext;

  /** @internal */
  constructor(context: SecretsContext) {
    this.#context = context;
  }

  /**
   * `POST /tenants/{tenantId}/clients/{clientId}/secrets/`: creates a secret for the client. `startTime` and
   * `expiration` take a `Date` or an ISO-8601 string and are sent as RFC 3339 date-times. The expiration must fall 1
   * day to 3 years after the start (`startTime`, else now); left out, it is not sent and the API sets it to 6 months
   * after the secret's creation. The answer's `value` is readable as `secret.value` but kept out of logs, JSON and
   * errors; the API never shows it again, so store it right away.
   *
   * @example
   * const secret = await admin.secrets.create("invoice-robot", { description: "CI", expiration: new Date(Date.now() + 90 * 24 * 60 * 60 * 1000) });
   * await vault.put("vantage/invoice-robot", secret.value);
   */
  async create(clientId: string, options?: SecretOptions, callOptions?: CallOptions): Promise<CreatedClientSecret> {
    const { call, tenantId, createSecret } = this.#context;
    checkCallOptions(callOptions, "callOptions");
    return call(createSecret, { path: { tenantId, clientId }, body: secretBody(options) }, callOptions);
  }
}
