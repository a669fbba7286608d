import { afterEach, describe, expect, it } from "vitest";
import { ApiError, createAdminClient, GrantkitError, NetworkError, ProvisioningError } from "../src/index.js";
import { caught, createdClient, createdSecret, json, newClient, startServer, type TestServer } from "./support/server.js";

let server: TestServer | undefined;
afterEach(() => server?.close());

// Retries on, with short waits: a secret POST must still not be sent twice after a 5xx or a dropped connection.
const adminFor = (url: string) =>
  createAdminClient({ baseUrl: url, tenantId: "t1", token: "test-token", retry: { limit: 3, baseDelayMs: 1 } });

describe("provisionClient", () => {
  it("creates the client, then its first secret, and returns both", async () => {
    server = await startServer((_req, res, n) => json(res, 200, n === 0 ? createdClient : createdSecret));
    const { client, secret } = await adminFor(server.url).provisionClient(newClient, { description: "CI pipeline", startTime: "2025-01-15T10:00:00Z", expiration: "2025-07-15T10:00:00Z" });
    expect(client).toEqual(createdClient);
    expect(secret.value).toBe(createdSecret.value);
    expect(server.received.map((r) => [r.method, r.url, JSON.parse(r.body)])).toEqual([
      ["POST", "/tenants/t1/clients/", newClient],
      ["POST", "/tenants/t1/clients/invoice-robot/secrets/", { description: "CI pipeline", startTime: "2025-01-15T10:00:00.000Z", expiration: "2025-07-15T10:00:00.000Z" }],
    ]);
  });

  it("names the created client when the secret step fails with 500, without sending the secret POST again", async () => {
    server = await startServer((_req, res, n) =>
      n === 0 ? json(res, 200, createdClient) : json(res, 500, { title: "Internal Server Error", status: 500, detail: "secret store unavailable" }),
    );
    const error = await caught(adminFor(server.url).provisionClient(newClient));
    expect(error).toBeInstanceOf(ProvisioningError);
    expect(error).toBeInstanceOf(GrantkitError);
    expect(error.message).toBe(
      `Client "invoice-robot" was created, but creating its secret failed: POST ${server.url}/tenants/t1/clients/invoice-robot/secrets/ failed with 500 Internal Server Error: secret store unavailable`,
    );
    expect(error).toMatchObject({ name: "ProvisioningError", clientId: "invoice-robot", client: createdClient });
    expect(error.cause).toBeInstanceOf(ApiError);
    expect(error.cause).toMatchObject({ status: 500 });
    expect(server.received.map((r) => r.url)).toEqual(["/tenants/t1/clients/", "/tenants/t1/clients/invoice-robot/secrets/"]);
  });

  it("names the created client when the secret step is refused with 400 problem details, which stay on the cause", async () => {
    const problem = { title: "One or more validation errors occurred.", status: 400, errors: { expiration: ["The expiration must be between 1 day and 3 years after the start time."] } };
    server = await startServer((_req, res, n) => (n === 0 ? json(res, 200, createdClient) : json(res, 400, problem)));
    const error = (await caught(adminFor(server.url).provisionClient(newClient))) as ProvisioningError;
    expect(error).toBeInstanceOf(ProvisioningError);
    expect(error.clientId).toBe("invoice-robot");
    expect(error.message).toMatch(/^Client "invoice-robot" was created, but creating its secret failed: POST .* failed with 400 One or more validation errors occurred\.: expiration: The expiration must be between 1 day and 3 years after the start time\.$/);
    expect(error.cause).toMatchObject({ status: 400, error: "One or more validation errors occurred.", body: problem });
    expect(JSON.parse(JSON.stringify(error))).toEqual({ name: "ProvisioningError", message: error.message, clientId: "invoice-robot", client: createdClient });
  });

  it("names the client the API answered with, which is the one that exists", async () => {
    server = await startServer((_req, res, n) => (n === 0 ? json(res, 200, { ...createdClient, clientId: "invoice-robot-2" }) : json(res, 404, { title: "Not Found", status: 404 })));
    const error = await caught(adminFor(server.url).provisionClient(newClient));
    expect(error).toMatchObject({ clientId: "invoice-robot-2" });
    expect(server.received[1]!.url).toBe("/tenants/t1/clients/invoice-robot-2/secrets/");
  });

  it("does not send the secret POST again after a dropped connection either", async () => {
    server = await startServer((_req, res, n) => (n === 0 ? json(res, 200, createdClient) : res.socket?.destroy()));
    const error = await caught(adminFor(server.url).provisionClient(newClient));
    expect(error).toBeInstanceOf(ProvisioningError);
    expect(error.cause).toBeInstanceOf(NetworkError);
    expect(server.received).toHaveLength(2);
  });

  it("retries the secret POST on 429 (not processed) and then succeeds", async () => {
    server = await startServer((_req, res, n) =>
      n === 0 ? json(res, 200, createdClient) : n === 1 ? json(res, 429, { title: "Too Many Requests", status: 429 }, { "retry-after": "0" }) : json(res, 200, createdSecret),
    );
    const { secret } = await adminFor(server.url).provisionClient(newClient);
    expect(secret.valueDisplay).toBe(createdSecret.valueDisplay);
    expect(server.received).toHaveLength(3);
  });

  it("throws the client step's own error, not a ProvisioningError, when the client was not created", async () => {
    server = await startServer((_req, res) => json(res, 403, { title: "Forbidden", status: 403 }));
    const error = await caught(adminFor(server.url).provisionClient(newClient));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(ProvisioningError);
    expect(error).toMatchObject({ status: 403, error: "Forbidden" });
    expect(server.received).toHaveLength(1);
  });

  it("wraps an abort during the secret step, still naming the client", async () => {
    const controller = new AbortController();
    server = await startServer((_req, res, n) => {
      if (n === 0) {
        json(res, 200, createdClient);
        return;
      }
      controller.abort(new Error("deploy cancelled"));
    });
    const error = await caught(adminFor(server.url).provisionClient(newClient, undefined, { signal: controller.signal }));
    expect(error).toBeInstanceOf(ProvisioningError);
    expect(error.message).toBe('Client "invoice-robot" was created, but creating its secret failed: deploy cancelled');
  });
});
