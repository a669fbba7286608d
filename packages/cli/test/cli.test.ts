import { describe, expect, it } from "vitest";
import { main, type CliIo } from "../src/cli/main.js";
import { BILLING, fakeTenant, grantkit, lines, TOKEN } from "./support/tenant.js";

const FILE = { "grants.yaml": lines("grants:", "  - client: Invoice robot", `    audience: ${BILLING}`, "    scope: [read:invoices]") };

/** Runs the CLI with stdout and stderr on a terminal (or not), the fake's fetch, and `env`. */
async function onTerminal(args: string[], env: Record<string, string>, answer = "") {
  const fake = fakeTenant();
  let stdout = "";
  let stderr = "";
  const asked: string[] = [];
  const io: CliIo = {
    env: { AUTH0_ACCESS_TOKEN: TOKEN, AUTH0_BASE_URL: fake.managementUrl, ...env },
    stdout: { write: (text: string) => (stdout += text), isTTY: true },
    stderr: { write: (text: string) => (stderr += text), isTTY: true },
    interactive: true,
    ask: async (question) => {
      asked.push(question);
      return answer;
    },
    readText: async (path) => FILE[path as keyof typeof FILE],
    writeText: async () => undefined,
    version: "1.2.3",
    fetch: fake.fetch,
  };
  const code = await main(args, io);
  return { code, stdout, stderr, asked, fake };
}

describe("the command line", () => {
  it("colours a plan on a terminal, and not with NO_COLOR", async () => {
    expect((await onTerminal(["plan", "-f", "grants.yaml"], {})).stdout).toContain("\u001b[32m+ create");
    const plain = await onTerminal(["plan", "-f", "grants.yaml"], { NO_COLOR: "1" });
    expect(plain.stdout).not.toContain("\u001b[");
    expect(plain.stdout).toMatch(/^\+ create client "Invoice robot" \(cli_invoice_robot_0000000000000\) → https:\/\/billing\.example\.com\/ \(client\)\n {4}scope: \[read:invoices\]\n/);
  });

  it("shows progress on a terminal's stderr, and clears it, keeping stdout for the result", async () => {
    const run = await onTerminal(["plan", "-f", "grants.yaml", "--json"], {});
    expect(run.stderr).toContain("\r\u001b[Kreading grants: 0");
    expect(run.stderr.endsWith("\r\u001b[K")).toBe(true);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
  });

  it("prints no progress where stderr is not a terminal, unless --verbose", async () => {
    const fake = fakeTenant();
    expect((await grantkit(fake, ["plan", "-f", "grants.yaml"], { ...FILE })).stderr).toBe("");
    expect((await grantkit(fake, ["plan", "-f", "grants.yaml", "--verbose"], { ...FILE })).stderr).toMatch(/^reading grants: 0\n/);
  });

  it("asks before applying on a terminal, and applies only on yes", async () => {
    const declined = await onTerminal(["apply", "-f", "grants.yaml"], {}, "no");
    expect(declined.asked).toEqual(['\nApply these 1 changes to the tenant? Only "yes" applies: ']);
    expect(declined.code).toBe(1);
    expect(declined.fake.state().management.clientGrants).toEqual([]);
    const accepted = await onTerminal(["apply", "-f", "grants.yaml"], {}, "yes");
    expect(accepted.code).toBe(0);
    expect(accepted.fake.state().management.clientGrants).toHaveLength(1);
  });

  it("takes credentials only from the environment, and says which variable is missing", async () => {
    const fake = fakeTenant();
    const noSecret = await grantkit(fake, ["plan", "-f", "grants.yaml"], { ...FILE }, { AUTH0_ACCESS_TOKEN: "", AUTH0_CLIENT_ID: "abc" });
    expect(noSecret).toMatchObject({ code: 1, stderr: "grantkit: Set AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET (AUTH0_CLIENT_SECRET is not set), or AUTH0_ACCESS_TOKEN\n" });
    const both = await grantkit(fake, ["plan", "-f", "grants.yaml"], { ...FILE }, { AUTH0_CLIENT_ID: "abc", AUTH0_CLIENT_SECRET: "s3cret-value" });
    expect(both.stderr).toMatch(/not both/);
    expect(both.stderr).not.toContain("s3cret-value");
    const nowhere = await grantkit(fake, ["plan", "-f", "grants.yaml"], { ...FILE }, { AUTH0_BASE_URL: "" });
    expect(nowhere.stderr).toMatch(/Set AUTH0_DOMAIN/);
    expect(fake.requests).toEqual([]);
  });

  it("refuses a command line it cannot run, pointing at the help", async () => {
    const fake = fakeTenant();
    const runs = await Promise.all([
      grantkit(fake, ["plan"]),
      grantkit(fake, ["plan", "-f", "grants.yaml", "--scopes"]),
      grantkit(fake, ["apply", "plan.json", "-f", "grants.yaml"]),
      grantkit(fake, ["apply", "plan.json", "--prune"]),
      grantkit(fake, ["deploy"]),
      grantkit(fake, ["plan", "-f", "grants.yaml", "--concurrency", "0"]),
    ]);
    expect(runs.map((run) => run.code)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(runs.map((run) => run.stderr.trim())).toEqual([
      "grantkit: plan needs the grants file: grantkit plan -f grants.yaml",
      // Node's own words, which differ between its versions, then the way to the help.
      expect.stringMatching(/^grantkit: Unknown option '--scopes'.* \(grantkit plan --help\)$/),
      "grantkit: apply needs a grants file (grantkit apply -f grants.yaml) or a saved plan (grantkit apply plan.json), not both",
      "grantkit: --prune is for a grants file: a saved plan already holds its deletions",
      'grantkit: no command "deploy": the commands are export, plan and apply (grantkit --help)',
      'grantkit: --concurrency must be a whole number of at least 1, got "0"',
    ]);
  });

  it("prints the version and the help, also without credentials", async () => {
    const fake = fakeTenant();
    expect(await grantkit(fake, ["--version"], {}, { AUTH0_ACCESS_TOKEN: "" })).toMatchObject({ code: 0, stdout: "0.0.0-test\n" });
    const help = await grantkit(fake, ["--help"], {}, { AUTH0_ACCESS_TOKEN: "" });
    expect(help.stdout).toMatch(/^grantkit: a tenant's Auth0 client grants as code/);
    expect(help.stdout).toContain("AUTH0_CLIENT_SECRET");
    expect((await grantkit(fake, ["help", "plan"])).stdout).toMatch(/--detailed-exitcode/);
  });

  it("with --json, puts an error on stdout too, as one document with each problem and its place", async () => {
    const fake = fakeTenant();
    const run = await grantkit(fake, ["plan", "-f", "grants.yaml", "--json"], { "grants.yaml": lines("grants:", "  - client: Nobody", `    audience: ${BILLING}`, "    scope: []") });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      error: {
        name: "TenantCheckError",
        message: "grants.yaml does not match the tenant",
        problems: [{ message: 'no client is named "Nobody"', file: "grants.yaml", at: { line: 2, column: 5 } }],
      },
    });
  });

  it("refuses a saved plan that is not one", async () => {
    const fake = fakeTenant();
    expect((await grantkit(fake, ["apply", "plan.json", "--yes"], { "plan.json": "{oops" })).stderr).toMatch(/plan.json is not JSON/);
    expect((await grantkit(fake, ["apply", "plan.json", "--yes"], { "plan.json": "{}" })).stderr).toMatch(/This is not a grantkit plan/);
    const edited = JSON.stringify({ format: "grantkit-plan/1", changes: [{ action: "replace", key: { audience: "https://a/" } }], summary: {} });
    expect((await grantkit(fake, ["apply", "plan.json", "--yes"], { "plan.json": edited })).stderr).toMatch(/This is not a grantkit plan/);
    expect(fake.requests).toEqual([]);
  });
});
