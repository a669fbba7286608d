import { describe, expectTypeOf, it } from "vitest";
import {
  createManagementClient,
  type ManagementApiErrorBody,
  type Auth0TokenErrorBody,
  type ClientGrant,
  type ClientGrantOrganizationsCheckpoint,
  type ClientGrantOrganizationsWithTotals,
  type ClientGrantPage,
  type ClientGrantsCheckpoint,
  type ClientGrantsWithTotals,
  type ListClientGrantOrganizationsQuery,
  type ListClientGrantOrganizationsResponse,
  type ListClientGrantsQuery,
  type ListClientGrantsResponse,
  type ListOrganizationClientGrantsResponse,
  type ManagementApiError,
  type ManagementErrorBody,
  type Organization,
  type OrganizationClientGrant,
  type OrganizationClientGrantsWithTotals,
  type OrganizationPage,
  type PageProgress,
  type RetryOptions,
} from "../src/index.js";
import { managementRequests, type ManagementPaths } from "@grantkit/types";
import { createApiClient, type AuthOptions, type ClientCredentials, type ClientOptions, type RawClient } from "../src/core/index.js";

const client = createManagementClient({ domain: "example.us.auth0.com", token: "t" });
const grants = client.clientGrants;

describe("the client's types come from the spec", () => {
  it("types results", () => {
    expectTypeOf(grants.get("cgr_1")).resolves.toEqualTypeOf<ClientGrant>();
    expectTypeOf(grants.create({ audience: "https://a/" })).resolves.toEqualTypeOf<ClientGrant>();
    expectTypeOf(grants.listPage()).resolves.toEqualTypeOf<ClientGrantPage>();
    expectTypeOf(grants.all()).toEqualTypeOf<AsyncGenerator<ClientGrant, void, undefined>>();
    expectTypeOf(grants.delete("cgr_1")).resolves.toBeVoid();
    expectTypeOf(grants.organizationsPage("cgr_1")).resolves.toEqualTypeOf<OrganizationPage>();
    expectTypeOf(grants.allOrganizations("cgr_1", { take: 10 })).toEqualTypeOf<AsyncGenerator<Organization, void, undefined>>();
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
    // @ts-expect-error subject_type is client, user or anonymous_user
    void grants.list({ subject_type: "robot" });
    // @ts-expect-error unknown field, whichever shape the query asks for
    void grants.list({ include_totals: true, audiences: ["https://a/"] });
    // @ts-expect-error unknown field
    void grants.organizations("cgr_1", { take: 10, audience: "https://a/" });
    // @ts-expect-error allow_any_organization filters on true only
    void grants.list({ allow_any_organization: false });
  });

  it("types grants.list() by the shape its query asks for", () => {
    expectTypeOf(grants.list()).resolves.toEqualTypeOf<ClientGrant[]>();
    expectTypeOf(grants.list({ audience: "https://a/", subject_type: "anonymous_user" })).resolves.toEqualTypeOf<ClientGrant[]>();
    expectTypeOf(grants.list({ include_totals: false, page: 1 })).resolves.toEqualTypeOf<ClientGrant[]>();
    expectTypeOf(grants.list({ include_totals: true, page: 0, per_page: 50 })).resolves.toEqualTypeOf<ClientGrantsWithTotals>();
    expectTypeOf(grants.list({ take: 10 })).resolves.toEqualTypeOf<ClientGrantsCheckpoint>();
    expectTypeOf(grants.list({ from: "cgr_1" })).resolves.toEqualTypeOf<ClientGrantsCheckpoint>();
    // Checkpoint paging answers without totals, whatever include_totals says.
    expectTypeOf(grants.list({ from: "cgr_1", take: 10, include_totals: true })).resolves.toEqualTypeOf<ClientGrantsCheckpoint>();
    // A query whose shape is only known at run time gets the union.
    const query: ListClientGrantsQuery = {};
    expectTypeOf(grants.list(query)).resolves.toEqualTypeOf<ListClientGrantsResponse>();
  });

  it("types grants.organizations() and listForOrganization() by the shape their query asks for", () => {
    expectTypeOf(grants.organizations("cgr_1")).resolves.toEqualTypeOf<Organization[]>();
    expectTypeOf(grants.organizations("cgr_1", { include_totals: true, per_page: 10 })).resolves.toEqualTypeOf<ClientGrantOrganizationsWithTotals>();
    expectTypeOf(grants.organizations("cgr_1", { from: "org_1", take: 10 })).resolves.toEqualTypeOf<ClientGrantOrganizationsCheckpoint>();
    const query: ListClientGrantOrganizationsQuery = {};
    expectTypeOf(grants.organizations("cgr_1", query)).resolves.toEqualTypeOf<ListClientGrantOrganizationsResponse>();
    expectTypeOf(grants.listForOrganization("org_1")).resolves.toEqualTypeOf<OrganizationClientGrant[]>();
    expectTypeOf(grants.listForOrganization("org_1", { include_totals: true })).resolves.toEqualTypeOf<OrganizationClientGrantsWithTotals>();
    expectTypeOf(grants.listForOrganization("org_1", { include_totals: Math.random() > 0.5 })).resolves.toEqualTypeOf<ListOrganizationClientGrantsResponse>();
  });

  it("lets each shape be read without narrowing", async () => {
    expectTypeOf((await grants.list({ include_totals: true, page: 0, per_page: 50 })).total).toEqualTypeOf<number>();
    expectTypeOf((await grants.list()).length).toEqualTypeOf<number>();
    expectTypeOf((await grants.list({ take: 50 })).next).toEqualTypeOf<string | undefined>();
    expectTypeOf((await grants.organizations("cgr_1", { include_totals: true })).organizations).toEqualTypeOf<Organization[]>();
    expectTypeOf((await grants.organizations("cgr_1"))[0]?.metadata).toEqualTypeOf<{ [key: string]: string | null } | undefined>();
  });

  it("lets PATCH clear fields with null", () => {
    expectTypeOf(grants.update).toBeCallableWith("cgr_1", { scope: null });
    expectTypeOf(grants.update).toBeCallableWith("cgr_1", { organization_usage: null, allow_any_organization: null, allow_all_scopes: null });
  });

  it("types the error with the documented fields", () => {
    expectTypeOf<ManagementApiError["status"]>().toEqualTypeOf<number>();
    expectTypeOf<ManagementApiError["body"]>().toEqualTypeOf<ManagementApiErrorBody>();
    // Each package's error body names its own vendor's shapes only.
    expectTypeOf<ManagementApiError["body"]>().toEqualTypeOf<ManagementErrorBody | Auth0TokenErrorBody | string | undefined>();
    expectTypeOf<ManagementApiError["body"]>().not.toBeUnknown();
    const body = {} as ManagementApiError["body"];
    if (typeof body === "object" && "statusCode" in body) expectTypeOf(body).toEqualTypeOf<ManagementErrorBody>();
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

describe("a strict consumer's code (exactOptionalPropertyTypes, as const) compiles without casts", () => {
  interface Config {
    baseUrl?: string | undefined;
    tokenUrl?: string | undefined;
    timeoutMs?: number | undefined;
    headers?: Record<string, string> | undefined;
    fetch?: typeof fetch | undefined;
    retry?: RetryOptions | undefined;
    audience?: string | undefined;
    perPage?: number | undefined;
    onPage?: ((progress: PageProgress) => void) | undefined;
  }
  const cfg: Config = {};
  const maybeSignal = undefined as AbortSignal | undefined;

  it("takes undefined for any option left out", () => {
    const { baseUrl, tokenUrl, timeoutMs, headers, fetch, retry } = cfg;
    createManagementClient({ domain: "d.auth0.com", baseUrl, tokenUrl, timeoutMs, headers, fetch, retry, token: "t" });
    createManagementClient({ domain: "d.auth0.com", clientCredentials: { clientId: "id", clientSecret: "secret", audience: cfg.audience } });
    createManagementClient({ domain: "d.auth0.com", token: "t", getToken: undefined, clientCredentials: undefined });
    createManagementClient({ domain: "d.auth0.com", token: "t", retry: { limit: cfg.perPage, baseDelayMs: undefined } });
    void grants.get("cgr_1", { signal: maybeSignal });
    void grants.all({ audience: cfg.audience }, { signal: maybeSignal, onPage: cfg.onPage });
    void grants.allOrganizations("cgr_1", { per_page: cfg.perPage }, { onPage: undefined });
    expectTypeOf(grants.list({ audience: cfg.audience, per_page: cfg.perPage })).resolves.toEqualTypeOf<ClientGrant[]>();
    void grants.create({ audience: "https://a/", client_id: cfg.audience, organization_usage: undefined });
    void grants.listForOrganization("org_1", { audience: cfg.audience, include_totals: undefined });
  });

  it("takes read-only lists", () => {
    const scope = ["read:invoices", "write:invoices"] as const;
    void grants.create({ audience: "https://a/", scope });
    void grants.update("cgr_1", { scope, authorization_details_types: ["payment"] as const });
    void grants.listForOrganization("org_1", { grant_ids: ["cgr_1", "cgr_2"] as const });
    createManagementClient({ domain: "d.auth0.com", token: "t", retry: { methods: ["GET"] as const, statusCodes: [503] as const } });
  });

  it("types a raw answer as the client's own type for the same schema", async () => {
    const { data } = await client.raw.GET("/client-grants/{id}", { params: { path: { id: "cgr_1" } } });
    expectTypeOf(data).toEqualTypeOf<ClientGrant | undefined>();
  });
});

describe("a client built on the core reads its types from its description", () => {
  it("infers the paths from the generated rules, the options and the location from locate", () => {
    type ReaderOptions = ClientOptions & AuthOptions<ClientCredentials> & { baseUrl: string };
    const locate = ({ baseUrl }: ReaderOptions) => ({ apiUrl: baseUrl, tokenEndpoint: undefined, region: "eu" as const });
    const built = createApiClient({ locate, retryMethods: ["GET"], requests: managementRequests }, { baseUrl: "https://a/", token: "t" });
    expectTypeOf(built.raw).toEqualTypeOf<RawClient<ManagementPaths>>();
    expectTypeOf(built.location.region).toEqualTypeOf<"eu">();
    // The options must be what locate takes, and carry one of the auth options.
    // @ts-expect-error baseUrl is missing
    createApiClient({ locate, retryMethods: ["GET"], requests: managementRequests }, { token: "t" });
  });
});
