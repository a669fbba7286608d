import { createFakeTenant, type FakeSeed, type FakeTenant, type FakeTenantOptions } from "@grantkit/testing";
import { main } from "../../src/cli/main.js";

/** The bearer token the fake accepts, as AUTH0_ACCESS_TOKEN gives it. */
export const TOKEN = "test-management-token-0123456789";
export const BILLING = "https://billing.example.com/";
export const REPORTS = "https://reports.example.com/";
export const INVOICE_ROBOT = "cli_invoice_robot_0000000000000";
export const REPORTS_ROBOT = "cli_reports_robot_0000000000000";

/** A tenant with two robots, two clients sharing a name, two APIs and two organizations. */
export const SEED = {
  management: {
    clients: [
      { client_id: INVOICE_ROBOT, name: "Invoice robot", app_type: "non_interactive" },
      { client_id: REPORTS_ROBOT, name: "Reports robot", app_type: "non_interactive" },
      { client_id: "cli_twin_a_00000000000000000000", name: "Twin", app_type: "non_interactive" },
      { client_id: "cli_twin_b_00000000000000000000", name: "Twin", app_type: "non_interactive" },
    ],
    resourceServers: [
      { id: "rs_billing", identifier: BILLING, name: "Billing", scopes: [{ value: "read:invoices" }, { value: "write:invoices" }] },
      { id: "rs_reports", identifier: REPORTS, name: "Reports", scopes: [{ value: "read:reports" }] },
    ],
    organizations: [
      { id: "org_acme000000000001", name: "acme", display_name: "Acme" },
      { id: "org_globex0000000001", name: "globex", display_name: "Globex" },
    ],
  },
} satisfies FakeSeed;

export function fakeTenant(seed: FakeSeed = SEED, options: FakeTenantOptions = {}): FakeTenant {
  return createFakeTenant({ seed, token: TOKEN, randomSeed: 1, ...options });
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a `grantkit` command line in-process against `fake`, with `files` as its file system (what it writes lands
 * there too). Credentials come from the environment, as the bin's do.
 */
export async function grantkit(fake: FakeTenant, args: string[], files: Record<string, string> = {}, env: Record<string, string> = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    env: { AUTH0_ACCESS_TOKEN: TOKEN, AUTH0_BASE_URL: fake.managementUrl, ...env },
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    interactive: false,
    ask: async () => "",
    readText: async (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
      return text;
    },
    writeText: async (path, text) => {
      files[path] = text;
    },
    version: "0.0.0-test",
    fetch: fake.fetch,
  });
  return { code, stdout, stderr };
}

export const lines = (...text: string[]) => `${text.join("\n")}\n`;
