import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeServer, type FakeServer } from "@grantkit/testing/server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Plan } from "../src/index.js";
import { runBin, startBin } from "./support/bin.js";
import { BILLING, INVOICE_ROBOT, lines, REPORTS, SEED, TOKEN } from "./support/tenant.js";

/**
 * End to end: the built `grantkit` bin, spawned against the fake tenant in server mode, as CI would run it.
 */
const SECRET = "robot-secret-that-must-never-be-printed-0123";
const seed = {
  management: {
    ...SEED.management,
    credentials: [{ client_id: INVOICE_ROBOT, client_secret: SECRET, scope: ["read:client_grants", "create:client_grants", "update:client_grants", "delete:client_grants", "read:clients", "read:resource_servers", "read:organizations", "create:organization_client_grants", "delete:organization_client_grants", "read:organization_client_grants"] }],
  },
};
const FILE = lines(
  "grants:",
  "  - client: Invoice robot",
  `    audience: ${BILLING}`,
  "    scope: [read:invoices, write:invoices]",
  "    organization_usage: allow",
  "    organizations: [org_acme000000000001]",
  "  - client: Reports robot",
  `    audience: ${REPORTS}`,
  "    scope: [read:reports]",
  "  - default_for: third_party_clients",
  `    audience: ${BILLING}`,
  "    scope: [read:invoices]",
);

let server: FakeServer;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  server = await startFakeServer({ seed, token: TOKEN, randomSeed: 7 });
});
afterAll(() => server.close());
beforeEach(async () => {
  server.fake.reset();
  dir = await mkdtemp(join(tmpdir(), "grantkit-cli-"));
  await writeFile(join(dir, "grants.yaml"), FILE);
  env = { AUTH0_ACCESS_TOKEN: TOKEN, AUTH0_BASE_URL: server.managementUrl };
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const grantkit = (args: string[], extra: Record<string, string> = {}) => runBin(args, { ...env, ...extra }, dir);
const keysOf = () => server.fake.state().management.clientGrants.map((grant) => JSON.stringify([grant.client_id, grant.default_for, grant.audience, grant.subject_type ?? "client"]));

describe("the grantkit bin against the fake tenant", () => {
  it("plan: JSON on stdout, exit 2 with changes under --detailed-exitcode, then apply, then exit 0", async () => {
    const plan = await grantkit(["plan", "-f", "grants.yaml", "--json", "--detailed-exitcode"]);
    expect(plan.stderr).toBe("");
    expect(plan.code).toBe(2);
    expect((JSON.parse(plan.stdout) as Plan).summary).toEqual({ create: 3, update: 0, delete: 0, assign: 1, unassign: 0 });
    expect((await grantkit(["apply", "-f", "grants.yaml", "--yes"])).code).toBe(0);
    const after = await grantkit(["plan", "-f", "grants.yaml", "--detailed-exitcode"]);
    expect(after).toMatchObject({ code: 0, stdout: "No changes: the tenant's grants match grants.yaml.\n" });
  });

  it("refuses a file error with its line and column, exit 1, and sends nothing", async () => {
    await writeFile(join(dir, "grants.yaml"), lines("grants:", "  - client: Invoice robot", `    audience: ${BILLING}`, "    scope: [read:invoices]", "    allow_all_scopes: true"));
    const run = await grantkit(["plan", "-f", "grants.yaml"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("grants.yaml:4:5: grants[0] has scope and allow_all_scopes: true");
    expect(server.fake.requests).toEqual([]);
  });

  it("export, then plan of the export: no changes", async () => {
    expect((await grantkit(["apply", "-f", "grants.yaml", "--yes"])).code).toBe(0);
    // A grant made elsewhere, for a client whose name is shared: exported by client_id.
    await fetch(`${server.managementUrl}/client-grants`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ client_id: "cli_twin_a_00000000000000000000", audience: REPORTS, scope: [], subject_type: "user" }),
    });
    const exported = await grantkit(["export", "-o", "exported.yaml"]);
    expect(exported).toMatchObject({ code: 0, stderr: "" });
    const text = await readFile(join(dir, "exported.yaml"), "utf8");
    expect(text).toContain("client_id: cli_twin_a_00000000000000000000");
    expect(text).toContain("client: Invoice robot");
    const plan = await grantkit(["plan", "-f", "exported.yaml", "--prune", "--detailed-exitcode"]);
    expect(plan.stderr).toBe("");
    expect(plan.code).toBe(0);
  });

  it("an apply killed part way and run again converges: no duplicate grant, and no changes after", async () => {
    // Each create takes a while, so that the kill lands among them.
    server.fake.setFaults([{ kind: "latency", ms: 300, route: "POST /client-grants" }]);
    const { child, done } = startBin(["apply", "-f", "grants.yaml", "--yes", "--concurrency", "1"], env, dir);
    while (!server.fake.requests.some((request) => request.method === "POST")) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill("SIGKILL");
    expect((await done).signal).toBe("SIGKILL");
    server.fake.clearFaults();
    const again = await grantkit(["apply", "-f", "grants.yaml", "--yes"]);
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
    expect((await grantkit(["plan", "-f", "grants.yaml", "--detailed-exitcode"])).code).toBe(0);
    expect(new Set(keysOf()).size).toBe(keysOf().length);
    expect(keysOf()).toHaveLength(3);
  });

  it("with 10% of requests failing, applies converge, and the next plan shows no changes", async () => {
    server.fake.setFaults([
      { kind: "status", status: 503, probability: 0.05 },
      { kind: "drop", probability: 0.05, afterServing: true },
    ]);
    let code: number | null = 1;
    for (let run = 0; run < 10 && code !== 0; run++) code = (await grantkit(["apply", "-f", "grants.yaml", "--yes"])).code;
    expect(code).toBe(0);
    server.fake.clearFaults();
    expect((await grantkit(["plan", "-f", "grants.yaml", "--detailed-exitcode"])).code).toBe(0);
    expect(new Set(keysOf()).size).toBe(3);
    expect(keysOf()).toHaveLength(3);
  });

  it("adopts a grant made while the apply runs: its create is answered 409, and it is brought to the file's state", async () => {
    server.fake.setFaults([{ kind: "latency", ms: 1500, route: "POST /client-grants", nth: 1 }]);
    const { done } = startBin(["apply", "-f", "grants.yaml", "--yes", "--concurrency", "1"], env, dir);
    // Once the plan has read the grants, someone makes the first grant the apply will create (in the fake's state,
    // so that the only requests are the apply's own).
    while (!server.fake.requests.some((request) => request.path.endsWith("/client-grants") && request.method === "GET")) await new Promise((resolve) => setTimeout(resolve, 10));
    const state = server.fake.state();
    state.management.clientGrants.push({ id: "cgr_adopt00000000001", client_id: INVOICE_ROBOT, audience: BILLING, scope: ["read:invoices"] });
    server.fake.replaceState(state);
    const run = await done;
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(server.fake.requests.some((request) => request.method === "POST" && request.status === 409)).toBe(true);
    expect(server.fake.requests.some((request) => request.method === "PATCH" && request.path.endsWith("/cgr_adopt00000000001"))).toBe(true);
    expect((await grantkit(["plan", "-f", "grants.yaml", "--detailed-exitcode"])).code).toBe(0);
  });

  it("never prints the token or the client secret, also with --verbose and on errors", async () => {
    const credentials = { AUTH0_ACCESS_TOKEN: "", AUTH0_CLIENT_ID: INVOICE_ROBOT, AUTH0_CLIENT_SECRET: SECRET };
    const tokenUrl = server.managementTokenUrl;
    const runs = [
      await grantkit(["apply", "-f", "grants.yaml", "--yes", "--verbose", "--token-url", tokenUrl], credentials),
      await grantkit(["plan", "-f", "grants.yaml", "--verbose", "--json", "--token-url", tokenUrl], credentials),
      await grantkit(["plan", "-f", "grants.yaml", "--verbose", "--token-url", tokenUrl], { ...credentials, AUTH0_CLIENT_SECRET: `${SECRET}-wrong` }),
      await grantkit(["plan", "-f", "grants.yaml", "--verbose"], { AUTH0_ACCESS_TOKEN: `${TOKEN}-wrong` }),
    ];
    expect(runs.map((run) => run.code)).toEqual([0, 0, 1, 1]);
    for (const run of runs) {
      expect(run.stdout + run.stderr).not.toContain(SECRET);
      expect(run.stdout + run.stderr).not.toContain(TOKEN);
    }
  });

  it("stays under the tenant's rate limit: a bulk apply at 20 requests a second surfaces no 429", async () => {
    const robots = Array.from({ length: 30 }, (_, i) => ({ client_id: `cli_bulk_${String(i).padStart(3, "0")}`, name: `Bulk ${i}`, app_type: "non_interactive" as const }));
    const limited = await startFakeServer({ seed: { management: { ...SEED.management, clients: robots } }, token: TOKEN, rateLimit: { limit: 20, burst: 20 } });
    try {
      await writeFile(join(dir, "bulk.yaml"), lines("grants:", ...robots.flatMap(({ client_id }) => [`  - client_id: ${client_id}`, `    audience: ${BILLING}`, "    scope: [read:invoices]"])));
      const run = await runBin(["apply", "-f", "bulk.yaml", "--yes"], { ...env, AUTH0_BASE_URL: limited.managementUrl }, dir);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(limited.fake.state().management.clientGrants).toHaveLength(30);
    } finally {
      await limited.close();
    }
  });

  it("--help for every command and --version, exit 0", async () => {
    for (const command of ["export", "plan", "apply"]) {
      const help = await grantkit([command, "--help"]);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^grantkit ${command} `));
    }
    expect((await grantkit(["--version"])).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});
