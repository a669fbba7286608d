import { createFakeTenant, type FakeSeed } from "@grantkit/testing";
import type { SentRequest } from "@grantkit/test-support/sent-requests";

/** Where the fake tenant serves the Management API and its token endpoint, on any origin. */
const FAKE_ROOT = "/api/v2";
const FAKE_TOKEN_PATH = "/oauth/token";

/** What {@link relocatedTenant} is given: the API root the client's options name, and who may authenticate. */
export interface Whereabouts {
  apiRoot: string;
  /** A bearer the tenant accepts with every scope; left out, only the tokens it issues. */
  token?: string | undefined;
  seed: FakeSeed;
}

/**
 * The fake tenant of @grantkit/testing wherever a client's options put the API: a property test gives any root,
 * token URL and audience, and the fake serves fixed paths and knows one audience per origin, so each request is
 * moved onto them first (the request recorded, which the test judges, is the one the client sent). A token request
 * (client credentials) goes to the fake's token endpoint without its audience (the fake's default is its Management
 * API), a request under `apiRoot` to the same route under the fake's root. `issued()` is the access token the tenant
 * last issued.
 */
export function relocatedTenant({ apiRoot, token, seed }: Whereabouts) {
  const fake = createFakeTenant({ seed, token, randomSeed: 1 });
  let issued: string | undefined;
  const answer = async (request: SentRequest): Promise<Response> => {
    const { method, headers } = request;
    const exchange = tokenRequestBody(request);
    if (exchange) {
      const { audience: _named, ...body } = exchange;
      const response = await fake.fetch(`${new URL(request.url).origin}${FAKE_TOKEN_PATH}`, { method, headers, body: JSON.stringify(body) });
      if (response.ok) issued = ((await response.clone().json()) as { access_token: string }).access_token;
      return response;
    }
    const root = URL.canParse(apiRoot) ? new URL(apiRoot).href.replace(/\/$/, "") : undefined;
    const url = root && request.url.startsWith(`${root}/`) ? `${new URL(request.url).origin}${FAKE_ROOT}${request.url.slice(root.length)}` : request.url;
    return fake.fetch(url, { method, headers, body: request.body === "" ? undefined : request.body });
  };
  return { answer, issued: () => issued };
}

/** The body of a client-credentials token request, or undefined for any other request. */
function tokenRequestBody(request: SentRequest): { grant_type?: unknown; audience?: unknown } | undefined {
  if (request.method !== "POST" || request.headers.authorization !== undefined) return undefined;
  try {
    const body = JSON.parse(request.body) as { grant_type?: unknown } | null;
    return body?.grant_type === "client_credentials" ? body : undefined;
  } catch {
    return undefined;
  }
}
