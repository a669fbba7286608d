import { describe, expect, it } from "vitest";
import { ApiError } from "../src/core/index.js";
import { createManagementClient, ManagementApiError } from "../src/index.js";

/** The Auth0 client's name for the core's error class. (The classes themselves: test/core/errors.test.ts.) */
describe("telling errors apart", () => {
  const notFound = () =>
    new Response(JSON.stringify({ statusCode: 404, error: "Not Found", message: "No such grant" }), {
      status: 404,
      headers: { "content-type": "application/json" },
    });
  const client = (fetch: typeof globalThis.fetch, timeoutMs = 10_000) =>
    createManagementClient({ baseUrl: "https://tenant.example/api/v2", token: "test-token-1234", fetch, timeoutMs, retry: false });

  it("ManagementApiError is the one ApiError class, so its name is ApiError and instanceof holds for both", async () => {
    const error = await client(async () => notFound()).clientGrants.get("cgr_0123456789abcdef").catch((caught) => caught);
    expect(ManagementApiError).toBe(ApiError);
    expect(error).toBeInstanceOf(ManagementApiError);
    expect(error.name).toBe("ApiError");
  });
});
