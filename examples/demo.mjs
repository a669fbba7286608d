// @ts-check
// The grantkit demo: both clients against @grantkit/testing's fake tenant, started here as a local server (server
// mode, on a free port). No account and no network. The fake keeps state as the vendors document it, so what is
// created is listed next, an update is seen by the next get, and a deleted grant is gone.
import { AdminApiError, createAdminClient } from "@grantkit/admin-client";
import { createManagementClient, InvalidRequestError, ManagementApiError } from "@grantkit/client";
import { startFakeServer } from "@grantkit/testing/server";

const say = (line = "") => console.log(line);
const TENANT = "8f1f5d3a-2c4b-4e4f-9a37-6f0c8c2b7d15";
const ROBOT = "4Yf3vHvIkyUEoR1HXpVr0cFfaM8sFMPo";
const AUDIENCE = "https://billing.example.com/";

/**
 * What the fake tenant holds at the start: clients, an API with its scopes, five grants, and who may get a token.
 * @type {import("@grantkit/testing").FakeSeed}
 */
const SEED = {
  management: {
    clients: [
      { client_id: ROBOT, name: "Invoice robot", app_type: "non_interactive" },
      ...Array.from({ length: 5 }, (_, i) => ({ client_id: `reporting-${i}`, name: `Reporting job ${i}`, app_type: /** @type {const} */ ("non_interactive") })),
    ],
    resourceServers: [
      {
        id: "rs_billing",
        identifier: AUDIENCE,
        name: "Billing",
        scopes: [
          { value: "read:invoices", description: "Read invoices" },
          { value: "write:invoices", description: "Write invoices" },
        ],
      },
    ],
    clientGrants: Array.from({ length: 5 }, (_, i) => ({
      id: `cgr_demo000000000${i}`,
      client_id: `reporting-${i}`,
      audience: AUDIENCE,
      scope: ["read:invoices"],
    })),
    credentials: [
      {
        client_id: "deployer",
        client_secret: "demo-deployer-secret",
        scope: ["read:client_grants", "create:client_grants", "update:client_grants", "delete:client_grants"],
      },
    ],
  },
  admin: {
    tenants: [{ id: TENANT, name: "Acme" }],
    credentials: [{ client_id: "provisioning-robot", client_secret: "demo-provisioning-secret", tenantId: TENANT }],
  },
};

/**
 * A progress line that rewrites itself on a terminal, and prints one line per page elsewhere.
 * @param {import("@grantkit/client").PageProgress} progress
 */
function progress({ page, fetched, total }) {
  const line = `  walking: page ${page}, ${fetched} grants${total === undefined ? "" : ` of ${total}`}`;
  if (process.stdout.isTTY) process.stdout.write(`\r${line}`);
  else say(line);
}

/** @param {{ managementUrl: string, managementTokenUrl: string }} urls */
async function clientGrants({ managementUrl, managementTokenUrl }) {
  say("Auth0 Management API: client grants");
  const auth0 = createManagementClient({
    baseUrl: managementUrl,
    tokenUrl: managementTokenUrl,
    clientCredentials: { clientId: "deployer", clientSecret: "demo-deployer-secret" },
  });
  const walk = async () => {
    const ids = [];
    for await (const grant of auth0.clientGrants.all({ per_page: 2 }, { onPage: progress })) ids.push(grant.id);
    if (process.stdout.isTTY) process.stdout.write("\n");
    return ids;
  };
  say(`  listed ${(await walk()).length} grants, 2 a page`);

  const grant = { client_id: ROBOT, audience: AUDIENCE, scope: ["read:invoices", "write:invoices"] };
  const created = await auth0.clientGrants.create(grant);
  say(`  created ${created.id} for ${created.audience} with scopes ${created.scope?.join(", ")}`);
  const listed = await walk();
  say(`  the next walk lists ${listed.length} grants, ${created.id} among them: ${listed.includes(created.id)}`);

  await auth0.clientGrants.update(created.id, { scope: ["read:invoices"] });
  const fetched = await auth0.clientGrants.get(created.id);
  say(`  updated it to read:invoices alone; the next get says ${fetched.scope?.join(", ")}`);

  // ensure looks the grant up by client and audience, compares scopes as a set, and writes only what differs.
  const same = await auth0.clientGrants.ensure({ client_id: ROBOT, audience: AUDIENCE, scope: ["read:invoices", "read:invoices"] });
  say(`  ensure with the same scopes (in another form): ${same.action}`);
  const wider = await auth0.clientGrants.ensure({ client_id: ROBOT, audience: AUDIENCE, scope: ["write:invoices", "read:invoices"] });
  say(`  ensure with write:invoices added: ${wider.action} ${wider.grant.id}`);

  await auth0.clientGrants.delete(created.id);
  const gone = await auth0.clientGrants.get(created.id).catch((/** @type {unknown} */ error) => error);
  say(`  deleted it; the next get is a ${gone instanceof ManagementApiError ? `ManagementApiError ${gone.status}` : "surprise"}`);

  try {
    // @ts-expect-error The typo is the point: TypeScript catches it, and so does the client for JavaScript callers.
    await auth0.clientGrants.create({ audience: AUDIENCE, scopes: ["read:invoices"] });
  } catch (error) {
    if (!(error instanceof InvalidRequestError)) throw error;
    say(`  a typo ("scopes") is refused before anything is sent: ${error.message.split(";")[0]}`);
  }
}

/** @param {{ adminUrl: string, adminTokenUrl: string, fake: import("@grantkit/testing").FakeTenant }} server */
async function tenantClients({ adminUrl, adminTokenUrl, fake }) {
  say("ABBYY Vantage admin API: tenant clients and secrets");
  const admin = createAdminClient({
    tenantId: TENANT,
    baseUrl: adminUrl,
    tokenUrl: adminTokenUrl,
    clientCredentials: { clientId: "provisioning-robot", clientSecret: "demo-provisioning-secret" },
  });
  /** @type {import("@grantkit/admin-client").CreateTenantClientRequest} */
  const body = {
    clientId: "invoice-robot",
    clientName: "Invoice robot",
    allowedGrantTypes: ["client_credentials"],
    allowedScopes: ["openid", "permissions", "publicapi.all"],
  };
  const secretOptions = { description: "first secret", expiration: new Date(Date.now() + 90 * 24 * 3600 * 1000) };
  const { client, secret } = await admin.provisionClient(body, secretOptions);
  say(`  provisioned client ${client.clientId} ("${client.clientName}")`);
  // The value is shown once by the API: store it in a vault, never in a log.
  say(`  its first secret ${secret.valueDisplay}… (${secret.value.length} characters, shown once) expires ${secret.expiration}`);
  const kept = fake.state().admin.secrets.filter((stored) => stored.clientId === client.clientId);
  say(`  the tenant keeps ${kept.length} secret for it, shown from now on only as ${kept.map((stored) => `${stored.valueDisplay}…`).join(", ")}`);
  const again = await admin.clients.create(body).catch((/** @type {unknown} */ error) => error);
  say(`  creating it again: ${again instanceof AdminApiError ? `AdminApiError ${again.status} ${again.error}` : "surprise"}`);
}

say("Starting the fake tenant (@grantkit/testing) on a free local port…");
const server = await startFakeServer({ seed: SEED });
let stopping = false;
// The exit codes a shell gives a process ended by these signals (128 + the signal's number).
for (const [signal, code] of /** @type {const} */ ([["SIGINT", 130], ["SIGTERM", 143]])) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: stopping the fake tenant`);
    server.close().then(
      () => process.exit(code),
      () => process.exit(code),
    );
  });
}
try {
  say(`  Management API at ${server.managementUrl}, admin API at ${server.adminUrl}\n`);
  await clientGrants(server);
  say();
  await tenantClients(server);
  say("\nDone.");
} catch (error) {
  process.exitCode = 1;
  console.error(`Demo failed: ${error instanceof Error ? error.message : error}`);
} finally {
  stopping = true;
  await server.close();
}
