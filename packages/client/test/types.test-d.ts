import { describe, expectTypeOf, it } from "vitest";
import {
  createManagementClient,
  type ClientGrant,
  type ClientGrantPage,
  type ListClientGrantOrganizationsResponse,
  type ListClientGrantsResponse,
  type ManagementApiError,
  type Organization,
  type OrganizationClientGrant,
} from "../src/index.js";

const client = createManagementClient({ domain: "example.us.auth0.com", token: "t" });
const grants = client.clientGrants;

describe("the client's types come from the spec", () => {
  it("types results", () => {
    expectTypeOf(grants.get("cgr_1")).resolves.toEqualTypeOf<ClientGrant>();
    expectTypeOf(grants.create({ audience: "https://a/" })).resolves.toEqualTypeOf<ClientGrant>();
    expectTypeOf(grants.list()).resolves.toEqualTypeOf<ListClientGrantsResponse>();
    expectTypeOf(grants.listPage()).resolves.toEqualTypeOf<ClientGrantPage>();
    expectTypeOf(grants.all()).toEqualTypeOf<AsyncGenerator<ClientGrant, void, undefined>>();
    expectTypeOf(grants.delete("cgr_1")).resolves.toBeVoid();
    expectTypeOf(grants.organizations("cgr_1")).resolves.toEqualTypeOf<ListClientGrantOrganizationsResponse>();
    expectTypeOf(grants.assignToOrganization("org_1", "cgr_1")).resolves.toEqualTypeOf<OrganizationClientGrant>();
    expectTypeOf<ClientGrant["organization_usage"]>().toEqualTypeOf<"deny" | "allow" | "require" | undefined>();
  });

  it("types arguments, and wrong fields fail to compile", () => {
    // @ts-expect-error audience is required on create
    void grants.create({ client_id: "abc" });
    // @ts-expect-error not an organization_usage
    void grants.create({ audience: "https://a/", organization_usage: "sometimes" });
    // @ts-expect-error unknown field
    void grants.create({ audience: "https://a/", scopes: ["read"] });
    // @ts-expect-error audience cannot be changed by PATCH
    void grants.update("cgr_1", { audience: "https://b/" });
    // @ts-expect-error subject_type is client or user
    void grants.list({ subject_type: "robot" });
    // @ts-expect-error allow_any_organization filters on true only
    void grants.list({ allow_any_organization: false });
  });

  it("lets PATCH clear fields with null", () => {
    expectTypeOf(grants.update).toBeCallableWith("cgr_1", { scope: null });
    expectTypeOf(grants.update).toBeCallableWith("cgr_1", { organization_usage: null, allow_any_organization: null, allow_all_scopes: null });
  });

  it("types the error with the documented fields", () => {
    expectTypeOf<ManagementApiError["status"]>().toEqualTypeOf<number>();
    expectTypeOf<ManagementApiError["errorCode"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ManagementApiError["rateLimit"]>().toEqualTypeOf<
      { readonly limit?: number; readonly remaining?: number; readonly resetAt?: Date; readonly retryAfterMs?: number } | undefined
    >();
  });

  it("accepts exactly one auth option", () => {
    // @ts-expect-error token and getToken together
    createManagementClient({ domain: "d.auth0.com", token: "t", getToken: () => "t" });
    // @ts-expect-error no auth at all
    createManagementClient({ domain: "d.auth0.com" });
    expectTypeOf(createManagementClient).toBeCallableWith({
      domain: "d.auth0.com",
      clientCredentials: { clientId: "id", clientSecret: "secret", audience: "https://d.auth0.com/api/v2/" },
    });
  });
});
