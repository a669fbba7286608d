#!/usr/bin/env node
// @ts-check
// Runs both clients in a real browser. A page on one loopback origin (bundling the built packages) calls Prism mocks
// on others: directly, through a proxy with the CORS policy the README recommends, and through proxies that expose no
// rate-limit headers or refuse the `authorization` header, and an API that answers with redirects. Each scenario must
// end as expected; any other end fails.
import { chromium } from "playwright-core";
import { startPrism } from "../prism.mjs";
import { CHROMIUM_ARGS, findChromium } from "./chromium.mjs";
import { startCorsProxy } from "./cors-proxy.mjs";
import { startPageServer } from "./page-server.mjs";
import { startRedirectingServer } from "./redirecting-server.mjs";

const TOKEN = "browser-check-token-5f0c";
const CLIENT_SECRET = "browser-check-secret-91ad";
/** The headers the README's browser section tells a proxy to allow and to expose. */
const RECOMMENDED = {
  allowHeaders: ["authorization", "content-type"],
  exposeHeaders: ["x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset", "retry-after"],
};

/** @type {{ stop: () => Promise<unknown> }[]} */
const running = [];
/** @template {{ stop: () => Promise<unknown> }} T @param {Promise<T>} starting */
const track = (starting) =>
  starting.then((service) => {
    running.push(service);
    return service;
  });

/** @param {unknown} value @param {string} what */
function expectThat(value, what) {
  if (!value) throw new Error(what);
}

let failed = false;
try {
  const found = await findChromium();
  const started = await Promise.allSettled([track(startPrism("management")), track(startPrism("admin")), track(startPageServer())]);
  const failure = started.find((result) => result.status === "rejected");
  if (failure) throw failure.reason;
  const [management, admin, page] = /** @type {[{ url: string }, { url: string }, { url: string }]} */ (
    started.map((result) => /** @type {PromiseFulfilledResult<{ url: string }>} */ (result).value)
  );
  const proxy = (/** @type {string} */ target, /** @type {import("./cors-proxy.mjs").CorsPolicy} */ policy) =>
    track(startCorsProxy(target, policy));
  const recommended = await proxy(management.url, { ...RECOMMENDED, allowHeaders: [...RECOMMENDED.allowHeaders, "prefer"] });
  const exposesNothing = await proxy(management.url, { allowHeaders: [...RECOMMENDED.allowHeaders, "prefer"], exposeHeaders: [] });
  const strictManagement = await proxy(management.url, { allowHeaders: ["content-type"], exposeHeaders: [] });
  const strictAdmin = await proxy(admin.url, { allowHeaders: ["content-type"], exposeHeaders: [] });
  const redirecting = await track(startRedirectingServer());

  const browser = await chromium.launch({ executablePath: found.executablePath, args: CHROMIUM_ARGS });
  running.push({ stop: () => browser.close() });
  console.log(`browser: ${found.source} Chromium ${browser.version()} (${found.executablePath})`);
  const tab = await browser.newPage();
  await tab.goto(page.url);
  await tab.waitForFunction(() => "scenarios" in globalThis);

  /** @param {string} name @param {Record<string, string>} mock */
  const play = (name, mock) =>
    tab.evaluate(
      ([scenario, argument]) => /** @type {any} */ (globalThis).scenarios[scenario](argument),
      /** @type {const} */ ([name, mock]),
    );
  const management_ = (/** @type {string} */ url) => ({ url, token: TOKEN });
  const admin_ = (/** @type {string} */ url) => ({ url, clientSecret: CLIENT_SECRET });
  /** No message may carry a credential, in a browser as anywhere. */
  const credentialFree = (/** @type {any} */ result) =>
    expectThat(!JSON.stringify(result).includes(TOKEN) && !JSON.stringify(result).includes(CLIENT_SECRET), `a credential leaked: ${JSON.stringify(result)}`);

  /** @type {[string, () => Promise<void>][]} */
  const checks = [
    ["the management client lists, creates and deletes grants on another origin", async () => {
      const result = await play("managementCalls", management_(management.url));
      expectThat(result.ok && result.listed > 0 && result.created, `expected calls that succeed, got ${JSON.stringify(result)}`);
    }],
    ["the admin client gets a token and provisions a client on another origin", async () => {
      const result = await play("adminProvisioning", admin_(admin.url));
      expectThat(result.ok && result.client && result.secretLength > 0, `expected a provisioned client, got ${JSON.stringify(result)}`);
    }],
    ["through a proxy with the README's CORS policy, calls succeed and a 429's rate limit is readable", async () => {
      const calls = await play("managementCalls", management_(recommended.url));
      expectThat(calls.ok, `expected calls that succeed, got ${JSON.stringify(calls)}`);
      const limited = await play("rateLimited", management_(recommended.url));
      expectThat(!limited.ok && limited.name === "ManagementApiError" && limited.rateLimit?.limit === 50 && limited.rateLimit?.resetAt,
        `expected a ManagementApiError whose rateLimit has the mock's x-ratelimit-* values, got ${JSON.stringify(limited)}`);
    }],
    ["through a proxy that exposes no x-ratelimit-* header, a 429's rate limit is unknown to the client", async () => {
      const limited = await play("rateLimited", management_(exposesNothing.url));
      expectThat(!limited.ok && limited.name === "ManagementApiError" && limited.rateLimit === null,
        `expected a ManagementApiError without rateLimit, got ${JSON.stringify(limited)}`);
    }],
    ["a proxy whose preflight refuses `authorization` makes a NetworkError naming the call", async () => {
      const result = await play("managementCalls", management_(strictManagement.url));
      expectThat(!result.ok && result.isNetworkError && result.isGrantkitError, `expected a NetworkError, got ${JSON.stringify(result)}`);
      expectThat(
        result.message.startsWith(`GET ${strictManagement.url}/client-grants`) && result.message.includes("failed before a response arrived") && result.message.includes("most often CORS"),
        `expected the message to name the call, say no response arrived and point at CORS, got ${JSON.stringify(result.message)}`,
      );
      credentialFree(result);
    }],
    ["the same refusal stops the admin client after its token exchange (a simple request, no preflight)", async () => {
      const result = await play("adminProvisioning", admin_(strictAdmin.url));
      expectThat(!result.ok && result.isNetworkError, `expected a NetworkError, got ${JSON.stringify(result)}`);
      expectThat(
        result.message.startsWith(`POST ${strictAdmin.url}/tenants/`) && result.message.includes("most often CORS"),
        `expected the message to name the client-creating call and point at CORS, got ${JSON.stringify(result.message)}`,
      );
      credentialFree(result);
    }],
    ["an API call answered with a redirect fails with a RedirectError: the browser hides where it points", async () => {
      const result = await play("managementCalls", management_(redirecting.url));
      expectThat(!result.ok && result.name === "RedirectError" && result.isGrantkitError && result.redirect?.status === 0 && result.redirect.location === null,
        `expected a RedirectError with status 0 and no location, got ${JSON.stringify(result)}`);
      expectThat(
        result.message.startsWith(`GET ${redirecting.url}/client-grants`) && result.message.includes("the browser hides"),
        `expected the message to name the call and say the browser hides where the redirect points, got ${JSON.stringify(result.message)}`,
      );
      credentialFree(result);
    }],
    ["a token exchange answered with a redirect fails with a RedirectError too, and nothing follows it", async () => {
      const result = await play("adminProvisioning", admin_(redirecting.url));
      expectThat(!result.ok && result.name === "RedirectError" && result.message.startsWith(`POST ${redirecting.url}/auth2/connect/token`),
        `expected a RedirectError naming the token exchange, got ${JSON.stringify(result)}`);
      credentialFree(result);
      const followed = redirecting.received.filter((request) => request.includes(" /moved/"));
      expectThat(followed.length === 0 && redirecting.received.length > 0, `expected no request to follow a redirect, got ${JSON.stringify(redirecting.received)}`);
    }],
  ];
  for (const [title, check] of checks) {
    try {
      await check();
      console.log(`ok ${title}`);
    } catch (error) {
      failed = true;
      console.error(`not ok ${title}\n  ${error instanceof Error ? error.message : error}`);
    }
  }
} catch (error) {
  failed = true;
  console.error(`not ok the browser check could not run: ${error instanceof Error ? error.stack : error}`);
} finally {
  await Promise.all(running.reverse().map((service) => service.stop()));
}
if (failed) process.exitCode = 1;
