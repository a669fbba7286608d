import { RedirectError as CoreRedirectError } from "@grantkit/client";
import { everythingShown } from "@grantkit/test-support/error-views";
import { redirect, serverPool } from "@grantkit/test-support/test-server";
import { afterEach, describe, expect, it } from "vitest";
import { createAdminClient, RedirectError } from "../src/index.js";
import { caught, createdClient, createdSecret, json, newClient } from "./support/server.js";

/**
 * The redirect policy of the admin client: Vantage's form token exchange follows no redirect, and an admin API call
 * follows redirects on its own origin only. (The policy itself is the core's, tested in @grantkit/client.)
 */
const CLIENT_SECRET = "s3cr3t &=+ redirected value";
const credentials = { clientId: "invoice-robot", clientSecret: CLIENT_SECRET };

const { serve, closeAll } = serverPool();
afterEach(closeAll);

/** Another origin that answers like the region would, and records whatever reaches it: nothing may. */
const otherOrigin = () =>
  serve((req, res) =>
    req.url.startsWith("/auth2/connect/token") ? json(res, 200, { access_token: "a-token-from-elsewhere", expires_in: 3600 })
    : json(res, 200, req.url.endsWith("/secrets/") ? createdSecret : createdClient),
  );

describe("the Vantage token endpoint answering a redirect", () => {
  for (const status of [307, 308, 302]) {
    it(`is refused on a ${status} to another origin: RedirectError, the form never sent there, the secret nowhere`, async () => {
      const other = await otherOrigin();
      const region = await serve((req, res) =>
        req.url === "/auth2/connect/token" ? redirect(res, status, `${other.url}/auth2/connect/token?echo=${encodeURIComponent(CLIENT_SECRET)}`) : json(res, 200, createdClient),
      );
      const admin = createAdminClient({ regionUrl: region.url, tenantId: "t1", clientCredentials: credentials, retry: { baseDelayMs: 1 } });
      const error = await caught(admin.clients.create(newClient));
      expect(error).toBeInstanceOf(RedirectError);
      expect(error).toMatchObject({ status, method: "POST", url: `${region.url}/auth2/connect/token`, location: `${other.url}/auth2/connect/token?echo=[redacted]` });
      expect(error.message).toBe(
        `POST ${region.url}/auth2/connect/token answered ${status} with a redirect to another origin (${other.url}), which grantkit does not follow: a token exchange follows no redirect`,
      );
      expect(other.received).toEqual([]);
      expect(region.received.map((r) => r.url)).toEqual(["/auth2/connect/token"]);
      const shown = everythingShown(error);
      for (const form of [CLIENT_SECRET, encodeURIComponent(CLIENT_SECRET), new URLSearchParams({ s: CLIENT_SECRET }).toString().slice(2)]) {
        expect(shown).not.toContain(form);
      }
    });
  }

  it("is refused on its own origin too", async () => {
    const region = await serve((req, res) =>
      req.url === "/auth2/connect/token" ? redirect(res, 308, "/auth2/connect/token/") : json(res, 200, { access_token: "a-token-from-elsewhere", expires_in: 3600 }),
    );
    const admin = createAdminClient({ regionUrl: region.url, tenantId: "t1", clientCredentials: credentials });
    const error = await caught(admin.secrets.create("invoice-robot"));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 308, location: `${region.url}/auth2/connect/token/` });
    expect(region.received).toHaveLength(1);
  });
});

describe("an admin API call redirected", () => {
  it("to another origin is a RedirectError, its body never sent there", async () => {
    const other = await otherOrigin();
    const region = await serve((req, res) => redirect(res, 307, `${other.url}${req.url}`));
    const admin = createAdminClient({ regionUrl: region.url, tenantId: "t1", token: "a-fixed-admin-token" });
    const error = await caught(admin.clients.create(newClient));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.message).toBe(
      `POST ${region.url}/api/adminapi2/v1/tenants/t1/clients/ answered 307 with a redirect to another origin (${other.url}), which grantkit does not follow: a call follows redirects on its own origin only`,
    );
    expect(other.received).toEqual([]);
    expect(region.received).toHaveLength(1);
  });

  it("on its own origin is followed with its body (307)", async () => {
    const region = await serve((req, res) => (req.url.startsWith("/moved") ? json(res, 201, createdClient) : redirect(res, 307, `/moved${req.url}`)));
    const admin = createAdminClient({ regionUrl: region.url, tenantId: "t1", token: "a-fixed-admin-token" });
    expect((await admin.clients.create(newClient)).clientId).toBe(newClient.clientId);
    expect(region.received.map((r) => [r.method, JSON.parse(r.body).clientId, r.headers.authorization])).toEqual([
      ["POST", newClient.clientId, "Bearer a-fixed-admin-token"],
      ["POST", newClient.clientId, "Bearer a-fixed-admin-token"],
    ]);
  });
});

describe("RedirectError", () => {
  it("is the core's class, so instanceof works across both packages", () => {
    expect(RedirectError).toBeTypeOf("function");
    expect(RedirectError).toBe(CoreRedirectError);
  });
});
