import type { FakeSeed } from "../../src/index.js";

export const ROBOT = "4Yf3vHvIkyUEoR1HXpVr0cFfaM8sFMPo";
export const PORTAL = "9kQm2ZfRlD0wX5sBvT3yN8hJcP1uA6eG";
export const BILLING = "https://billing.example.com/";
export const REPORTS = "https://reports.example.com/";
export const ACME = "org_W3fQ8nTzxRk2Lp0a";
export const GLOBEX = "org_Yb7cK1mPqR9sT4vW";
export const SYSTEM_GRANT = "cgr_systemsystem0001";
export const TENANT = "8f1f5d3a-2c4b-4e4f-9a37-6f0c8c2b7d15";
export const OTHER_TENANT = "0e2c6b1a-9d8f-4c3b-8a7e-5f4d3c2b1a09";
export const TOKEN = "fixed-test-token";

/** A small tenant on both sides: two clients, two APIs, two organizations, one system grant, credentials. */
export const SEED: FakeSeed = {
  management: {
    clients: [
      { client_id: ROBOT, name: "Invoice robot", app_type: "non_interactive" },
      { client_id: PORTAL, name: "Partner portal", app_type: "regular_web", is_first_party: false },
    ],
    resourceServers: [
      { id: "rs_billing", identifier: BILLING, name: "Billing API", scopes: [{ value: "read:invoices" }, { value: "write:invoices" }] },
      { id: "rs_reports", identifier: REPORTS, name: "Reports API", scopes: [{ value: "read:reports" }] },
    ],
    organizations: [
      { id: ACME, name: "acme", display_name: "Acme Corporation" },
      { id: GLOBEX, name: "globex", display_name: "Globex" },
    ],
    clientGrants: [{ id: SYSTEM_GRANT, client_id: PORTAL, audience: REPORTS, scope: ["read:reports"], is_system: true }],
    credentials: [
      {
        client_id: ROBOT,
        client_secret: "robot-secret",
        scope: ["read:client_grants", "create:client_grants", "update:client_grants", "delete:client_grants"],
      },
      { client_id: PORTAL, client_secret: "portal-secret", scope: ["read:client_grants"] },
    ],
  },
  admin: {
    tenants: [{ id: TENANT, name: "Acme" }, { id: OTHER_TENANT }],
    credentials: [{ client_id: "provisioner", client_secret: "provisioner-secret", tenantId: TENANT }],
  },
};
