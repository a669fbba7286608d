import { createManagementClient } from "@grantkit/client";
import type { FakeTenant } from "@grantkit/testing";
import { describe, expect, it } from "vitest";
import { applyPlan, planGrants, readGrantsFile } from "../src/index.js";
import { BILLING, fakeTenant, grantkit, INVOICE_ROBOT, lines, REPORTS, REPORTS_ROBOT, SEED, TOKEN } from "./support/tenant.js";

const WRITES = new Set(["POST", "PATCH", "DELETE", "PUT"]);
const writesOf = (fake: FakeTenant) => fake.requests.filter((request) => WRITES.has(request.method));
const FILE = lines(
  "grants:",
  "  - client: Invoice robot",
  `    audience: ${BILLING}`,
  "    scope: [read:invoices, write:invoices]",
  "    organizations: [org_acme000000000001]",
  "  - client: Reports robot",
  `    audience: ${REPORTS}`,
  "    scope: [read:reports]",
  "  - client: Reports robot",
  `    audience: ${REPORTS}`,
  "    subject_type: user",
  "    scope: []",
);

/** Each grant's key, to show that no grant was made twice. */
function grantKeys(fake: FakeTenant): string[] {
  return fake.state().management.clientGrants.map((grant) => `${grant.client_id} ${grant.audience} ${grant.subject_type ?? "client"}`).sort();
}

async function settled(fake: FakeTenant, files: Record<string, string>) {
  const plan = await grantkit(fake, ["plan", "-f", "grants.yaml", "--detailed-exitcode"], files);
  expect(plan.stderr).toBe("");
  expect(plan.code).toBe(0);
  expect(grantKeys(fake)).toEqual([...new Set(grantKeys(fake))]);
}

describe("grantkit apply", () => {
  it("makes the file's changes, and a second apply sends no write", async () => {
    const fake = fakeTenant();
    const files = { "grants.yaml": FILE };
    const first = await grantkit(fake, ["apply", "-f", "grants.yaml", "--yes"], files);
    expect(first.code).toBe(0);
    // The plan first, so that a CI log says what changed, then what was done.
    expect(first.stdout).toMatch(/^\+ create client "Invoice robot" .*\n[\s\S]*\nPlan: 3 to create, 0 to update, 0 to delete, 1 to assign, 0 to unassign\.\nApplied 4 changes: 3 created, 1 assigned\.\n$/);
    expect(fake.state().management.organizationGrants).toHaveLength(1);
    await settled(fake, files);
    const writes = writesOf(fake).length;
    const second = await grantkit(fake, ["apply", "-f", "grants.yaml", "--yes"], files);
    expect(second.code).toBe(0);
    expect(writesOf(fake)).toHaveLength(writes);
  });

  it("refuses without --yes where there is no terminal to ask on, and changes nothing", async () => {
    const fake = fakeTenant();
    const run = await grantkit(fake, ["apply", "-f", "grants.yaml"], { "grants.yaml": FILE });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/pass --yes/);
    expect(writesOf(fake)).toEqual([]);
  });

  it("applies a saved plan, and --json reports each change made", async () => {
    const fake = fakeTenant();
    const files: Record<string, string> = { "grants.yaml": FILE };
    await grantkit(fake, ["plan", "-f", "grants.yaml", "-o", "plan.json"], files);
    const run = await grantkit(fake, ["apply", "plan.json", "--yes", "--json"], files);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).summary).toEqual({ create: 3, update: 0, delete: 0, assign: 1, unassign: 0 });
    await settled(fake, files);
  });

  it("refuses a saved plan whose before no longer holds, and applies none of it", async () => {
    const grant = { id: "cgr_billing0000000001", client_id: INVOICE_ROBOT, audience: BILLING, scope: ["read:invoices"] };
    const fake = fakeTenant({ management: { ...SEED.management, clientGrants: [grant as never] } });
    const files: Record<string, string> = { "grants.yaml": FILE };
    await grantkit(fake, ["plan", "-f", "grants.yaml", "-o", "plan.json"], files);
    // Someone changes the grant's scopes, and makes the Reports robot's grant, after the plan.
    fake.replaceState({
      management: {
        ...SEED.management,
        clientGrants: [{ ...grant, scope: ["write:invoices"] }, { id: "cgr_reports000000001", client_id: REPORTS_ROBOT, audience: REPORTS, scope: [] }] as never,
      },
    });
    const before = writesOf(fake).length;
    const run = await grantkit(fake, ["apply", "plan.json", "--yes"], files);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("The tenant changed since the plan was made; plan again");
    expect(run.stderr).toContain(`update client "Invoice robot" (${INVOICE_ROBOT}) → ${BILLING} (client) cgr_billing0000000001: scope changed since the plan`);
    expect(run.stderr).toContain(`create client "Reports robot" (${REPORTS_ROBOT}) → ${REPORTS} (client): the grant now exists (cgr_reports000000001)`);
    expect(writesOf(fake)).toHaveLength(before);
  });

  it("adopts a grant made between plan and apply: the 409 is followed by an update to the file's state", async () => {
    const fake = fakeTenant();
    const client = createManagementClient({ baseUrl: fake.managementUrl, token: TOKEN, fetch: fake.fetch });
    const plan = await planGrants(client, readGrantsFile(FILE, "grants.yaml"));
    await client.clientGrants.create({ client_id: INVOICE_ROBOT, audience: BILLING, scope: ["read:invoices"] });
    await applyPlan(client, plan);
    const billing = fake.state().management.clientGrants.filter((grant) => grant.audience === BILLING);
    expect(billing).toHaveLength(1);
    expect(new Set(billing[0]!.scope)).toEqual(new Set(["read:invoices", "write:invoices"]));
    expect(fake.requests.some((request) => request.method === "POST" && request.status === 409)).toBe(true);
  });

  it("converges after an apply that failed part way: the second run finishes, with no duplicate grant", async () => {
    const fake = fakeTenant();
    const files = { "grants.yaml": FILE };
    // The second create is made, but its answer is lost, and the third is refused with a 503 every time.
    fake.setFaults([
      { kind: "drop", route: "POST /client-grants", nth: 2, afterServing: true },
      { kind: "status", status: 503, route: "POST /client-grants", nth: 3 },
      { kind: "status", status: 503, route: "POST /client-grants", nth: 4 },
      { kind: "status", status: 503, route: "POST /client-grants", nth: 5 },
      { kind: "status", status: 503, route: "POST /client-grants", nth: 6 },
    ]);
    const first = await grantkit(fake, ["apply", "-f", "grants.yaml", "--yes"], files);
    fake.clearFaults();
    const second = await grantkit(fake, ["apply", "-f", "grants.yaml", "--yes"], files);
    expect(second.code).toBe(0);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/change\(s\) failed/);
    await settled(fake, files);
    expect(grantKeys(fake)).toHaveLength(3);
  });

  it("a lost create answer is not sent again blindly: the grant is looked for first, and made once", async () => {
    const fake = fakeTenant();
    fake.setFaults([{ kind: "drop", route: "POST /client-grants", nth: 1, afterServing: true }]);
    const run = await grantkit(fake, ["apply", "-f", "grants.yaml", "--yes", "--concurrency", "1"], { "grants.yaml": FILE });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(grantKeys(fake)).toHaveLength(3);
  });

  it("with 10% of requests failing, applies run again until one succeeds converge, with no duplicate grant", async () => {
    const fake = fakeTenant();
    const many = lines("grants:", ...Array.from({ length: 12 }, (_, i) => [`  - client: ${i % 2 === 0 ? "Invoice robot" : "Reports robot"}`, `    audience: ${i % 4 < 2 ? BILLING : REPORTS}`, `    subject_type: ${["client", "user", "anonymous_user"][i % 3]}`, "    scope: []"]).flat());
    const files = { "grants.yaml": many };
    fake.setFaults([
      { kind: "status", status: 503, probability: 0.05 },
      { kind: "drop", probability: 0.05, afterServing: true },
    ]);
    let code = 1;
    for (let run = 0; run < 10 && code !== 0; run++) code = (await grantkit(fake, ["apply", "-f", "grants.yaml", "--yes"], files)).code;
    expect(code).toBe(0);
    expect(fake.requests.filter((request) => request.fault !== undefined).length).toBeGreaterThan(2);
    fake.clearFaults();
    await settled(fake, files);
  });

  it("stays under a rate limit: a bulk apply against 20 requests a second surfaces no 429", async () => {
    const robots = Array.from({ length: 40 }, (_, i) => ({ client_id: `cli_bulk_${String(i).padStart(3, "0")}`, name: `Bulk ${i}`, app_type: "non_interactive" as const }));
    const fake = fakeTenant({ management: { ...SEED.management, clients: robots } }, { rateLimit: { limit: 20, burst: 20 } });
    const bulk = lines("grants:", ...robots.flatMap(({ client_id }) => [`  - client_id: ${client_id}`, `    audience: ${BILLING}`, "    scope: [read:invoices]"]));
    const run = await grantkit(fake, ["apply", "-f", "grants.yaml", "--yes"], { "grants.yaml": bulk });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(fake.state().management.clientGrants).toHaveLength(40);
  });
});
