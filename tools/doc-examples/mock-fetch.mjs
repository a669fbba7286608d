// @ts-check
// A `fetch` for running the examples as written: they call the real hosts (example.us.auth0.com,
// vantage-us.abbyy.com), and this serves each call from the Prism mock of its API, chosen by path, whatever the
// host. Auth0's token endpoint is not in our spec; it answers with a token, as a tenant would.

/**
 * @param {{ management: string; admin: string }} mocks the mocks' root URLs
 * @param {typeof fetch} [realFetch]
 * @returns {typeof fetch}
 */
export function fetchFromMocks(mocks, realFetch = globalThis.fetch) {
  const routes = [
    { path: /^\/api\/v2(\/.*)$/, root: mocks.management },
    { path: /^\/api\/adminapi2\/v[12](\/.*)$/, root: mocks.admin },
    { path: /^(\/auth2\/connect\/token)$/, root: mocks.admin },
  ];
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.pathname === "/oauth/token") {
      return Response.json({ access_token: "example-management-token", token_type: "Bearer", expires_in: 86400 });
    }
    for (const route of routes) {
      const match = route.path.exec(url.pathname);
      if (match) return realFetch(new Request(`${route.root}${match[1]}${url.search}`, request));
    }
    throw new TypeError(`an example fetched ${url.href}, which no mock serves`);
  };
}
