import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { ApiError } from "../src/core/index.js";
import { createManagementClient, ManagementApiError } from "../src/index.js";

/** The Auth0 client's own ApiError. (The core's classes themselves: test/core/errors.test.ts.) */
describe("telling errors apart", () => {
  const notFound = () =>
    new Response(JSON.stringify({ statusCode: 404, error: "Not Found", message: "No such grant" }), {
      status: 404,
      headers: { "content-type": "application/json" },
    });
  const client = (fetch: typeof globalThis.fetch, timeoutMs = 10_000) =>
    createManagementClient({ baseUrl: "https://tenant.example/api/v2", token: "test-token-1234", fetch, timeoutMs, retry: false });

  it("a non-2xx answer is a ManagementApiError, named so, and an ApiError", async () => {
    const error = await client(async () => notFound()).clientGrants.get("cgr_0123456789abcdef").catch((caught) => caught);
    expect(error).toBeInstanceOf(ManagementApiError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.name).toBe("ManagementApiError");
    expect(error.body).toEqual({ statusCode: 404, error: "Not Found", message: "No such grant" });
  });

  it("so is a token endpoint's refusal", async () => {
    const refused = async () =>
      new Response(JSON.stringify({ error: "access_denied", error_description: "Unauthorized" }), {
        status: 401,
        headers: { "content-type": "application/json" },
      });
    const error = await createManagementClient({
      domain: "tenant.example",
      clientCredentials: { clientId: "robot", clientSecret: "robot-secret-0123456789" },
      fetch: refused,
      retry: false,
    })
      .clientGrants.get("cgr_0123456789abcdef")
      .catch((caught) => caught);
    expect(error).toBeInstanceOf(ManagementApiError);
    expect(error).toMatchObject({ name: "ManagementApiError", status: 401, error: "access_denied" });
  });

  it("a ManagementApiError of one build is one of the other, and a plain ApiError is not one", async () => {
    // The built files (the test task runs after the build); a path in a variable keeps tsc from resolving it.
    const built = "../dist/index";
    const cjs = createRequire(import.meta.url)(`${built}.cjs`) as typeof import("../src/index.js");
    const esm = (await import(`${built}.js`)) as typeof import("../src/index.js");
    const init = { request: { method: "GET", url: "https://tenant.example/api/v2/client-grants" }, status: 404, statusText: "Not Found", headers: new Headers(), body: undefined };
    expect(cjs.ManagementApiError).not.toBe(esm.ManagementApiError);
    expect(new cjs.ManagementApiError(init)).toBeInstanceOf(esm.ManagementApiError);
    expect(new cjs.ManagementApiError(init)).toBeInstanceOf(esm.ApiError);
    expect(new esm.ApiError(init)).not.toBeInstanceOf(cjs.ManagementApiError);
  });
});
