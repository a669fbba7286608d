import { everythingShown } from "@grantkit/test-support/error-views";
import { caught, json, redirect, serverPool } from "@grantkit/test-support/test-server";
import { afterEach, describe, expect, it } from "vitest";
import { RedirectError, TimeoutError } from "../../src/core/index.js";
import { createThingsClient, thing, type ThingsClientOptions } from "./support/things-api.js";

/**
 * The redirect policy of API calls, as a client built on the core meets it: a call follows a few redirects on its
 * own origin only (fetch would resolve with another origin's answer as if it were the API's), with fetch's method
 * rules; each refusal is a RedirectError that shows no credential. (A token exchange follows none: the Auth0 client's
 * test/redirects.test.ts.)
 */
const TOKEN = "eyJ.tok_Redirected-Bearer.sig";

const { serve, closeAll } = serverPool();
afterEach(closeAll);

/** Another origin that answers like the API would, and records whatever reaches it: nothing may. */
const otherOrigin = () => serve((_req, res) => json(res, 200, thing));

const tokenClient = (url: string, options: Partial<ThingsClientOptions> = {}) =>
  createThingsClient({ baseUrl: url, token: TOKEN, retry: { baseDelayMs: 1 }, ...options } as ThingsClientOptions);

function expectNoCredentialShown(error: unknown) {
  expect(everythingShown(error)).not.toContain(TOKEN);
}

describe("an API call redirected to another origin", () => {
  for (const [method, status] of [["GET", 302], ["GET", 307], ["GET", 308], ["POST", 307], ["POST", 308]] as const) {
    it(`is refused for a ${method} answered ${status}: RedirectError, nothing sent there, no retry`, async () => {
      const other = await otherOrigin();
      const tenant = await serve((req, res) => redirect(res, status, `${other.url}${req.url}?token=${TOKEN}`));
      const client = tokenClient(tenant.url);
      const call = method === "GET" ? client.get(thing.id) : client.create({ name: "a thing" });
      const error = await caught(call);
      expect(error).toBeInstanceOf(RedirectError);
      const path = method === "GET" ? `/things/${thing.id}` : "/things";
      expect(error).toMatchObject({ status, method, location: `${other.url}${path}?token=[redacted]` });
      expect(error.message).toBe(
        `${method} ${tenant.url}${path} answered ${status} with a redirect to another origin (${other.url}), which grantkit does not follow: a call follows redirects on its own origin only`,
      );
      expect(other.received).toEqual([]);
      expect(tenant.received).toHaveLength(1);
      expectNoCredentialShown(error);
    });
  }

  it("is refused on another port of the same host: an origin is scheme, host and port", async () => {
    const other = await otherOrigin();
    const tenant = await serve((req, res) => redirect(res, 307, `${other.url}${req.url}`));
    await expect(tokenClient(tenant.url).get(thing.id)).rejects.toBeInstanceOf(RedirectError);
    expect(new URL(other.url).hostname).toBe(new URL(tenant.url).hostname);
    expect(other.received).toEqual([]);
  });

  it("is refused after a first redirect on its own origin", async () => {
    const other = await otherOrigin();
    const tenant = await serve((req, res) => redirect(res, 302, req.url.startsWith("/moved") ? `${other.url}/x` : `/moved${req.url}`));
    const error = await caught(tokenClient(tenant.url).get(thing.id));
    expect(error).toMatchObject({ status: 302, method: "GET", url: `${tenant.url}/moved/things/${thing.id}` });
    expect(error).toBeInstanceOf(RedirectError);
    expect(tenant.received).toHaveLength(2);
    expect(other.received).toEqual([]);
  });

  it("is refused when a custom fetch followed it by itself: the other origin's answer is never returned", async () => {
    const other = await otherOrigin();
    const tenant = await serve((req, res) => redirect(res, 307, `${other.url}${req.url}`));
    const following: typeof fetch = (input, init) => fetch(input, { ...init, redirect: "follow" });
    const error = await caught(tokenClient(tenant.url, { fetch: following }).get(thing.id));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 0, location: `${other.url}/things/${thing.id}` });
    expect(error.message).toBe(
      `GET ${tenant.url}/things/${thing.id} was redirected by its fetch to another origin (${other.url}), which grantkit does not follow: a call follows redirects on its own origin only`,
    );
  });
});

describe("a redirect on the API's own origin", () => {
  for (const status of [301, 302, 307, 308]) {
    it(`is followed for a GET answered ${status}, with the token, and resolves with the final answer`, async () => {
      const tenant = await serve((req, res) => (req.url.startsWith("/moved") ? json(res, 200, thing) : redirect(res, status, `/moved${req.url}`)));
      expect(await tokenClient(tenant.url).get(thing.id)).toEqual(thing);
      expect(tenant.received.map((r) => [r.method, r.url, r.headers.authorization])).toEqual([
        ["GET", `/things/${thing.id}`, `Bearer ${TOKEN}`],
        ["GET", `/moved/things/${thing.id}`, `Bearer ${TOKEN}`],
      ]);
    });
  }

  it("follows an absolute Location on the same origin", async () => {
    const tenant = await serve((req, res) => (req.url.startsWith("/moved") ? json(res, 200, thing) : redirect(res, 307, `${tenant.url}/moved${req.url}`)));
    expect(await tokenClient(tenant.url).get(thing.id)).toEqual(thing);
  });

  for (const [status, method] of [[303, "POST"], [303, "PATCH"], [302, "POST"], [301, "POST"]] as const) {
    it(`turns a ${method} answered ${status} into a GET without a body, as fetch does`, async () => {
      const tenant = await serve((req, res) => (req.url.startsWith("/moved") ? json(res, 200, thing) : redirect(res, status, `/moved${req.url}`)));
      const client = tokenClient(tenant.url);
      await (method === "POST" ? client.create({ name: "a thing" }) : client.update(thing.id, { name: "renamed" }));
      const [sent, followed] = tenant.received;
      expect(sent).toMatchObject({ method, headers: { "content-type": "application/json" } });
      expect(followed).toMatchObject({ method: "GET", body: "", headers: { authorization: `Bearer ${TOKEN}` } });
      expect(followed!.headers["content-type"]).toBeUndefined();
      expect(tenant.received).toHaveLength(2);
    });
  }

  it("keeps a PATCH answered 302 a PATCH with its body (only a POST becomes a GET)", async () => {
    const tenant = await serve((req, res) => (req.url.startsWith("/moved") ? json(res, 200, thing) : redirect(res, 302, `/moved${req.url}`)));
    await tokenClient(tenant.url).update(thing.id, { name: "renamed" });
    expect(tenant.received.map((r) => [r.method, r.body])).toEqual([
      ["PATCH", '{"name":"renamed"}'],
      ["PATCH", '{"name":"renamed"}'],
    ]);
  });

  it("is followed 5 times at most: a loop is a RedirectError after 5 hops", async () => {
    const tenant = await serve((_req, res, n) => redirect(res, 302, `/things/hop-${n + 1}`));
    const error = await caught(tokenClient(tenant.url).get(thing.id));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 302, url: `${tenant.url}/things/hop-5`, location: `${tenant.url}/things/hop-6` });
    expect(error.message).toBe(
      `GET ${tenant.url}/things/hop-5 answered 302 with a redirect to ${tenant.url}/things/hop-6, which grantkit does not follow: a call follows at most 5 redirects`,
    );
    // The call and 5 redirects, in one attempt: a RedirectError is not retried.
    expect(tenant.received).toHaveLength(6);
  });

  it("shares the attempt's timeoutMs between its hops", async () => {
    const tenant = await serve((req, res) => setTimeout(() => redirect(res, 307, `${req.url}/again`), 80));
    const error = await caught(tokenClient(tenant.url, { timeoutMs: 300, retry: false }).get(thing.id));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(tenant.received.length).toBeLessThanOrEqual(4);
  });

  for (const [what, location] of [["no Location", undefined], ["a Location that is not a URL", "http://[::1"], ["a Location with a password", "http://user:pass@127.0.0.1/x"]] as const) {
    it(`is a RedirectError for a 3xx with ${what}`, async () => {
      const tenant = await serve((_req, res) => redirect(res, 302, location));
      const error = await caught(tokenClient(tenant.url).get(thing.id));
      expect(error).toBeInstanceOf(RedirectError);
      expect(error).toMatchObject({ status: 302, location: undefined });
      expect(error.message).toBe(
        `GET ${tenant.url}/things/${thing.id} answered 302 without a usable Location, which grantkit does not follow: a redirect must name a URL without a user name or password`,
      );
      expect(error.message).not.toContain("user:pass");
    });
  }

  it("is a RedirectError for a 3xx that fetch does not follow (300), Location or not", async () => {
    const tenant = await serve((req, res) => redirect(res, 300, `/moved${req.url}`));
    const error = await caught(tokenClient(tenant.url).get(thing.id));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 300 });
    expect(tenant.received).toHaveLength(1);
  });

  it("cancels the body of a redirect answer it does not return", async () => {
    let cancelled = 0;
    let chunks = 0;
    const bodyToCancel = () =>
      new ReadableStream({
        pull: (controller) => (++chunks > 100 ? controller.close() : controller.enqueue(new Uint8Array(1024))),
        cancel: () => void (cancelled += 1),
      });
    let n = 0;
    const fetchRedirectingOnce: typeof fetch = async (input) =>
      n++ === 0 ? new Response(bodyToCancel(), { status: 307, headers: { location: `${String(input)}/moved` } }) : Response.json(thing);
    const client = createThingsClient({ baseUrl: "https://things.example/api", token: TOKEN, fetch: fetchRedirectingOnce });
    expect(await client.get(thing.id)).toEqual(thing);
    expect(cancelled).toBe(1);
  });
});

describe("a redirect in a browser", () => {
  it("is a RedirectError: fetch hides where an opaque redirect points, and the clients follow none", async () => {
    // What a browser's fetch resolves with for `redirect: "manual"`; Node cannot make one, so it is dressed up.
    const opaqueRedirect = () => {
      const response = new Response(null, { status: 200 });
      return Object.defineProperties(response, { type: { value: "opaqueredirect" }, status: { value: 0 }, ok: { value: false } });
    };
    const client = createThingsClient({ baseUrl: "https://things.example/api", token: TOKEN, fetch: async () => opaqueRedirect() });
    const error = await caught(client.get(thing.id));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 0, location: undefined });
    expect(error.message).toBe(
      `GET https://things.example/api/things/${thing.id} answered with a redirect whose target the browser hides (an opaque redirect), which grantkit does not follow: in a browser, the clients follow no redirect`,
    );
  });
});
