import { checkCallOptions, checkOperationRequest, GrantkitError, nameErrorClass, type CallOptions } from "@grantkit/client/core";
import type { TenantClient, CreateTenantClientRequest } from "@grantkit/types/admin";
import { CREATE_CLIENT } from "./clients.js";
import type { CreatedClientSecret } from "./created-secret.js";
import { secretBody, type SecretOptions } from "./secret-options.js";
import type { SecretsContext } from "./secrets.js";

/** A client and its first secret, as `admin.provisionClient` made them. */
export interface ProvisionedClient {
  client: TenantClient;
  secret: CreatedClientSecret;
}

/**
 * The client was created, but its secret was not: the client now exists without one. `clientId` (and `client`) name
 * it, so the caller can create the secret again (`admin.secrets.create(error.clientId)`) or remove the client;
 * `cause` is the error of the secret step.
 */
export class ProvisioningError extends GrantkitError {
  static {
    nameErrorClass(this, "ProvisioningError");
  }

  /** The id of the client that was created. */
  readonly clientId: string;
  /** The client as the API created it. */
  readonly client: TenantClient;

  constructor(client: TenantClient, clientId: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Client "${clientId}" was created, but creating its secret failed: ${reason}`, { cause });
    this.clientId = clientId;
    this.client = client;
  }
}

/**
 * Creates the client, then its first secret. Both are checked before anything is sent, so a bad argument creates
 * nothing; a failure of the secret step is a {@link ProvisioningError} naming the created client.
 */
export async function provisionClient(
  context: SecretsContext,
  body: CreateTenantClientRequest,
  secretOptions: SecretOptions | undefined,
  callOptions: CallOptions = {},
): Promise<ProvisionedClient> {
  const { call, tenantId, createSecret } = context;
  const clientRequest = { path: { tenantId }, body };
  checkOperationRequest(CREATE_CLIENT, clientRequest);
  const secret = secretBody(secretOptions);
  checkOperationRequest(createSecret, { path: { tenantId, clientId: body.clientId }, body: secret });
  checkCallOptions(callOptions, "callOptions");
  const client = await call(CREATE_CLIENT, clientRequest, callOptions);
  // The id the API answered with is the one that exists; the requested one if the answer left it out.
  const clientId = typeof client?.clientId === "string" && client.clientId !== "" ? client.clientId : body.clientId;
  try {
    return { client, secret: await call(createSecret, { path: { tenantId, clientId }, body: secret }, callOptions) };
  } catch (error) {
    // The error reaches logs whole: its client answer and a cause from outside the transport are redacted too.
    const { redactor } = context;
    const cause = error instanceof GrantkitError ? error : redactor.redactError(error);
    // The id comes from the API's answer, which may echo a credential like any other field.
    throw new ProvisioningError(redactor.redactValue(client) as TenantClient, redactor.redact(clientId), cause);
  }
}
