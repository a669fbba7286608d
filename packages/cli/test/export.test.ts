import { describe, expect, it } from "vitest";
import type { Plan } from "../src/index.js";
import { BILLING, fakeTenant, grantkit, INVOICE_ROBOT, REPORTS, SEED } from "./support/tenant.js";

const ACME = "org_acme000000000001";
const grants = [
  { id: "cgr_a0000000000000001", client_id: INVOICE_ROBOT, audience: BILLING, scope: ["write:invoices", "read:invoices"], organization_usage: "allow" },
  { id: "cgr_a0000000000000002", client_id: INVOICE_ROBOT, audience: BILLING, subject_type: "user", scope: [] },
  { id: "cgr_a0000000000000003", default_for: "third_party_clients", audience: BILLING, scope: ["read:invoices"] },
  { id: "cgr_a0000000000000004", client_id: "cli_twin_a_00000000000000000000", audience: REPORTS, allow_all_scopes: true, scope: [] },
  { id: "cgr_a0000000000000005", client_id: INVOICE_ROBOT, audience: REPORTS, is_system: true, scope: [] },
];
const dangling = [
  { id: "cgr_gone0000000000001", client_id: INVOICE_ROBOT, audience: "https://gone.example.com/", scope: [] },
  { id: "cgr_gone0000000000002", client_id: "cli_deleted", audience: BILLING, scope: [] },
];
const tenant = (extra: object[] = []) =>
  fakeTenant({ management: { ...SEED.management, clientGrants: [...grants, ...extra] as never, organizationGrants: [{ organization_id: ACME, grant_id: grants[0]!.id }] } });

describe("grantkit export", () => {
  it("writes a file that plan reads as no changes, with --prune too", async () => {
    const fake = tenant();
    const files: Record<string, string> = {};
    expect(await grantkit(fake, ["export", "-o", "grants.yaml"], files)).toMatchObject({ code: 0, stdout: "", stderr: "" });
    const text = files["grants.yaml"]!;
    expect(text).toContain("client: Invoice robot");
    // A name two clients share is no name: the id is written instead.
    expect(text).toContain("client_id: cli_twin_a_00000000000000000000");
    expect(text).toContain(`organizations: [${ACME}]`);
    expect(text).not.toContain("cgr_a0000000000000005");
    const plan = await grantkit(fake, ["plan", "-f", "grants.yaml", "--prune", "--detailed-exitcode"], files);
    expect(plan.stderr).toBe("");
    expect(plan.code).toBe(0);
  });

  it("writes JSON for a .json file, which plan reads the same", async () => {
    const fake = tenant();
    const files: Record<string, string> = {};
    await grantkit(fake, ["export", "-o", "grants.json"], files);
    expect(JSON.parse(files["grants.json"]!).grants).toHaveLength(4);
    expect((await grantkit(fake, ["plan", "-f", "grants.json", "--prune", "--detailed-exitcode"], files)).code).toBe(0);
  });

  it("leaves out grants whose API or client is gone, says so, and plan --prune deletes them", async () => {
    const fake = tenant(dangling);
    const files: Record<string, string> = {};
    const run = await grantkit(fake, ["export", "-o", "grants.yaml"], files);
    expect(run.stderr).toBe(
      "grantkit: left out cgr_gone0000000000001: its audience https://gone.example.com/ is no API's identifier\n" +
        "grantkit: left out cgr_gone0000000000002: its client cli_deleted does not exist\n",
    );
    expect(files["grants.yaml"]).toMatch(/^# Left out: cgr_gone0000000000001, its audience https:\/\/gone\.example\.com\/ is no API's identifier/);
    expect((await grantkit(fake, ["plan", "-f", "grants.yaml", "--detailed-exitcode"], files)).code).toBe(0);
    const pruned = JSON.parse((await grantkit(fake, ["plan", "-f", "grants.yaml", "--prune", "--json"], files)).stdout) as Plan;
    expect(pruned.changes.map((change) => [change.action, change.id])).toEqual([["delete", "cgr_gone0000000000001"], ["delete", "cgr_gone0000000000002"]]);
  });
});
