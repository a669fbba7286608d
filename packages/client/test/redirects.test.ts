import { everythingShown } from "@grantkit/test-support/error-views";
import { redirect, serverPool } from "@grantkit/test-support/test-server";
import { afterEach, describe, expect, it } from "vitest";
import { createManagementClient, RedirectError, type ManagementClientOptions } from "../src/index.js";
import { caught, grant, json } from "./support/server.js";

/**
 * The redirect policy where the Auth0 client meets it: its token exchange follows no redirect (its body is the client
 * secret, which fetch sends again on a 307 or 308, to any origin), and `raw` calls follow the API calls' policy
 * whatever their init says. Each refusal is a RedirectError that shows no credential. (The API calls' policy itself,
 * own origin only and at most 5: test/core/redirects.test.ts.)
 */
const TOKEN = "eyJ.tok_Redirected-Bearer.sig";
const CLIENT_SECRET = "cs_REDIRECTED+CLIENT/SECRET=42";

const { serve, closeAll } = serverPool();
afterEach(closeAll);

/** Another origin that answers like the tenant would, and records whatever reaches it: nothing may. */
const otherOrigin = () =>
  serve((req, res) =>
    req.url.endsWith("/oauth/token") ? json(res, 200, { access_token: "a-token-from-elsewhere", expires_in: 3600 }) : json(res, 200, grant),
  );

const tokenClient = (url: string, options: Partial<ManagementClientOptions> = {}) =>
  createManagementClient({ baseUrl: url, token: TOKEN, retry: { baseDelayMs: 1 }, ...options } as ManagementClientOptions);

const credentialsClient = (url: string, options: Partial<ManagementClientOptions> = {}) =>
  createManagementClient({
    baseUrl: `${url}/api/v2`,
    tokenUrl: `${url}/oauth/token`,
    clientCredentials: { clientId: "m2m-app", clientSecret: CLIENT_SECRET },
    retry: { baseDelayMs: 1 },
    ...options,
  } as ManagementClientOptions);

function expectNoCredentialShown(error: unknown) {
  const shown = everythingShown(error);
  for (const credential of [TOKEN, CLIENT_SECRET, encodeURIComponent(CLIENT_SECRET)]) expect(shown).not.toContain(credential);
}

describe("a token endpoint that answers a redirect", () => {
  for (const status of [307, 308, 302]) {
    it(`is refused on a ${status} to another origin: RedirectError, nothing sent there, no retry, the secret nowhere`, async () => {
      const other = await otherOrigin();
      // A hostile endpoint may echo the secret into the Location: the error shows it redacted.
      const location = `${other.url}/oauth/token?stolen=${encodeURIComponent(CLIENT_SECRET)}`;
      const tenant = await serve((req, res) => (req.url === "/oauth/token" ? redirect(res, status, location) : json(res, 200, grant)));
      const error = await caught(credentialsClient(tenant.url).clientGrants.get(grant.id));
      expect(error).toBeInstanceOf(RedirectError);
      expect(error).toMatchObject({
        status,
        method: "POST",
        url: `${tenant.url}/oauth/token`,
        location: `${other.url}/oauth/token?stolen=[redacted]`,
        message: `POST ${tenant.url}/oauth/token answered ${status} with a redirect to another origin (${other.url}), which grantkit does not follow: a token exchange follows no redirect`,
      });
      expect(other.received).toEqual([]);
      expect(tenant.received.map((r) => r.url)).toEqual(["/oauth/token"]);
      expectNoCredentialShown(error);
    });
  }

  it("is refused on its own origin too: the endpoint named is the one that issues the token", async () => {
    const tenant = await serve((req, res) =>
      req.url === "/oauth/token" ? redirect(res, 307, "/oauth/token/v2") : json(res, 200, { access_token: "a-token-from-elsewhere", expires_in: 3600 }),
    );
    const error = await caught(credentialsClient(tenant.url).clientGrants.get(grant.id));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.message).toBe(
      `POST ${tenant.url}/oauth/token answered 307 with a redirect to ${tenant.url}/oauth/token/v2, which grantkit does not follow: a token exchange follows no redirect`,
    );
    expect(tenant.received.map((r) => r.url)).toEqual(["/oauth/token"]);
  });

  it("is refused when a custom fetch followed it by itself, and the token from elsewhere is never used", async () => {
    const other = await otherOrigin();
    const tenant = await serve((req, res) => (req.url === "/oauth/token" ? redirect(res, 307, `${other.url}/oauth/token`) : json(res, 200, grant)));
    const following: typeof fetch = (input, init) => fetch(input, { ...init, redirect: "follow" });
    const error = await caught(credentialsClient(tenant.url, { fetch: following }).clientGrants.get(grant.id));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 0, location: `${other.url}/oauth/token` });
    expect(error.message).toBe(
      `POST ${tenant.url}/oauth/token was redirected by its fetch to another origin (${other.url}), which grantkit does not follow: a token exchange follows no redirect`,
    );
    expect(tenant.received.map((r) => r.url)).toEqual(["/oauth/token"]);
    expectNoCredentialShown(error);
  });
});

describe("a raw call redirected to another origin", () => {
  it("is refused although its init asks fetch to follow redirects", async () => {
    const other = await otherOrigin();
    const tenant = await serve((req, res) => redirect(res, 307, `${other.url}${req.url}`));
    const call = tokenClient(tenant.url).raw.GET("/client-grants/{id}", { params: { path: { id: grant.id } }, redirect: "follow" });
    await expect(call).rejects.toBeInstanceOf(RedirectError);
    expect(other.received).toEqual([]);
  });
});

describe("every request", () => {
  it('is sent with redirect: "manual", whatever a raw call\'s init says', async () => {
    const modes: unknown[] = [];
    const recording: typeof fetch = async (_input, init) => (modes.push(init?.redirect), Response.json(grant));
    const client = createManagementClient({ baseUrl: "https://example.us.auth0.com/api/v2", token: TOKEN, fetch: recording });
    await client.clientGrants.get(grant.id);
    await client.raw.GET("/client-grants/{id}", { params: { path: { id: grant.id } }, redirect: "follow" });
    expect(modes).toEqual(["manual", "manual"]);
  });
});
