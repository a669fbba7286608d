import { describe, expectTypeOf, it } from "vitest";
import {
  createAdminClient,
  type AdminApiError,
  type AdminProblemDetails,
  type ApiError,
  type OAuthErrorBody,
  type ProvisioningError,
  type TenantClient,
  type AdminClientOptions,
  type ClientSecret,
  type CreateTenantClientRequest,
  type CreatedClientSecret,
  type GrantkitError,
  type SecretOptions,
  type AdminClient,
} from "../src/index.js";

declare const admin: AdminClient;
const body = { clientId: "invoice-robot", clientName: "Invoice robot", allowedScopes: ["openid", "permissions", "publicapi.all"] } satisfies CreateTenantClientRequest;

describe("results", () => {
  it("carry the spec's client type", () => {
    expectTypeOf(admin.clients.create(body)).resolves.toEqualTypeOf<TenantClient>();
    expectTypeOf<TenantClient["allowedScopes"]>().toEqualTypeOf<("openid" | "permissions" | "publicapi.all")[] | undefined>();
    expectTypeOf(admin.provisionClient(body)).resolves.toEqualTypeOf<{ client: TenantClient; secret: CreatedClientSecret }>();
  });

  it("type a raw answer as the client's own type for the same schema", async () => {
    const { data } = await admin.raw.POST("/tenants/{tenantId}/clients/", { params: { path: { tenantId: "t" } }, body });
    expectTypeOf(data).toEqualTypeOf<TenantClient | undefined>();
  });

  it("carry the spec's secret fields, read-only, with value a string", () => {
    expectTypeOf(admin.secrets.create("invoice-robot")).resolves.toEqualTypeOf<CreatedClientSecret>();
    expectTypeOf<CreatedClientSecret>().toExtend<ClientSecret>();
    expectTypeOf<CreatedClientSecret["value"]>().toEqualTypeOf<string>();
    expectTypeOf<CreatedClientSecret["valueDisplay"]>().toEqualTypeOf<string>();
    expectTypeOf<CreatedClientSecret["description"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ReturnType<CreatedClientSecret["toJSON"]>>().toEqualTypeOf<Omit<ClientSecret, "value">>();
    const secret = {} as CreatedClientSecret;
    // @ts-expect-error the value is shown once and cannot be replaced
    secret.value = "other";
  });

  it("type ProvisioningError as a GrantkitError naming the client", () => {
    expectTypeOf<ProvisioningError>().toExtend<GrantkitError>();
    expectTypeOf<ProvisioningError["clientId"]>().toEqualTypeOf<string>();
    expectTypeOf<ProvisioningError["client"]>().toEqualTypeOf<TenantClient>();
  });

  it("type an AdminApiError's body as the admin API's error shapes only", () => {
    expectTypeOf<AdminApiError>().toExtend<ApiError>();
    expectTypeOf<AdminApiError["body"]>().toEqualTypeOf<AdminProblemDetails | OAuthErrorBody | string | undefined>();
  });
});

describe("arguments", () => {
  it("refuse allowedScopes other than the one allowed value", () => {
    // @ts-expect-error only ["openid", "permissions", "publicapi.all"] is allowed
    void admin.clients.create({ clientId: "a", clientName: "b", allowedScopes: ["openid"] });
    // @ts-expect-error the order is part of the value
    void admin.provisionClient({ clientId: "a", clientName: "b", allowedScopes: ["permissions", "openid", "publicapi.all"] });
    // @ts-expect-error allowedScopes is required
    void admin.clients.create({ clientId: "a", clientName: "b" });
  });

  it("take read-only lists: the client only reads them", () => {
    const allowedScopes = ["openid", "permissions", "publicapi.all"] as const;
    const redirectUris: readonly string[] = ["https://app.example.com/callback"];
    void admin.clients.create({ clientId: "a", clientName: "b", allowedScopes, redirectUris });
    void admin.provisionClient({ clientId: "a", clientName: "b", allowedScopes });
  });

  it("take secret dates as Date or string", () => {
    expectTypeOf<NonNullable<SecretOptions["startTime"]>>().toEqualTypeOf<Date | string>();
    expectTypeOf<NonNullable<SecretOptions["expiration"]>>().toEqualTypeOf<Date | string>();
    void admin.secrets.create("a", { startTime: new Date(), expiration: "2027-01-15T10:00:00Z" });
    void admin.provisionClient(body, { startTime: "2027-01-15T10:00:00Z", expiration: new Date() }, { signal: AbortSignal.timeout(1000) });
    // @ts-expect-error epoch numbers are not taken: a Date or an ISO string says which instant it means
    void admin.secrets.create("a", { expiration: 1_767_225_600_000 });
    // @ts-expect-error unknown options are refused
    void admin.secrets.create("a", { expires: new Date() });
  });

  it("take exactly one way to authenticate, and only the two API versions", () => {
    createAdminClient({ regionUrl: "https://vantage-us.abbyy.com", tenantId: "t", token: "x" });
    createAdminClient({ regionUrl: "https://vantage-us.abbyy.com", tenantId: "t", getToken: async () => "x", apiVersion: "v2" });
    createAdminClient({ regionUrl: "https://vantage-us.abbyy.com", tenantId: "t", clientCredentials: { clientId: "a", clientSecret: "b" } });
    // @ts-expect-error token and getToken exclude each other
    createAdminClient({ regionUrl: "https://vantage-us.abbyy.com", tenantId: "t", token: "x", getToken: () => "y" });
    // @ts-expect-error some way to authenticate is required
    createAdminClient({ regionUrl: "https://vantage-us.abbyy.com", tenantId: "t" });
    // @ts-expect-error tenantId is required
    createAdminClient({ regionUrl: "https://vantage-us.abbyy.com", token: "x" });
    // @ts-expect-error v3 does not exist
    createAdminClient({ regionUrl: "https://vantage-us.abbyy.com", tenantId: "t", token: "x", apiVersion: "v3" });
    expectTypeOf(createAdminClient).parameter(0).toEqualTypeOf<AdminClientOptions>();
    expectTypeOf(createAdminClient).returns.toEqualTypeOf<AdminClient>();
  });
});

describe("a strict consumer's code (exactOptionalPropertyTypes) compiles without casts", () => {
  const cfg: { regionUrl?: string | undefined; baseUrl?: string | undefined; tokenUrl?: string | undefined; description?: string | undefined } = {};
  const maybeSignal = undefined as AbortSignal | undefined;

  it("takes undefined for any option left out", () => {
    createAdminClient({ regionUrl: cfg.regionUrl, baseUrl: cfg.baseUrl, tokenUrl: cfg.tokenUrl, apiVersion: undefined, tenantId: "t", token: "x" });
    void admin.secrets.create("a", { description: cfg.description, startTime: undefined, expiration: undefined }, { signal: maybeSignal });
    void admin.provisionClient(body, { description: cfg.description }, { signal: maybeSignal });
    void admin.clients.create({ ...body, allowRopc: undefined, redirectUris: undefined }, { signal: maybeSignal });
  });
});
