import { fileURLToPath } from "node:url";
import { typeView } from "@grantkit/test-support/type-view";
import { describe, expect, it } from "vitest";

// What users read in their editor and in compiler errors, from the built declarations (`pnpm test` builds first).
const declarations = {
  "@grantkit/client": fileURLToPath(new URL("../dist/index.d.ts", import.meta.url)),
};

const code = `
import { createManagementClient } from "@grantkit/client";
const client = createManagementClient({ domain: "example.us.auth0.com", token: "t" });
export const grant = await client.clientGrants.get("cgr_1");
export const withTotals = await client.clientGrants.list({ include_totals: true });
export const items = withTotals.client_grants;
export const organizations = await client.clientGrants.organizations("cgr_1");
const wrong: number = grant;
await client.clientGrants.create({ audience: "https://a/", organization_usage: "sometimes" });
`;

describe("hover texts and compiler errors", { timeout: 60_000 }, () => {
  const view = typeView(code, declarations);

  it("name the records (ClientGrant), not their fields spelled out", () => {
    expect(view.hover("client =")).toBe("const client: ManagementClient");
    expect(view.hover("grant =")).toBe("const grant: ClientGrant");
    expect(view.hover("withTotals =")).toBe("const withTotals: ClientGrantsWithTotals");
    expect(view.hover("items =")).toBe("const items: ClientGrant[]");
    expect(view.hover("organizations =")).toBe("const organizations: Organization[]");
  });

  it("say which type a value is not assignable to, by name, with no renamed declaration anywhere", () => {
    const errors = view.errors();
    expect(errors[0]).toBe("Type 'ClientGrant' is not assignable to type 'number'.");
    // An enum reads as its values (in the compiler's order).
    expect(errors[1]).toMatch(/^Type '"sometimes"' is not assignable to type '"\w+" \| "\w+" \| "\w+" \| undefined'\.$/);
    expect(errors).toHaveLength(2);
    expect(errors.join("\n")).not.toMatch(/\$\d|components\[/);
  });
});
