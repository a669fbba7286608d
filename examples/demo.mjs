// @ts-check
// The grantkit demo: both clients against Prism mocks started from openapi/. No account and no network needed.
// Prism answers from the specs' examples and validates every request, so what it shows is what the spec allows.
import { createAdminClient } from "@grantkit/admin-client";
import { createManagementClient, InvalidRequestError } from "@grantkit/client";
import { startPrism } from "@grantkit/tools/prism";

const say = (line = "") => console.log(line);
/** @type {import("@grantkit/tools/prism").PrismMock[]} */
const mocks = [];
/** @type {Promise<unknown> | undefined} */
let stopping;

/** Stops the mocks once, whether the demo ends, fails or is interrupted. */
function stopMocks() {
  stopping ??= Promise.all(mocks.map((mock) => mock.stop()));
  return stopping;
}
// The exit codes a shell gives a process ended by these signals (128 + the signal's number).
for (const [signal, code] of /** @type {const} */ ([["SIGINT", 130], ["SIGTERM", 143]])) {
  process.once(signal, async () => {
    say(`\n${signal}: stopping the Prism mocks`);
    await stopMocks();
    process.exit(code);
  });
}

/**
 * A progress line that rewrites itself on a terminal, and prints one line per page elsewhere.
 * @param {import("@grantkit/client").PageProgress} progress
 */
function progress({ page, fetched, total }) {
  const line = `  walking: page ${page}, ${fetched} grants${total === undefined ? "" : ` of ${total}`}`;
  if (process.stdout.isTTY) process.stdout.write(`\r${line}`);
  else say(line);
}

/**
 * Prism answers with the spec's example, not with what was sent. When a field of the answer differs from the one
 * asked for, this says so, so that the example is not taken for the server's take on the request.
 * @param {Record<string, unknown>} asked
 * @param {object} answer
 */
function echoNote(asked, answer) {
  const got = /** @type {Record<string, unknown>} */ (answer);
  /** @param {unknown} mine @param {unknown} theirs */
  const same = (mine, theirs) =>
    mine instanceof Date
      ? typeof theirs === "string" && Date.parse(theirs) === mine.getTime()
      : JSON.stringify(mine) === JSON.stringify(theirs);
  const differ = Object.keys(asked).filter((key) => !same(asked[key], got[key]));
  return differ.length === 0 ? "" : `\n    (the mock answered with its spec example, not the ${differ.join(" and ")} asked for)`;
}

/** @param {string} url */
async function clientGrants(url) {
  say("Auth0 Management API: client grants");
  const auth0 = createManagementClient({ baseUrl: url, token: "demo-management-token" });

  const ids = [];
  for await (const grant of auth0.clientGrants.all({ per_page: 2 }, { onPage: progress })) ids.push(grant.id);
  if (process.stdout.isTTY) process.stdout.write("\n");
  say(`  listed ${ids.length} grants across every page (the mock serves its example page each time)`);

  const grant = {
    client_id: "4Yf3vHvIkyUEoR1HXpVr0cFfaM8sFMPo",
    audience: "https://billing.example.com/",
    scope: ["read:invoices", "write:invoices"],
  };
  const created = await auth0.clientGrants.create(grant);
  say(`  created ${created.id} for ${created.audience} with scopes ${created.scope?.join(", ")}${echoNote(grant, created)}`);

  const changes = { scope: ["read:invoices"], organization_usage: null };
  const updated = await auth0.clientGrants.update(created.id, changes);
  say(`  updated ${updated.id}: asked for scope read:invoices and organization_usage cleared with null${echoNote(changes, updated)}`);

  // ensure looks the grant up by client and audience, compares scopes as a set, and writes only what differs.
  const ensured = await auth0.clientGrants.ensure({ ...grant, scope: ["write:invoices", "read:invoices"] });
  say(`  ensure: ${ensured.action} ${ensured.grant.id} (found by client and audience, scopes compared as a set)`);

  await auth0.clientGrants.delete(created.id);
  say(`  deleted ${created.id}`);

  try {
    // @ts-expect-error The typo is the point: TypeScript catches it, and so does the client for JavaScript callers.
    await auth0.clientGrants.create({ audience: "https://billing.example.com/", scopes: ["read:invoices"] });
  } catch (error) {
    if (!(error instanceof InvalidRequestError)) throw error;
    say(`  a typo ("scopes") is refused before anything is sent: ${error.message.split(";")[0]}`);
  }
}

/** @param {string} url */
async function tenantClients(url) {
  say("ABBYY Vantage admin API: tenant clients and secrets");
  const admin = createAdminClient({
    tenantId: "8f1f5d3a-2c4b-4e4f-9a37-6f0c8c2b7d15",
    baseUrl: url,
    tokenUrl: `${url}/auth2/connect/token`,
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
  say(`  provisioned client ${client.clientId} ("${client.clientName}")${echoNote({ clientId: body.clientId, clientName: body.clientName }, client)}`);
  // The value is shown once by the API: store it in a vault, never in a log.
  say(
    `  its first secret ${secret.valueDisplay}… (${secret.value.length} characters, shown once) expires ${secret.expiration}` +
      echoNote(secretOptions, secret),
  );
}

try {
  say("Starting Prism mocks from openapi/management.yaml and openapi/admin.yaml…");
  // Wait for both starts to settle, so that a mock that did start is stopped even when the other failed.
  const started = await Promise.allSettled([startPrism("management"), startPrism("admin")]);
  for (const result of started) if (result.status === "fulfilled") mocks.push(result.value);
  const failed = started.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
  const [management, admin] = /** @type {[import("@grantkit/tools/prism").PrismMock, import("@grantkit/tools/prism").PrismMock]} */ (mocks);
  say(`  management mock at ${management.url}, admin mock at ${admin.url}\n`);
  await clientGrants(management.url);
  say();
  await tenantClients(admin.url);
  say("\nDone.");
} catch (error) {
  process.exitCode = 1;
  console.error(`Demo failed: ${error instanceof Error ? error.message : error}`);
} finally {
  await stopMocks();
}
