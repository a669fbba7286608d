import { abortReasons, expectedAuth, outcomeOf, propertySeed, unexpectedOutcome, withRecorder } from "@grantkit/test-support/property-runs";
import { relocatedTenant } from "@grantkit/test-support/relocated-tenant";
import { recordingFetch, requestProblems, type SentRequest } from "@grantkit/test-support/sent-requests";
import { createFakeTenant } from "@grantkit/testing";
import fc from "fast-check";
import { afterEach, expect, it, vi } from "vitest";
import { createManagementClient, GrantkitError, InvalidRequestError, NetworkError, type ManagementClient } from "../src/index.js";
import { hostileManagementOptions } from "./support/arbitraries.js";

/**
 * Property 1 for `createManagementClient`: with any options it either throws an InvalidRequestError, or returns a
 * client whose call sends exactly the request it names, to the API root the options give, with the bearer they
 * give (after a token exchange at the token URL, for client credentials). The recording `fetch` hands each request
 * to the fake tenant (@grantkit/testing, in process), which issues the token and checks the bearer; it stands in for
 * the global `fetch` too, so options without `fetch` touch no network either.
 */
const seed = propertySeed("client/test/properties-options.test.ts");
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

function checkTokenRequest(request: SentRequest, options: Options, apiRoot: string): void {
  const credentials = options.clientCredentials;
  const tokenUrl = options.tokenUrl ?? (options.domain ? `https://${options.domain}/oauth/token` : new URL("/oauth/token", apiRoot).href);
  expect(request.method).toBe("POST");
  expect(new URL(request.url).href).toBe(new URL(tokenUrl).href);
  expect(request.headers.authorization).toBeUndefined();
  const body = JSON.parse(request.body);
  expect(body).toMatchObject({ grant_type: "client_credentials", client_id: credentials.clientId, client_secret: credentials.clientSecret });
  if (credentials.audience !== undefined) expect(body.audience).toBe(credentials.audience);
  else if (options.domain !== undefined) expect(body.audience).toBe(`https://${options.domain}/api/v2/`);
}

/** What the tenant is to accept: the generated token (or `getToken`'s) and the generated client credentials. */
function tenantFor(options: Options, bearer: string | undefined) {
  const apiRoot = options.baseUrl ?? `https://${options.domain}/api/v2`;
  const { clientId, clientSecret } = options.clientCredentials ?? {};
  const credentials =
    typeof clientId === "string" && typeof clientSecret === "string"
      ? [{ client_id: clientId, client_secret: clientSecret, scope: ["read:client_grants"] }]
      : [];
  const token = typeof bearer === "string" && /^\S+$/.test(bearer) ? bearer : undefined;
  const seed = { management: { clientGrants: [{ id: "cgr_1", client_id: "robot", audience: "https://billing.example.com/" }], credentials } };
  return relocatedTenant(createFakeTenant({ seed, token, randomSeed: 1 }), { api: "management", apiRoot: String(apiRoot) });
}

it("createManagementClient with any options: an InvalidRequestError, or a client that sends exactly the request a call names", async () => {
  await fc.assert(
    fc.asyncProperty(hostileManagementOptions, async (generated) => {
      let answer: (request: SentRequest) => Promise<Response> = async () => Response.error();
      const { fetch, sent } = recordingFetch((request) => answer(request));
      vi.stubGlobal("fetch", fetch);
      const options = withRecorder(generated, fetch) as Options;
      const { bearer, allowed } = await expectedAuth(options, ISSUED);
      let client: ManagementClient;
      try {
        client = createManagementClient(options as never);
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidRequestError);
        return;
      }
      // Only now are the options known to name a place and credentials.
      const tenant = tenantFor(options, bearer);
      answer = tenant.answer;

      const outcome = await outcomeOf(() => client.clientGrants.get("cgr_1"), CALL_TIMEOUT_MS);
      // A network error is the call's own mistake only when the recording fetch, not a hostile one, was to send it.
      const network = options.fetch === fetch || options.fetch === undefined ? NetworkError : undefined;
      const rules = { invalidRequest: InvalidRequestError, typed: [GrantkitError], network, sent: sent.length, allowed: [...allowed, ...abortReasons(options)] };
      expect(unexpectedOutcome(outcome, rules)).toBeUndefined();
      // A call the tenant refused (a token for another audience, say) sent what it names too, up to the refused request.
      if (outcome.kind !== "resolved" && sent.length === 0) return;

      const apiRoot: string = options.baseUrl ?? `https://${options.domain}/api/v2`;
      const exchanges = options.clientCredentials ? 1 : 0;
      if (outcome.kind === "resolved") expect(sent).toHaveLength(exchanges + 1);
      if (exchanges) checkTokenRequest(sent[0]!, options, apiRoot);
      const { origin, pathname } = new URL(apiRoot);
      const expectedBearer = bearer === ISSUED ? tenant.issued() : bearer;
      for (const request of sent.slice(exchanges)) {
        expect(requestProblems(request, { method: "GET", origin, rootPath: pathname, segments: ["client-grants", "cgr_1"], query: [], bearer: expectedBearer! })).toEqual([]);
      }
    }),
    { seed, numRuns: NUM_RUNS },
  );
}, 120_000);
