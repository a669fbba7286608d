import { createFakeTenant, type FakeSeed } from "@grantkit/testing";
import type { SentRequest } from "@grantkit/test-support/sent-requests";

/** Where the fake tenant serves the admin API (v1) and its token endpoint, on any origin. */
const FAKE_ROOT = "/api/adminapi2/v1";
const FAKE_TOKEN_PATH = "/auth2/connect/token";

/** What {@link relocatedTenant} is given: the API root the client's options name, and who may authenticate. */
export interface Whereabouts {
  apiRoot: string;
  /** A bearer the tenant accepts for every tenant; left out, only the tokens it issues. */
  token?: string | undefined;
  seed: FakeSeed;
}

/**
 * The fake tenant of @grantkit/testing wherever a client's options put the API: a property test gives any root and
 * token URL, and the fake serves fixed paths, so each request is moved onto them first (the request recorded, which
 * the test judges, is the one the client sent). A token request (client credentials, a form body) goes to the fake's
 * token endpoint, a request under `apiRoot` to the same route under the fake's root, each on the origin it was sent
 * to. `issued()` is the access token the tenant last issued.
 */
export function relocatedTenant({ apiRoot, token, seed }: Whereabouts) {
  const fake = createFakeTenant({ seed, token, randomSeed: 1 });
  let issued: string | undefined;
  const answer = async (request: SentRequest): Promise<Response> => {
    const { method, headers } = request;
    const body = request.body === "" ? undefined : request.body;
    const { origin } = new URL(request.url);
    if (isTokenRequest(request)) {
      const response = await fake.fetch(`${origin}${FAKE_TOKEN_PATH}`, { method, headers, body });
      if (response.ok) issued = ((await response.clone().json()) as { access_token: string }).access_token;
      return response;
    }
    // One trailing slash of the root separates it from the route; any more are part of the root, as the client reads it.
    const root = URL.canParse(apiRoot) ? new URL(apiRoot).href.replace(/\/$/, "") : undefined;
    const url = root && request.url.startsWith(`${root}/`) ? `${origin}${FAKE_ROOT}${request.url.slice(root.length)}` : request.url;
    return fake.fetch(url, { method, headers, body });
  };
  return { answer, issued: () => issued };
}

function isTokenRequest(request: SentRequest): boolean {
  return (
    request.method === "POST" &&
    request.headers.authorization === undefined &&
    new URLSearchParams(request.body).get("grant_type") === "client_credentials"
  );
}
