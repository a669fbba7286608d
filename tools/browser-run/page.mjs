// @ts-check
// The page's script, bundled with esbuild from the built packages: each scenario calls the mocks on another origin
// with both clients and returns a plain summary (or the error it met) for the check to judge.
import { createAdminClient } from "@grantkit/admin-client";
import { createManagementClient, GrantkitError, NetworkError, RedirectError } from "@grantkit/client";

/**
 * What a scenario ended with, as data a page can hand back to Node.
 * @param {() => Promise<Record<string, unknown>>} scenario
 */
async function outcome(scenario) {
  try {
    return { ok: true, ...(await scenario()) };
  } catch (error) {
    if (!(error instanceof Error)) return { ok: false, thrown: String(error) };
    return {
      ok: false,
      name: error.name,
      message: error.message,
      isGrantkitError: error instanceof GrantkitError,
      isNetworkError: error instanceof NetworkError,
      redirect: error instanceof RedirectError ? { status: error.status, location: error.location ?? null } : undefined,
      rateLimit: "rateLimit" in error ? JSON.parse(JSON.stringify(error.rateLimit ?? null)) : undefined,
    };
  }
}

const scenarios = {
  /** @param {{ url: string; token: string }} mock */
  managementCalls: ({ url, token }) =>
    outcome(async () => {
      const client = createManagementClient({ baseUrl: url, token });
      let listed = 0;
      for await (const _grant of client.clientGrants.all({ per_page: 2 })) listed += 1;
      const created = await client.clientGrants.create({ client_id: "abc", audience: "https://billing.example.com/" });
      await client.clientGrants.delete(created.id);
      return { listed, created: created.id };
    }),

  /** @param {{ url: string; clientSecret: string }} mock */
  adminProvisioning: ({ url, clientSecret }) =>
    outcome(async () => {
      const admin = createAdminClient({
        tenantId: "8f1f5d3a-2c4b-4e4f-9a37-6f0c8c2b7d15",
        baseUrl: url,
        tokenUrl: `${url}/auth2/connect/token`,
        clientCredentials: { clientId: "browser-robot", clientSecret },
      });
      const { client, secret } = await admin.provisionClient(
        { clientId: "invoice-robot", clientName: "Invoice robot", allowedScopes: ["openid", "permissions", "publicapi.all"] },
        { description: "from a browser" },
      );
      return { client: client.clientId, secretLength: secret.value.length };
    }),

  /**
   * A 429, asked of Prism with its `Prefer` header and thrown at once (no retries), to see its rate limit.
   * @param {{ url: string; token: string }} mock
   */
  rateLimited: ({ url, token }) =>
    outcome(async () => {
      const client = createManagementClient({ baseUrl: url, token, retry: false, headers: { prefer: "code=429" } });
      await client.clientGrants.get("cgr_4pI9a42haOLLWnwq");
      return {};
    }),
};

Object.assign(globalThis, { scenarios });
