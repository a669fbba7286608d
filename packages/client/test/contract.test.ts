import { startPrism, type PrismMock } from "@grantkit/tools/prism";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManagementClient, ManagementApiError, type ManagementClient, type PageProgress } from "../src/index.js";

// Every call here goes to a real Prism mock started from openapi/management.yaml, which validates each request
// against the spec and answers with the spec's examples.
let prism: PrismMock;
let client: ManagementClient;
beforeAll(async () => {
  prism = await startPrism("management");
  client = createManagementClient({ baseUrl: prism.url, token: "contract-test-token", retry: false });
});
afterAll(() => prism?.stop());

const grantId = "cgr_4pI9a42haOLLWnwq";
const organizationId = "org_W3fQ8nTzxRk2Lp0a";

describe("client grants against the spec", () => {
  it("lists grants", async () => {
    const answer = await client.clientGrants.list({ per_page: 2, include_totals: true, audience: "https://billing.example.com/" });
    expect(answer).toMatchObject({ start: 0, limit: 2, total: 6 });
  });

  it("lists one page in the normalized shape", async () => {
    const page = await client.clientGrants.listPage({ per_page: 2, include_totals: true });
    expect(page.items.map((grant) => grant.id)).toEqual([grantId, "cgr_8XZRs2aVx1BtN7Pq"]);
    expect(page.total).toBe(6);
  });

  it("walks pages with page numbers, and stops when a page repeats the previous one", async () => {
    const progress: PageProgress[] = [];
    const ids: string[] = [];
    for await (const grant of client.clientGrants.all({ per_page: 2 }, { onPage: (p) => progress.push(p) })) ids.push(grant.id);
    // The mock is not query-aware: it answers page 1 with the same example as page 0, as a server that ignores
    // `page` would. The walk reads the second page, sees the repeat, and stops instead of looping to the total;
    // the repeated page is neither reported nor yielded.
    expect(progress).toEqual([{ page: 1, fetched: 2, total: 6 }]);
    expect(ids).toHaveLength(2);
  });

  it("creates a grant", async () => {
    const grant = await client.clientGrants.create({
      client_id: "4Yf3vHvIkyUEoR1HXpVr0cFfaM8sFMPo",
      audience: "https://billing.example.com/",
      scope: ["read:invoices", "write:invoices"],
      organization_usage: "allow",
      subject_type: "client",
    });
    expect(grant).toMatchObject({ id: grantId, audience: "https://billing.example.com/" });
  });

  it("creates a default grant for third-party clients", async () => {
    const grant = await client.clientGrants.create({ audience: "https://billing.example.com/", default_for: "third_party_clients" });
    expect(grant.id).toBe(grantId);
  });

  it("gets a grant", async () => {
    expect(await client.clientGrants.get(grantId)).toMatchObject({ id: grantId, scope: ["read:invoices", "write:invoices"] });
  });

  it("updates a grant, clearing fields with null", async () => {
    const grant = await client.clientGrants.update(grantId, { scope: null, organization_usage: null, allow_all_scopes: true });
    expect(grant.id).toBe(grantId);
  });

  it("deletes a grant", async () => {
    await expect(client.clientGrants.delete(grantId)).resolves.toBeUndefined();
  });

  it("lists the organizations of a grant", async () => {
    const organizations = await client.clientGrants.organizations(grantId);
    expect(organizations).toEqual([expect.objectContaining({ name: "acme" }), expect.objectContaining({ name: "globex" })]);
  });

  it("assigns a grant to an organization, lists and removes it", async () => {
    const assigned = await client.clientGrants.assignToOrganization(organizationId, grantId);
    expect(assigned.id).toBe(grantId);
    const listed = await client.clientGrants.listForOrganization(organizationId, { per_page: 10, grant_ids: [grantId] });
    expect(Array.isArray(listed) ? listed[0]?.id : listed.client_grants[0]?.id).toBe(grantId);
    await expect(client.clientGrants.removeFromOrganization(organizationId, grantId)).resolves.toBeUndefined();
  });

  it("reaches operations through the typed raw client", async () => {
    const { data } = await client.raw.GET("/client-grants/{id}", { params: { path: { id: grantId } } });
    expect(data?.id).toBe(grantId);
  });
});

describe("errors from the mock", () => {
  it("turns Prism's 422 for a request that breaks the spec into a typed error", async () => {
    // A typo a JavaScript caller could make: the spec allows no unknown properties.
    const body = { audience: "https://billing.example.com/", scopes: ["read:invoices"] } as never;
    const error = await client.clientGrants.create(body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ManagementApiError);
    expect(error).toMatchObject({ status: 422, method: "POST", path: "/client-grants" });
    expect((error as ManagementApiError).message).toMatch(/422 Invalid request: .*additional properties/i);
  });

  it("surfaces the documented 429 with its rate-limit info", async () => {
    const limited = createManagementClient({ baseUrl: prism.url, token: "t", retry: false, headers: { prefer: "code=429" } });
    const error = await limited.clientGrants.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ManagementApiError);
    expect(error).toMatchObject({
      status: 429,
      error: "Too Many Requests",
      errorCode: "too_many_requests",
      rateLimit: { limit: 50, remaining: 0, resetAt: new Date(1764000000 * 1000) },
    });
  });

  it("retries a 429 whose reset has passed right away, maxRetries times", async () => {
    let attempts = 0;
    const counting: typeof fetch = (input, init) => {
      attempts += 1;
      return fetch(input, init);
    };
    const limited = createManagementClient({
      baseUrl: prism.url,
      token: "t",
      fetch: counting,
      retry: { maxRetries: 2 },
      headers: { prefer: "code=429" },
    });
    await expect(limited.clientGrants.get(grantId)).rejects.toMatchObject({ status: 429 });
    expect(attempts).toBe(3);
  });

  it("types a 404 from its own documented body, not the first error status's", async () => {
    const missing = createManagementClient({ baseUrl: prism.url, token: "t", headers: { prefer: "code=404" } });
    const error = await missing.clientGrants.get("cgr_missing").catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, error: "Not Found", errorCode: "inexistent_client_grant" });
    expect((error as ManagementApiError).body).toEqual({
      statusCode: 404,
      error: "Not Found",
      message: "The client grant does not exist.",
      errorCode: "inexistent_client_grant",
    });
  });
});
