import { describe, expectTypeOf, it } from "vitest";
import type {
  TenantClient,
  AdminComponents,
  AllowedScopes,
  ManagementApiErrorBody,
  AdminApiErrorBody,
  ClientGrant,
  ClientSecret,
  CreateTenantClientRequest,
  CreateClientGrantRequest,
  ListClientGrantOrganizationsResponse,
  ListClientGrantsQuery,
  ListClientGrantsResponse,
  ListOrganizationClientGrantsResponse,
  ManagementComponents,
  ManagementErrorBody,
  Organization,
  OrganizationClientGrant,
  UpdateClientGrantRequest,
} from "../src/index.js";

type Schemas = ManagementComponents["schemas"];

describe("management types", () => {
  it("require audience, and only audience, on create", () => {
    expectTypeOf<CreateClientGrantRequest["audience"]>().toEqualTypeOf<string>();
    expectTypeOf<{ audience: string }>().toExtend<CreateClientGrantRequest>();
    expectTypeOf<{ client_id: string }>().not.toExtend<CreateClientGrantRequest>();
  });

  it("carry the enums", () => {
    expectTypeOf<ClientGrant["organization_usage"]>().toEqualTypeOf<"deny" | "allow" | "require" | undefined>();
    expectTypeOf<ClientGrant["subject_type"]>().toEqualTypeOf<"client" | "user" | "anonymous_user" | undefined>();
    expectTypeOf<CreateClientGrantRequest["default_for"]>().toEqualTypeOf<"third_party_clients" | undefined>();
    expectTypeOf<ListClientGrantsQuery["allow_any_organization"]>().toEqualTypeOf<true | undefined>();
  });

  it("let PATCH clear nullable fields with null", () => {
    expectTypeOf<{ scope: null }>().toExtend<UpdateClientGrantRequest>();
    expectTypeOf<{ organization_usage: null }>().toExtend<UpdateClientGrantRequest>();
    expectTypeOf<{ allow_any_organization: null }>().toExtend<UpdateClientGrantRequest>();
    expectTypeOf<{ allow_all_scopes: null }>().toExtend<UpdateClientGrantRequest>();
    expectTypeOf<{ authorization_details_types: null }>().not.toExtend<UpdateClientGrantRequest>();
    expectTypeOf<{ audience: string }>().not.toExtend<UpdateClientGrantRequest>();
  });

  it("type the list answer as its three shapes", () => {
    expectTypeOf<ClientGrant[]>().toExtend<ListClientGrantsResponse>();
    expectTypeOf<{ start: number; limit: number; total: number; client_grants: ClientGrant[] }>().toExtend<ListClientGrantsResponse>();
    expectTypeOf<{ next: string; client_grants: ClientGrant[] }>().toExtend<ListClientGrantsResponse>();
  });

  it("type a grant's organizations as the same three shapes", () => {
    expectTypeOf<Organization[]>().toExtend<ListClientGrantOrganizationsResponse>();
    expectTypeOf<{ start: number; limit: number; total: number; organizations: Organization[] }>().toExtend<ListClientGrantOrganizationsResponse>();
    expectTypeOf<{ next: string; organizations: Organization[] }>().toExtend<ListClientGrantOrganizationsResponse>();
    expectTypeOf<{ next: string; client_grants: OrganizationClientGrant[] }>().not.toExtend<ListOrganizationClientGrantsResponse>();
  });

  it("type an organization as the vendor documents it: only id required, metadata values string or null", () => {
    expectTypeOf<{ id: string }>().toExtend<Organization>();
    expectTypeOf<Organization["metadata"]>().toEqualTypeOf<{ [key: string]: string | null } | undefined>();
    expectTypeOf<Organization["third_party_client_access"]>().toEqualTypeOf<"block" | "allow" | undefined>();
    expectTypeOf<NonNullable<Organization["token_quota"]>["client_credentials"]["per_day"]>().toEqualTypeOf<number | undefined>();
  });

  it("name each record, the same type as the generated one", () => {
    expectTypeOf<ClientGrant>().toEqualTypeOf<Schemas["ClientGrant"]>();
    expectTypeOf<Organization>().toEqualTypeOf<Schemas["Organization"]>();
    // The named unions hold the generated ones' shapes, no more and no fewer.
    expectTypeOf<ListClientGrantsResponse>().toExtend<Schemas["ListClientGrantsResponse"]>();
    expectTypeOf<Schemas["ListClientGrantsResponse"]>().toExtend<ListClientGrantsResponse>();
    expectTypeOf<ListClientGrantOrganizationsResponse>().toExtend<Schemas["ListClientGrantOrganizationsResponse"]>();
    expectTypeOf<Schemas["ListClientGrantOrganizationsResponse"]>().toExtend<ListClientGrantOrganizationsResponse>();
    expectTypeOf<ListOrganizationClientGrantsResponse>().toExtend<Schemas["ListOrganizationClientGrantsResponse"]>();
    expectTypeOf<Schemas["ListOrganizationClientGrantsResponse"]>().toExtend<ListOrganizationClientGrantsResponse>();
  });

  it("take undefined for an optional field of a request or query, and read-only lists", () => {
    const scope = ["read:invoices", "write:invoices"] as const;
    const description: string | undefined = undefined;
    expectTypeOf({ audience: "https://a/", client_id: description, scope }).toExtend<CreateClientGrantRequest>();
    expectTypeOf({ scope, organization_usage: undefined }).toExtend<UpdateClientGrantRequest>();
    expectTypeOf({ audience: description, per_page: undefined }).toExtend<ListClientGrantsQuery>();
    // A required field still takes only its own type.
    expectTypeOf({ audience: description }).not.toExtend<CreateClientGrantRequest>();
    // null clears a field of an update; undefined leaves it out; neither is an empty list.
    expectTypeOf<UpdateClientGrantRequest["scope"]>().toEqualTypeOf<readonly string[] | null | undefined>();
  });

  it("make errorCode the only optional member of the error body", () => {
    expectTypeOf<ManagementErrorBody>().toEqualTypeOf<{ statusCode: number; error: string; message: string; errorCode?: string }>();
  });
});

describe("admin types", () => {
  it("type allowedScopes to the one allowed value", () => {
    expectTypeOf<AllowedScopes>().toEqualTypeOf<["openid", "permissions", "publicapi.all"]>();
    expectTypeOf<{ clientId: string; clientName: string; allowedScopes: ["openid"] }>().not.toExtend<CreateTenantClientRequest>();
  });

  it("take allowedScopes as a read-only list (as const), and type answers as the JSON list they are", () => {
    const allowedScopes = ["openid", "permissions", "publicapi.all"] as const;
    expectTypeOf({ clientId: "a", clientName: "A", allowedScopes }).toExtend<CreateTenantClientRequest>();
    expectTypeOf<TenantClient["allowedScopes"]>().toEqualTypeOf<("openid" | "permissions" | "publicapi.all")[] | undefined>();
    expectTypeOf<Omit<TenantClient, "allowedScopes">>().toEqualTypeOf<Omit<AdminComponents["schemas"]["Client"], "allowedScopes">>();
  });

  it("require a client's id, name and scopes", () => {
    expectTypeOf<CreateTenantClientRequest["clientId"]>().toEqualTypeOf<string>();
    expectTypeOf<CreateTenantClientRequest["clientName"]>().toEqualTypeOf<string>();
    expectTypeOf<CreateTenantClientRequest["allowRopc"]>().toEqualTypeOf<boolean | undefined>();
  });

  it("carry the secret value and its display", () => {
    expectTypeOf<ClientSecret["value"]>().toEqualTypeOf<string>();
    expectTypeOf<ClientSecret["valueDisplay"]>().toEqualTypeOf<string>();
    expectTypeOf<ClientSecret["description"]>().toEqualTypeOf<string | undefined>();
  });
});

describe("the error bodies", () => {
  it("are each vendor's documented shapes, a text, or nothing", () => {
    expectTypeOf<ManagementApiErrorBody>().toEqualTypeOf<
      ManagementErrorBody | { error: string; error_description?: string } | string | undefined
    >();
    expectTypeOf<AdminApiErrorBody>().toEqualTypeOf<
      AdminComponents["schemas"]["ProblemDetails"] | { error: string; error_description?: string } | string | undefined
    >();
  });
});
