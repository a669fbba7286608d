import { describe, expect, it } from "vitest";
import type { Plan } from "../src/index.js";
import { BILLING, fakeTenant, grantkit, INVOICE_ROBOT, lines, REPORTS, REPORTS_ROBOT, SEED } from "./support/tenant.js";

const WRITES = new Set(["POST", "PATCH", "DELETE", "PUT"]);
const grantEntry = (...fields: string[]) => [`  - client: Invoice robot`, `    audience: ${BILLING}`, ...fields.map((field) => `    ${field}`)];
const grantsFile = (...entries: string[][]) => ({ "grants.yaml": lines("grants:", ...entries.flat()) });

/** A tenant holding `grants` besides the seed. */
function tenantWith(...grants: object[]) {
  return fakeTenant({ management: { ...SEED.management, clientGrants: grants as never } });
}
const billingGrant = { id: "cgr_billing0000000001", client_id: INVOICE_ROBOT, audience: BILLING, scope: ["write:invoices", "read:invoices"], organization_usage: "allow" };

describe("grantkit plan", () => {
  it("plans a grant the tenant lacks as a create, in JSON with its key, before and after, and changes nothing", async () => {
    const fake = tenantWith();
    const run = await grantkit(fake, ["plan", "-f", "grants.yaml", "--json"], grantsFile(grantEntry("scope: [read:invoices]")));
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout) as Plan;
    expect(plan.changes).toEqual([
      {
        action: "create",
        key: { client_id: INVOICE_ROBOT, client_name: "Invoice robot", audience: BILLING, subject_type: "client" },
        before: null,
        after: { scope: ["read:invoices"] },
      },
    ]);
    expect(plan.summary).toEqual({ create: 1, update: 0, delete: 0, assign: 0, unassign: 0 });
    expect(fake.requests.filter((request) => WRITES.has(request.method))).toEqual([]);
  });

  it("exits 2 with --detailed-exitcode when there are changes, 0 when there are none", async () => {
    const fake = tenantWith(billingGrant);
    expect((await grantkit(fake, ["plan", "-f", "grants.yaml", "--detailed-exitcode"], grantsFile(grantEntry("scope: [read:invoices]")))).code).toBe(2);
    expect((await grantkit(fake, ["plan", "-f", "grants.yaml", "--detailed-exitcode"], grantsFile(grantEntry("scope: [read:invoices, write:invoices]")))).code).toBe(0);
    expect((await grantkit(fake, ["plan", "-f", "grants.yaml"], grantsFile(grantEntry("scope: [read:invoices]")))).code).toBe(0);
  });

  it("compares scopes as a set: another order and repeats are no change", async () => {
    const run = await grantkit(tenantWith(billingGrant), ["plan", "-f", "grants.yaml"], grantsFile(grantEntry("scope: [read:invoices, write:invoices, read:invoices]")));
    expect(run.stdout).toBe("No changes: the tenant's grants match grants.yaml.\n");
  });

  it("shows an update field by field, and leaves the fields the file leaves out", async () => {
    const run = await grantkit(tenantWith(billingGrant), ["plan", "-f", "grants.yaml", "--json"], grantsFile(grantEntry("scope: [read:invoices]", "allow_any_organization: true")));
    const [change] = (JSON.parse(run.stdout) as Plan).changes;
    expect(change).toMatchObject({
      action: "update",
      id: billingGrant.id,
      before: { scope: ["write:invoices", "read:invoices"], allow_any_organization: null },
      after: { scope: ["read:invoices"], allow_any_organization: true },
    });
    expect(change!.after).not.toHaveProperty("organization_usage");
  });

  it("tells grants apart by subject_type and default_for: neither is matched to a client grant", async () => {
    const userGrant = { ...billingGrant, id: "cgr_user0000000000001", subject_type: "user" };
    const byDefault = { id: "cgr_default00000000001", default_for: "third_party_clients", audience: BILLING, scope: ["read:invoices"] };
    const fake = tenantWith(userGrant, byDefault);
    const file = grantsFile(grantEntry("scope: [read:invoices]"), ["  - default_for: third_party_clients", `    audience: ${BILLING}`, "    scope: [read:invoices]"]);
    const plan = JSON.parse((await grantkit(fake, ["plan", "-f", "grants.yaml", "--json"], file)).stdout) as Plan;
    expect(plan.changes.map((change) => [change.action, change.key.subject_type, change.key.client_id ?? change.key.default_for])).toEqual([["create", "client", INVOICE_ROBOT]]);
    const pruned = JSON.parse((await grantkit(fake, ["plan", "-f", "grants.yaml", "--json", "--prune"], file)).stdout) as Plan;
    expect(pruned.changes.map((change) => [change.action, change.id])).toEqual([["create", undefined], ["delete", userGrant.id]]);
  });

  it("deletes only with --prune, and never a system grant", async () => {
    const system = { id: "cgr_system00000000001", client_id: REPORTS_ROBOT, audience: REPORTS, scope: [], is_system: true };
    const other = { id: "cgr_other000000000001", client_id: REPORTS_ROBOT, audience: REPORTS, subject_type: "user", scope: [] };
    const fake = tenantWith(billingGrant, system, other);
    const file = grantsFile(grantEntry("scope: [read:invoices, write:invoices]"));
    expect((await grantkit(fake, ["plan", "-f", "grants.yaml", "--detailed-exitcode"], file)).code).toBe(0);
    const plan = JSON.parse((await grantkit(fake, ["plan", "-f", "grants.yaml", "--prune", "--json"], file)).stdout) as Plan;
    expect(plan.changes.map((change) => [change.action, change.id])).toEqual([["delete", other.id]]);
  });

  it("never prunes the grants of the client it runs as (AUTH0_CLIENT_ID), so that it keeps its own access", async () => {
    const own = { id: "cgr_own00000000000001", client_id: REPORTS_ROBOT, audience: REPORTS, scope: [] };
    const fake = fakeTenant({
      management: { ...SEED.management, clientGrants: [billingGrant, own] as never, credentials: [{ client_id: REPORTS_ROBOT, client_secret: "reports-robot-secret", scope: ["read:client_grants", "read:clients", "read:resource_servers"] }] },
    });
    const env = { AUTH0_ACCESS_TOKEN: "", AUTH0_CLIENT_ID: REPORTS_ROBOT, AUTH0_CLIENT_SECRET: "reports-robot-secret" };
    const run = await grantkit(fake, ["plan", "-f", "grants.yaml", "--prune", "--json", "--token-url", fake.managementTokenUrl], { "grants.yaml": "grants: []\n" }, env);
    expect(run.stderr).toBe("");
    expect((JSON.parse(run.stdout) as Plan).changes.map((change) => [change.action, change.id])).toEqual([["delete", billingGrant.id]]);
  });

  it("refuses an entry that matches a system grant, saying so", async () => {
    const system = { id: "cgr_system00000000001", client_id: INVOICE_ROBOT, audience: BILLING, scope: [], is_system: true };
    const run = await grantkit(tenantWith(system), ["plan", "-f", "grants.yaml"], grantsFile(grantEntry("scope: []")));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/grants\.yaml:2:5: this is the system grant cgr_system00000000001, which Auth0 manages: it is never changed/);
  });

  it("checks the file against the tenant first, every problem at its line, and sends no write", async () => {
    const fake = tenantWith();
    const file = grantsFile(
      ["  - client: Nobody", `    audience: ${BILLING}`, "    scope: []"],
      ["  - client: Twin", `    audience: ${BILLING}`, "    scope: []"],
      ["  - client_id: cli_missing", `    audience: ${BILLING}`, "    scope: []"],
      ["  - client: Invoice robot", "    audience: https://gone.example.com/", "    scope: []"],
      ["  - client: Invoice robot", `    audience: ${BILLING}`, "    scope: [read:invoices, delete:everything]", "    organizations: [org_missing]"],
    );
    const run = await grantkit(fake, ["plan", "-f", "grants.yaml"], file);
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n").slice(1, -1)).toEqual([
      '  grants.yaml:2:5: no client is named "Nobody"',
      '  grants.yaml:5:5: 2 clients are named "Twin": name this one by client_id (cli_twin_a_00000000000000000000, cli_twin_b_00000000000000000000)',
      '  grants.yaml:8:5: no client has the client_id "cli_missing"',
      '  grants.yaml:11:5: no API has the identifier "https://gone.example.com/" (the audience must be an API\'s identifier)',
      `  grants.yaml:14:5: the API "${BILLING}" defines no scope "delete:everything"`,
      '  grants.yaml:14:5: no organization has the ID "org_missing"',
    ]);
    expect(fake.requests.filter((request) => WRITES.has(request.method))).toEqual([]);
  });

  it("finds the same grant named twice, once by name and once by client_id", async () => {
    const file = grantsFile(grantEntry("scope: []"), [`  - client_id: ${INVOICE_ROBOT}`, `    audience: ${BILLING}`, "    scope: []"]);
    const run = await grantkit(tenantWith(), ["plan", "-f", "grants.yaml"], file);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/grants\.yaml:5:5: the same grant as the one at line 2/);
  });

  it("refuses a file that breaks the schema with its line and column, before anything is sent", async () => {
    const fake = tenantWith();
    const run = await grantkit(fake, ["plan", "-f", "grants.yaml"], grantsFile(grantEntry("scopes: [read:invoices]")));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('grants.yaml:4:5: grants[0] has an unknown field "scopes"');
    expect(fake.requests).toEqual([]);
  });

  it("plans organizations as assign and unassign changes, only when the file lists them", async () => {
    const fake = fakeTenant({
      management: { ...SEED.management, clientGrants: [billingGrant as never], organizationGrants: [{ organization_id: "org_acme000000000001", grant_id: billingGrant.id }] },
    });
    const listed = grantsFile(grantEntry("scope: [read:invoices, write:invoices]", "organizations: [org_globex0000000001]"));
    const plan = JSON.parse((await grantkit(fake, ["plan", "-f", "grants.yaml", "--json"], listed)).stdout) as Plan;
    expect(plan.changes.map((change) => [change.action, change.organization_id])).toEqual([["assign", "org_globex0000000001"], ["unassign", "org_acme000000000001"]]);
    const unlisted = grantsFile(grantEntry("scope: [read:invoices, write:invoices]"));
    expect((await grantkit(fake, ["plan", "-f", "grants.yaml", "--detailed-exitcode"], unlisted)).code).toBe(0);
  });

  it("saves the plan with -o, as --json prints it", async () => {
    const files = grantsFile(grantEntry("scope: [read:invoices]"));
    const run = await grantkit(tenantWith(), ["plan", "-f", "grants.yaml", "-o", "plan.json", "--json"], files);
    expect(JSON.parse((files as Record<string, string>)["plan.json"]!)).toEqual(JSON.parse(run.stdout));
  });
});

describe("a large tenant", () => {
  it("reads the grants in pages of 100, the most the API serves", async () => {
    const grants = Array.from({ length: 1_000 }, (_, i) => ({ id: `cgr_bulk${String(i).padStart(12, "0")}`, client_id: `cli_gone_${i}`, audience: REPORTS, scope: [] }));
    const fake = tenantWith(...grants);
    const run = await grantkit(fake, ["plan", "-f", "grants.yaml", "--detailed-exitcode"], grantsFile(grantEntry("scope: []")));
    expect(run.code).toBe(2);
    expect(fake.requests.filter((request) => request.method === "GET" && request.path.endsWith("/client-grants"))).toHaveLength(10);
  });
});
