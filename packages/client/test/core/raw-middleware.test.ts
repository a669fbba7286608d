import { managementRequests } from "@grantkit/types";
import type { Middleware } from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { ApiError, createApiClient } from "../../src/core/index.js";

/**
 * `raw` is openapi-fetch over the core's transport: its middleware sees the real `Request` and `Response` that
 * openapi-fetch documents, what it changes is what is sent, and an answer outside 2xx rejects with the core's
 * errors (after `onError` saw them).
 */
const API = "https://tenant.example/api/v2";
const GRANT = { id: "cgr_0123456789abcdef", client_id: "abc", audience: "https://billing.example.com/", scope: ["read:a"] };

function rawClient(answer: (request: Request) => Response) {
  const sent: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    sent.push(request.clone());
    return answer(request);
  };
  const { raw } = createApiClient(
    { locate: () => ({ apiUrl: API, tokenEndpoint: undefined }), retryMethods: ["GET"], requests: managementRequests },
    { token: "test-token-0123456789", fetch, retry: false },
  );
  return { raw, sent };
}

describe("raw.use() middleware", () => {
  it("sees a Request before it is sent and a Response after, and what onRequest changes is sent", async () => {
    const { raw, sent } = rawClient(() => Response.json(GRANT, { status: 201 }));
    const seen: string[] = [];
    const middleware: Middleware = {
      onRequest({ request }) {
        expect(request).toBeInstanceOf(Request);
        seen.push(`${request.method} ${request.url} ${request.headers.get("content-type")}`);
        // The bearer is the transport's, set after the middleware: a middleware never holds it.
        expect(request.headers.has("authorization")).toBe(false);
        request.headers.set("x-trace", "t-1");
        return request;
      },
      async onResponse({ response }) {
        expect(response).toBeInstanceOf(Response);
        seen.push(`${response.status} ${JSON.stringify(await response.clone().json())}`);
      },
    };
    raw.use(middleware);
    const { data } = await raw.POST("/client-grants", { body: { client_id: "abc", audience: "https://billing.example.com/", scope: ["read:a"] } });
    expect(data).toEqual(GRANT);
    expect(seen).toEqual([`POST ${API}/client-grants application/json`, `201 ${JSON.stringify(GRANT)}`]);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers.get("x-trace")).toBe("t-1");
    expect(sent[0]!.headers.get("authorization")).toBe("Bearer test-token-0123456789");
    expect(await sent[0]!.json()).toEqual({ client_id: "abc", audience: "https://billing.example.com/", scope: ["read:a"] });
  });

  it("hands onError the core's ApiError for an answer outside 2xx, and the call rejects with it", async () => {
    const { raw } = rawClient(() => Response.json({ statusCode: 404, error: "Not Found", message: "No grant" }, { status: 404 }));
    const errors: unknown[] = [];
    raw.use({ onError: ({ error }) => void errors.push(error) });
    const failed = await raw.GET("/client-grants/{id}", { params: { path: { id: GRANT.id } } }).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(ApiError);
    expect(failed).toMatchObject({ status: 404, error: "Not Found", url: `${API}/client-grants/${GRANT.id}` });
    expect(errors).toEqual([failed]);
  });
});
