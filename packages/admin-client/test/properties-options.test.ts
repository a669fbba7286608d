import { abortReasons, expectedAuth, outcomeOf, propertySeed, unexpectedOutcome, withRecorder } from "@grantkit/test-support/property-runs";
import { relocatedTenant } from "@grantkit/test-support/relocated-tenant";
import { recordingFetch, requestProblems, type SentRequest } from "@grantkit/test-support/sent-requests";
import fc from "fast-check";
import { afterEach, expect, it, vi } from "vitest";
import { createAdminClient, GrantkitError, InvalidRequestError, NetworkError, type AdminClient } from "../src/index.js";
import { hostileAdminOptions } from "./support/arbitraries.js";
import { createFakeTenant, type StoredClient } from "@grantkit/testing";

/**
 * Property 1 for `createAdminClient`: with any options it either throws an InvalidRequestError, or returns a client
 * whose call sends exactly the request it names, under the API root the options give (`baseUrl`, else
 * `{regionUrl}/api/adminapi2/{apiVersion}`), for their tenant, with the bearer they give (after a token exchange at the
 * token URL, for client credentials). The recording `fetch` hands each request to the fake tenant (@grantkit/testing,
 * in process), which issues the token and checks the bearer; it stands in for the global `fetch` too, so options
 * without `fetch` touch no network either.
 */
const seed = propertySeed("admin-client/test/properties-options.test.ts");
const NUM_RUNS = 400;
/**
 * Far above what a call here takes, retries included: a hostile `fetch` (one answering with something that is not
 * a Response) is a network error, retried under the generated policy, whose delays are kept short.
 */
const CALL_TIMEOUT_MS = 10_000;

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Stands for the token the tenant issues for client credentials, which is known only once it has. */
const ISSUED = "the token the tenant issues";

/** Options as the property generated them: loose on purpose. */
type Options = Record<string, any>;

const withoutTrailingSlashes = (url: string) => url.replace(/\/+$/, "");

function checkTokenRequest(request: SentRequest, options: Options): void {
  const tokenUrl = options.tokenUrl ?? `${withoutTrailingSlashes(options.regionUrl)}/auth2/connect/token`;
  expect(request.method).toBe("POST");
  expect(new URL(request.url).href).toBe(new URL(withoutTrailingSlashes(tokenUrl)).href);
  expect(request.headers.authorization).toBeUndefined();
  const form = new URLSearchParams(request.body);
  expect(form.get("grant_type")).toBe("client_credentials");
  expect(form.get("client_id")).toBe(options.clientCredentials.clientId);
  expect(form.get("client_secret")).toBe(options.clientCredentials.clientSecret);
}

/** The API root the options name: `baseUrl`, else `{regionUrl}/api/adminapi2/{apiVersion}`. */
const apiRootOf = (options: Options): string =>
  withoutTrailingSlashes(options.baseUrl ?? `${withoutTrailingSlashes(options.regionUrl)}/api/adminapi2/${options.apiVersion ?? "v1"}`);

/** What the tenant is to accept: the options' tenant, with the client the call names, their token and credentials. */
function tenantFor(options: Options, bearer: string | undefined) {
  const { tenantId } = options;
  const { clientId, clientSecret } = options.clientCredentials ?? {};
  const credentials = typeof clientId === "string" && typeof clientSecret === "string" ? [{ client_id: clientId, client_secret: clientSecret, tenantId }] : [];
  const clients: StoredClient[] = [{ tenantId, clientId: "invoice-robot", clientName: "Invoice robot", allowedScopes: ["openid", "permissions", "publicapi.all"] }];
  const token = typeof bearer === "string" && /^\S+$/.test(bearer) ? bearer : undefined;
  const fake = createFakeTenant({ seed: { admin: { tenants: [{ id: tenantId }], clients: clients, credentials } }, token, randomSeed: 1 });
  return relocatedTenant(fake, { api: "admin", apiRoot: apiRootOf(options) });
}

it("createAdminClient with any options: an InvalidRequestError, or a client that sends exactly the request a call names", async () => {
  await fc.assert(
    fc.asyncProperty(hostileAdminOptions, async (generated) => {
      let answer: (request: SentRequest) => Promise<Response> = async () => Response.error();
      const { fetch, sent } = recordingFetch((request) => answer(request));
      vi.stubGlobal("fetch", fetch);
      const options = withRecorder(generated, fetch) as Options;
      const { bearer, allowed } = await expectedAuth(options, ISSUED);
      let admin: AdminClient;
      try {
        admin = createAdminClient(options as never);
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidRequestError);
        return;
      }
      // Only now are the options known to name a place, a tenant and credentials.
      const tenant = tenantFor(options, bearer);
      answer = tenant.answer;

      const outcome = await outcomeOf(() => admin.secrets.create("invoice-robot"), CALL_TIMEOUT_MS);
      // A network error is the call's own mistake only when the recording fetch, not a hostile one, was to send it.
      const network = options.fetch === fetch || options.fetch === undefined ? NetworkError : undefined;
      const rules = { invalidRequest: InvalidRequestError, typed: [GrantkitError], network, sent: sent.length, allowed: [...allowed, ...abortReasons(options)] };
      expect(unexpectedOutcome(outcome, rules)).toBeUndefined();
      // A call the tenant refused sent what it names too, up to the refused request.
      if (outcome.kind !== "resolved" && sent.length === 0) return;

      const exchanges = options.clientCredentials ? 1 : 0;
      if (outcome.kind === "resolved") expect(sent).toHaveLength(exchanges + 1);
      if (exchanges) checkTokenRequest(sent[0]!, options);
      const { origin, pathname } = new URL(apiRootOf(options));
      const segments = ["tenants", options.tenantId, "clients", "invoice-robot", "secrets", ""];
      const expectedBearer = bearer === ISSUED ? tenant.issued() : bearer;
      for (const request of sent.slice(exchanges)) {
        expect(requestProblems(request, { method: "POST", origin, rootPath: pathname, segments, query: [], bearer: expectedBearer!, body: {} })).toEqual([]);
      }
    }),
    { seed, numRuns: NUM_RUNS },
  );
}, 120_000);
