import { startPrism, type PrismMock } from "@grantkit/tools/prism";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManagementClient, InvalidRequestError, ManagementApiError, type ManagementClient, type PageProgress } from "../src/index.js";

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
/** A client whose answers Prism takes from the named example of each operation. */
const answering = (example: string) =>
  createManagementClient({ baseUrl: prism.url, token: "t", retry: false, headers: { prefer: `example=${example}` } });

describe("client grants against the spec", () => {
  it("lists grants with totals, typed so", async () => {
    const answer = await client.clientGrants.list({ per_page: 2, include_totals: true, audience: "https://billing.example.com/" });
    expect([answer.start, answer.limit, answer.total]).toEqual([0, 2, 6]);
  });

  it("lists grants as a plain array by default", async () => {
    const grants = await answering("array").clientGrants.list();
    expect(grants.length).toBe(2);
  });

  it("filters grants by the anonymous_user subject type", async () => {
    await expect(client.clientGrants.list({ subject_type: "anonymous_user" })).resolves.toBeDefined();
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

  it("lists the organizations of a grant as a plain array by default", async () => {
    const organizations = await client.clientGrants.organizations(grantId);
    expect(organizations).toEqual([
      expect.objectContaining({ id: organizationId, metadata: { tier: "enterprise", region: null } }),
      expect.objectContaining({ id: "org_Yb7cK1mPqR9sT4vW", name: "globex" }),
    ]);
  });

  it("lists the organizations of a grant with totals, by page number", async () => {
    const answer = await answering("withTotals").clientGrants.organizations(grantId, { include_totals: true, page: 1, per_page: 2 });
    expect(answer.total).toBe(6);
    expect(answer.organizations.map((organization) => organization.name)).toEqual(["acme", "globex"]);
  });

  it("has the mock check the organization listing's page-number parameters (control for the test above)", async () => {
    // Prism lets unknown query parameters through, so a parameter's rule is what shows the spec knows it.
    const response = await fetch(`${prism.url}/client-grants/${grantId}/organizations?page=0&per_page=101`, {
      headers: { authorization: "Bearer t" },
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      validation: [expect.objectContaining({ location: ["query", "per_page"], code: "maximum" })],
    });
  });

  it("lists the organizations of a grant with a checkpoint", async () => {
    const answer = await answering("checkpoint").clientGrants.organizations(grantId, { from: organizationId, take: 2 });
    expect(answer.next).toBe("org_Yb7cK1mPqR9sT4vW");
    expect(answer.organizations.map((organization) => organization.name)).toEqual(["acme", "globex"]);
  });

  it("gives one page of a grant's organizations in the normalized shape, whichever shape came", async () => {
    const grants = (example: string) => answering(example).clientGrants;
    expect(await grants("array").organizationsPage(grantId)).toEqual({ items: [expect.objectContaining({ name: "acme" }), expect.objectContaining({ name: "globex" })] });
    expect(await grants("withTotals").organizationsPage(grantId, { include_totals: true, per_page: 2 })).toMatchObject({ total: 6 });
    expect(await grants("checkpoint").organizationsPage(grantId, { take: 2 })).toMatchObject({ next: "org_Yb7cK1mPqR9sT4vW" });
  });

  it("walks a grant's organizations by page number, stopping when a page repeats the previous one", async () => {
    const progress: PageProgress[] = [];
    const names: string[] = [];
    const walk = answering("withTotals").clientGrants.allOrganizations(grantId, { per_page: 2 }, { onPage: (p) => progress.push(p) });
    for await (const organization of walk) names.push(organization.name ?? "");
    // As for grants: the mock answers page 1 with page 0's example, so the walk stops at the repeat.
    expect(progress).toEqual([{ page: 1, fetched: 2, total: 6 }]);
    expect(names).toEqual(["acme", "globex"]);
  });

  it("walks a grant's organizations by checkpoint, following next", async () => {
    const from: (string | null)[] = [];
    const following: typeof fetch = (input, init) => {
      from.push(new URL(new Request(input, init).url).searchParams.get("from"));
      return fetch(input, init);
    };
    const grants = createManagementClient({
      baseUrl: prism.url,
      token: "t",
      fetch: following,
      headers: { prefer: "example=checkpoint" },
    }).clientGrants;
    const ids: string[] = [];
    for await (const organization of grants.allOrganizations(grantId, { take: 2 })) ids.push(organization.id);
    // The second page is asked for from the first page's `next`; it repeats the first, so the walk stops there.
    expect(from).toEqual([null, "org_Yb7cK1mPqR9sT4vW"]);
    expect(ids).toEqual([organizationId, "org_Yb7cK1mPqR9sT4vW"]);
  });

  it("assigns a grant to an organization, lists and removes it", async () => {
    const assigned = await client.clientGrants.assignToOrganization(organizationId, grantId);
    expect(assigned.id).toBe(grantId);
    const listed = await client.clientGrants.listForOrganization(organizationId, { per_page: 10, grant_ids: [grantId] });
    expect(listed[0]?.id).toBe(grantId);
    await expect(client.clientGrants.removeFromOrganization(organizationId, grantId)).resolves.toBeUndefined();
  });

  it("refuses an organization's grants filtered by more than 10 IDs or a 601-character audience, as the mock does", async () => {
    const grantIds = Array.from({ length: 11 }, (_, n) => `cgr_${n}`);
    const audience = `https://${"a".repeat(588)}.com/`;
    await expect(client.clientGrants.listForOrganization(organizationId, { grant_ids: grantIds })).rejects.toThrow(
      new InvalidRequestError("query.grant_ids must hold at most 10 items, got 11"),
    );
    await expect(client.clientGrants.listForOrganization(organizationId, { audience })).rejects.toThrow(
      new InvalidRequestError("query.audience must be a string of at most 600 characters, got 601 characters"),
    );
    // The rules are the spec's: sent anyway, the mock refuses the same requests.
    const path = `${prism.url}/organizations/${organizationId}/client-grants`;
    const headers = { authorization: "Bearer t" };
    const ids = new URLSearchParams(grantIds.map((id) => ["grant_ids", id]));
    expect((await fetch(`${path}?${ids}`, { headers })).status).toBe(422);
    expect((await fetch(`${path}?${new URLSearchParams({ audience })}`, { headers })).status).toBe(422);
  });

  it("reaches operations through the typed raw client", async () => {
    const { data } = await client.raw.GET("/client-grants/{id}", { params: { path: { id: grantId } } });
    expect(data?.id).toBe(grantId);
  });
});

describe("the lookups against the spec", () => {
  it("lists clients in each of the three shapes, and walks them", async () => {
    const clients = await answering("array").clients.list({ fields: "client_id,name", is_first_party: true });
    expect(clients.map((app) => app.name)).toEqual(["Invoice robot", "Partner portal"]);
    const withTotals = await answering("withTotals").clients.list({ include_totals: true, per_page: 2 });
    expect(withTotals.total).toBe(2);
    const checkpoint = await answering("checkpoint").clients.list({ take: 2 });
    expect(checkpoint.clients).toHaveLength(2);
    const walked: string[] = [];
    for await (const app of answering("checkpoint").clients.all({ app_type: "non_interactive" })) walked.push(app.client_id!);
    expect(walked).toEqual(["4Yf3vHvIkyUEoR1HXpVr0cFfaM8sFMPo", "9kQm2ZfRlD0wX5sBvT3yN8hJcP1uA6eG"]);
  });

  it("lists APIs by identifier with their scopes, and walks them by page number", async () => {
    const [billing] = await answering("array").resourceServers.list({ identifiers: ["https://billing.example.com/"] });
    expect(billing?.scopes?.map((scope) => scope.value)).toEqual(["read:invoices", "write:invoices"]);
    const page = await answering("withTotals").resourceServers.listPage({ include_totals: true });
    expect([page.items.length, page.total]).toEqual([2, 2]);
    const walked: string[] = [];
    const progress: PageProgress[] = [];
    const walk = answering("withTotals").resourceServers.all({}, { onPage: (p) => progress.push(p) });
    for await (const api of walk) walked.push(api.identifier);
    expect(walked).toEqual(["https://billing.example.com/", "https://example.us.auth0.com/api/v2/"]);
    expect(progress).toEqual([{ page: 1, fetched: 2, total: 2 }]);
  });

  it("gets an organization by its ID", async () => {
    await expect(client.organizations.get(organizationId)).resolves.toMatchObject({ id: organizationId, name: "acme" });
  });
});

describe("client credentials against the spec's token endpoint", () => {
  /** The access token of the spec's token example, which Prism answers with. */
  const PRISM_TOKEN =
    "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0WWYzdkh2SWt5VUVvUjFIWHBWcjBjRmZhTThzRk1Qb0BjbGllbnRzIn0.c2lnbmF0dXJl";
  const credentials = { clientId: "4Yf3vHvIkyUEoR1HXpVr0cFfaM8sFMPo", clientSecret: "s3cr3t-for-the-contract-test" };

  function recording(sent: { url: string; authorization: string | null; body: string }[]): typeof fetch {
    return async (input, init) => {
      const request = new Request(input, init);
      sent.push({ url: request.url, authorization: request.headers.get("authorization"), body: await request.clone().text() });
      return fetch(request);
    };
  }

  it("exchanges the credentials at tokenUrl (a body the spec accepts) and sends the token it gets", async () => {
    const sent: { url: string; authorization: string | null; body: string }[] = [];
    const m2m = createManagementClient({
      baseUrl: prism.url,
      tokenUrl: `${prism.url}/oauth/token`,
      clientCredentials: credentials,
      fetch: recording(sent),
      retry: false,
    });
    expect(await m2m.clientGrants.get(grantId)).toMatchObject({ id: grantId });
    expect(sent.map(({ url, authorization }) => [url, authorization])).toEqual([
      [`${prism.url}/oauth/token`, null],
      [`${prism.url}/client-grants/${grantId}`, `Bearer ${PRISM_TOKEN}`],
    ]);
    expect(JSON.parse(sent[0]!.body)).toMatchObject({ grant_type: "client_credentials", audience: `${prism.url}/` });
  });

  it("surfaces the token endpoint's 401 as a ManagementApiError that does not show the secret", async () => {
    const refused: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      if (request.url.endsWith("/oauth/token")) request.headers.set("prefer", "code=401");
      return fetch(request);
    };
    const m2m = createManagementClient({ baseUrl: prism.url, clientCredentials: credentials, fetch: refused, retry: false });
    const error = await m2m.clientGrants.get(grantId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ManagementApiError);
    expect(error).toMatchObject({ status: 401, method: "POST", error: "access_denied" });
    expect(JSON.stringify(error)).not.toContain(credentials.clientSecret);
    expect(String((error as Error).stack)).not.toContain(credentials.clientSecret);
  });

  it("rejects a token request that breaks the spec, which the client's own does not (control for the tests above)", async () => {
    const response = await fetch(`${prism.url}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ grant_type: "password", client_id: credentials.clientId, client_secret: credentials.clientSecret }),
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ validation: [expect.objectContaining({ location: ["body", "grant_type"] })] });
  });
});

describe("errors from the mock", () => {
  it("turns Prism's 422 for a request that breaks the spec into a typed error", async () => {
    // The client refuses such a request before sending it; a proxy on the way adds the typo here (the spec allows
    // no unknown properties).
    const typo: typeof fetch = (input, init) =>
      fetch(input, { ...init, body: JSON.stringify({ ...JSON.parse(String(init?.body)), scopes: ["read:invoices"] }) });
    const proxied = createManagementClient({ baseUrl: prism.url, token: "t", retry: false, fetch: typo });
    const error = await proxied.clientGrants.create({ audience: "https://billing.example.com/" }).catch((e: unknown) => e);
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

  it("retries a 429 whose reset has passed right away, limit times", async () => {
    let attempts = 0;
    const counting: typeof fetch = (input, init) => {
      attempts += 1;
      return fetch(input, init);
    };
    const limited = createManagementClient({
      baseUrl: prism.url,
      token: "t",
      fetch: counting,
      retry: { limit: 2 },
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
