import { fileURLToPath } from "node:url";
import { typeView } from "@grantkit/test-support/type-view";
import { describe, expect, it } from "vitest";

// What users read in their editor and in compiler errors, from the built declarations (`pnpm test` builds first).
const declarations = {
  "@grantkit/admin-client": fileURLToPath(new URL("../dist/index.d.ts", import.meta.url)),
};

const code = `
import { createAdminClient } from "@grantkit/admin-client";
const admin = createAdminClient({ regionUrl: "https://vantage-us.abbyy.com", tenantId: "t", token: "t" });
const body = { clientId: "a", clientName: "A", allowedScopes: ["openid", "permissions", "publicapi.all"] as const };
export const created = await admin.clients.create(body);
export const secret = await admin.secrets.create("a");
const wrong: number = created;
`;

describe("hover texts and compiler errors", { timeout: 60_000 }, () => {
  const view = typeView(code, declarations);

  it("name the SDK object (AdminClient) apart from a tenant's client record (TenantClient)", () => {
    expect(view.hover("admin =")).toBe("const admin: AdminClient");
    expect(view.hover("created =")).toBe("const created: TenantClient");
    expect(view.hover("secret =")).toBe("const secret: CreatedClientSecret");
  });

  it("say which type a value is not assignable to, by name", () => {
    expect(view.errors()).toEqual(["Type 'TenantClient' is not assignable to type 'number'."]);
  });
});
