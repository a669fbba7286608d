// The contract, both ways: the fake tenant (@grantkit/testing, as a server) behind Prism's validation proxy over
// openapi/management.yaml and openapi/admin.yaml, and every operation of both clients sent through it, with its
// success and its documented errors. Prism judges each request the clients send and each answer the fake gives;
// a single violation of either spec, of any severity, fails the test it came from.
import { createManagementClient } from "@grantkit/client";
import { startFakeServer, type FakeServer } from "@grantkit/testing/server";
import { startPrismProxy, type PrismMock } from "@grantkit/tools/prism";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAdminClient } from "../src/index.js";
import { scopes } from "./support/server.js";
import { startTokenRootForwarder } from "./support/token-root-forwarder.js";

const TOKEN = "contract-token";
const TENANT = "8f1f5d3a-2c4b-4e4f-9a37-6f0c8c2b7d15";
const OTHER_TENANT = "0c5b8e2e-6f0b-4a8e-b1c7-3d2f9a4e6b10";
const ROBOT = "robot";
const BILLING = "https://billing.example.com/";
const REPORTS = "https://reports.example.com/";
const GRANT = "cgr_4pI9a42haOLLWnwq";
const SYSTEM_GRANT = "cgr_SystemGrant000001";
const ORGANIZATION = "org_W3fQ8nTzxRk2Lp0a";
const deployer = { clientId: "deployer", clientSecret: "deployer-secret" };
const reader = { clientId: "reader", clientSecret: "reader-secret" };
const provisioner = { clientId: "provisioner", clientSecret: "provisioner-secret" };

const SEED = {
  management: {
    clients: [
      { client_id: ROBOT, name: "Invoice robot", app_type: "non_interactive" as const },
      { client_id: "portal", name: "Portal", app_type: "spa" as const },
    ],
    resourceServers: [
      { id: "rs_billing", identifier: BILLING, name: "Billing", scopes: [{ value: "read:invoices", description: "Read invoices" }] },
      { id: "rs_reports", identifier: REPORTS, name: "Reports" },
    ],
    organizations: [{ id: ORGANIZATION, name: "acme", display_name: "Acme" }],
    clientGrants: [
      { id: GRANT, client_id: ROBOT, audience: BILLING, scope: ["read:invoices"], is_system: false },
      { id: SYSTEM_GRANT, client_id: "portal", audience: BILLING, scope: [], is_system: true },
    ],
    organizationGrants: [{ organization_id: ORGANIZATION, grant_id: GRANT }],
    credentials: [
      {
        client_id: deployer.clientId,
        client_secret: deployer.clientSecret,
        scope: [
          "read:client_grants",
          "create:client_grants",
          "update:client_grants",
          "delete:client_grants",
          "read:organization_client_grants",
          "create:organization_client_grants",
          "delete:organization_client_grants",
          "read:clients",
          "read:resource_servers",
          "read:organizations",
        ],
      },
      { client_id: reader.clientId, client_secret: reader.clientSecret, scope: ["read:client_grants"] },
    ],
  },
  admin: {
    tenants: [{ id: TENANT, name: "Acme" }, { id: OTHER_TENANT }],
    clients: [{ tenantId: TENANT, clientId: "invoice-robot", clientName: "Invoice robot", allowedScopes: scopes }],
    credentials: [{ client_id: provisioner.clientId, client_secret: provisioner.clientSecret, tenantId: TENANT }],
  },
};

let server: FakeServer;
let forwarder: Awaited<ReturnType<typeof startTokenRootForwarder>>;
let management: PrismMock;
let admin: PrismMock;
/** What Prism found wrong, request by request: its `sl-violations` header, or its own error answer. */
const violations: string[] = [];

/** `fetch`, noting every violation Prism reports in an answer. */
const judged: typeof fetch = async (input, init) => {
  const answer = await fetch(input, init);
  const line = `${init?.method ?? "GET"} ${String(input)} ${answer.status}`;
  const header = answer.headers.get("sl-violations");
  if (header) violations.push(`${line}: ${header}`);
  const body = await answer.clone().text();
  // Prism's own answers (a 422 for a request that breaks the spec, a 404 for a path it has not) name its errors page.
  if (body.includes("stoplight.io/prism/errors")) violations.push(`${line}: ${body}`);
  return answer;
};

beforeAll(async () => {
  server = await startFakeServer({ seed: SEED, token: TOKEN, randomSeed: 20 });
  const origin = new URL(server.managementUrl).origin;
  forwarder = await startTokenRootForwarder(origin);
  [management, admin] = await Promise.all([
    startPrismProxy("management", `${forwarder.url}${new URL(server.managementUrl).pathname}`),
    startPrismProxy("admin", `${forwarder.url}${new URL(server.adminUrl).pathname}`),
  ]);
}, 90_000);

afterAll(async () => {
  await Promise.all([management?.stop(), admin?.stop()]);
  await forwarder?.close();
  await server?.close();
});

afterEach(() => {
  expect(violations.splice(0), "violations of the specs, as Prism reports them").toEqual([]);
  server.fake.clearFaults();
});

const transport = { retry: false as const, fetch: judged };
/** The Management API through Prism: with the fixed token, or with client credentials exchanged at `/oauth/token`. */
const managementClient = (credentials?: { clientId: string; clientSecret: string }) =>
  createManagementClient({
    baseUrl: management.url,
    ...(credentials
      ? { tokenUrl: `${management.url}/oauth/token`, clientCredentials: { ...credentials, audience: `${server.managementUrl}/` } }
      : { token: TOKEN }),
    ...transport,
  });
const adminClient = (options: { tenantId?: string; token?: string } = {}) =>
  createAdminClient({
    baseUrl: admin.url,
    tenantId: options.tenantId ?? TENANT,
    ...(options.token ? { token: options.token } : { tokenUrl: `${admin.url}/auth2/connect/token`, clientCredentials: provisioner }),
    ...transport,
  });

describe("the fake tenant behind Prism's validation proxy: no violation of the specs either way", () => {
  it("client grants: every list shape, a page, a walk by page numbers and by checkpoints", async () => {
    const grants = managementClient(deployer).clientGrants;
    expect((await grants.list()).map((grant) => grant.id)).toEqual([GRANT, SYSTEM_GRANT]);
    expect(await grants.list({ include_totals: true, per_page: 1, audience: BILLING })).toMatchObject({ total: 2, start: 0, limit: 1 });
    expect((await grants.list({ take: 1 })) as unknown).toMatchObject({ next: expect.any(String) });
    expect((await grants.listPage({ per_page: 1, include_totals: true })).total).toBe(2);
    const walked: string[] = [];
    for await (const grant of grants.all({ per_page: 1 })) walked.push(grant.id);
    for await (const grant of grants.all({ take: 1 })) walked.push(grant.id);
    expect(walked).toEqual([GRANT, SYSTEM_GRANT, GRANT, SYSTEM_GRANT]);
  });

  it("client grants: create, get, update and delete, and their documented errors", async () => {
    const grants = managementClient(deployer).clientGrants;
    const created = await grants.create({ client_id: ROBOT, audience: REPORTS, scope: ["read:reports"] });
    await expect(grants.create({ client_id: ROBOT, audience: REPORTS })).rejects.toMatchObject({ status: 409 });
    await expect(grants.create({ client_id: "nobody", audience: REPORTS })).rejects.toMatchObject({ status: 404 });
    expect((await grants.get(created.id)).audience).toBe(REPORTS);
    expect((await grants.update(created.id, { scope: ["read:reports", "write:reports"] })).scope).toEqual(["read:reports", "write:reports"]);
    await expect(grants.update(SYSTEM_GRANT, { scope: ["x"] })).rejects.toMatchObject({ status: 403 });
    await expect(grants.update("cgr_missing00000000", { scope: ["x"] })).rejects.toMatchObject({ status: 404 });
    await expect(grants.delete(SYSTEM_GRANT)).rejects.toMatchObject({ status: 403 });
    await grants.delete(created.id);
    await expect(grants.get(created.id)).rejects.toMatchObject({ status: 404 });
    await expect(grants.list({ from: "not-a-checkpoint" })).rejects.toMatchObject({ status: 400 });
  });

  it("client grants and organizations: listings both ways, assign and remove, and their documented errors", async () => {
    const grants = managementClient(deployer).clientGrants;
    expect((await grants.organizations(GRANT)).map((organization) => organization.id)).toEqual([ORGANIZATION]);
    expect((await grants.organizationsPage(GRANT, { include_totals: true })).total).toBe(1);
    const walked: string[] = [];
    for await (const organization of grants.allOrganizations(GRANT, { take: 1 })) walked.push(organization.id);
    expect(walked).toEqual([ORGANIZATION]);
    await expect(grants.organizations("cgr_missing00000000")).rejects.toMatchObject({ status: 404 });
    expect((await grants.listForOrganization(ORGANIZATION)).map((grant) => grant.id)).toEqual([GRANT]);
    expect((await grants.assignToOrganization(ORGANIZATION, SYSTEM_GRANT)).id).toBe(SYSTEM_GRANT);
    await expect(grants.assignToOrganization(ORGANIZATION, SYSTEM_GRANT)).rejects.toMatchObject({ status: 409 });
    await expect(grants.assignToOrganization(ORGANIZATION, "cgr_missing00000000")).rejects.toMatchObject({ status: 404 });
    await grants.removeFromOrganization(ORGANIZATION, SYSTEM_GRANT);
    await expect(grants.removeFromOrganization("org_missing", GRANT)).rejects.toMatchObject({ status: 404 });
  });

  it("the lookups: clients, resource servers, an organization", async () => {
    const client = managementClient(deployer);
    expect((await client.clients.list({ app_type: "non_interactive" })).map((each) => each.client_id)).toEqual([ROBOT]);
    const clients: unknown[] = [];
    for await (const each of client.clients.all({ take: 1 })) clients.push(each);
    expect(clients).toHaveLength(2);
    expect(await client.resourceServers.list({ include_totals: true })).toMatchObject({ total: 2 });
    const apis: unknown[] = [];
    for await (const each of client.resourceServers.all({ per_page: 1 })) apis.push(each);
    expect(apis).toHaveLength(2);
    expect((await client.organizations.get(ORGANIZATION)).name).toBe("acme");
    await expect(client.organizations.get("org_missing")).rejects.toMatchObject({ status: 404 });
  });

  it("the Management API's tokens and limits: 401 for a wrong secret or an unknown bearer, 403 for a missing scope, 429", async () => {
    await expect(managementClient({ ...deployer, clientSecret: "wrong" }).clientGrants.list()).rejects.toMatchObject({ status: 401 });
    await expect(createManagementClient({ baseUrl: management.url, token: "unknown", ...transport }).clientGrants.list()).rejects.toMatchObject({
      status: 401,
    });
    await expect(managementClient(reader).clientGrants.create({ client_id: ROBOT, audience: BILLING })).rejects.toMatchObject({ status: 403 });
    server.fake.setFaults([{ route: "GET /client-grants", kind: "status", status: 429 }]);
    await expect(managementClient().clientGrants.list()).rejects.toMatchObject({ status: 429 });
  });

  it("Vantage: a client, a secret, both at once, and their documented errors", async () => {
    const vantage = adminClient();
    const created = await vantage.clients.create({ clientId: "report-robot", clientName: "Report robot", allowedScopes: scopes });
    expect(created.clientId).toBe("report-robot");
    await expect(vantage.clients.create({ clientId: "report-robot", clientName: "Again", allowedScopes: scopes })).rejects.toMatchObject({ status: 400 });
    expect((await vantage.secrets.create("invoice-robot", { description: "CI" })).valueDisplay).toHaveLength(3);
    await expect(vantage.secrets.create("nobody")).rejects.toMatchObject({ status: 404 });
    const provisioned = await vantage.provisionClient({ clientId: "deploy-robot", clientName: "Deploy robot", allowedScopes: scopes }, { description: "first" });
    expect(provisioned.client.clientId).toBe("deploy-robot");
  });

  it("Vantage's tokens: 400 for a wrong secret, 401 for an unknown bearer, 403 for another tenant", async () => {
    const wrongSecret = createAdminClient({
      baseUrl: admin.url,
      tenantId: TENANT,
      tokenUrl: `${admin.url}/auth2/connect/token`,
      clientCredentials: { ...provisioner, clientSecret: "wrong" },
      ...transport,
    });
    await expect(wrongSecret.secrets.create("invoice-robot")).rejects.toMatchObject({ status: 400 });
    await expect(adminClient({ token: "unknown" }).secrets.create("invoice-robot")).rejects.toMatchObject({ status: 401 });
    await expect(adminClient({ tenantId: OTHER_TENANT }).secrets.create("invoice-robot")).rejects.toMatchObject({ status: 403 });
  });
});
