import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { ApiError, GrantkitError, TimeoutError } from "../../src/core/errors.js";
import { createThingsClient, thing } from "./support/things-api.js";

const request = { method: "GET", url: "https://example.us.auth0.com/api/v2/client-grants" };
const init = { request, status: 404, statusText: "Not Found", headers: new Headers(), body: undefined };

describe("error classes", () => {
  it("match with instanceof across the ESM and CommonJS builds loaded side by side", async () => {
    // The built files (the test task runs after the build); a path in a variable keeps tsc from resolving it.
    const builtCore = "../../dist/core/index";
    const cjs = createRequire(import.meta.url)(`${builtCore}.cjs`) as typeof import("../../src/core/index.js");
    const esm = (await import(`${builtCore}.js`)) as typeof import("../../src/core/index.js");
    expect(cjs.ApiError).not.toBe(esm.ApiError);
    expect(new cjs.ApiError(init)).toBeInstanceOf(esm.ApiError);
    expect(new esm.ApiError(init)).toBeInstanceOf(cjs.ApiError);
    expect(new cjs.ApiError(init)).toBeInstanceOf(ApiError);
    expect(new cjs.ApiError(init)).toBeInstanceOf(GrantkitError);
    expect(new cjs.TimeoutError(request, 5)).not.toBeInstanceOf(esm.ApiError);
  });

  it("match InvalidRequestError across the builds too, and as a TypeError", async () => {
    const builtCore = "../../dist/core/index";
    const cjs = createRequire(import.meta.url)(`${builtCore}.cjs`) as typeof import("../../src/core/index.js");
    const esm = (await import(`${builtCore}.js`)) as typeof import("../../src/core/index.js");
    expect(new cjs.InvalidRequestError("x")).toBeInstanceOf(esm.InvalidRequestError);
    expect(new esm.InvalidRequestError("x")).toBeInstanceOf(cjs.InvalidRequestError);
    expect(new cjs.InvalidRequestError("x")).toBeInstanceOf(TypeError);
    expect(new cjs.InvalidRequestError("x")).not.toBeInstanceOf(esm.GrantkitError);
    expect(new TypeError("x")).not.toBeInstanceOf(esm.InvalidRequestError);
  });

  it("do not match what they are not", () => {
    expect(new ApiError(init)).not.toBeInstanceOf(TimeoutError);
    expect(new Error("x")).not.toBeInstanceOf(GrantkitError);
    expect({ message: "x" }).not.toBeInstanceOf(ApiError);
  });

  it("let an application's own subclass match the usual way", () => {
    class MyError extends ApiError {}
    expect(new MyError(init)).toBeInstanceOf(MyError);
    expect(new MyError(init)).toBeInstanceOf(ApiError);
    expect(new ApiError(init)).not.toBeInstanceOf(MyError);
  });

  it("serialize without the brand, a stack or the headers object", () => {
    expect(Object.keys(JSON.parse(JSON.stringify(new ApiError(init)))).sort()).toEqual(["error", "message", "method", "name", "status", "url"]);
  });
});

describe("telling errors apart", () => {
  const client = (fetch: typeof globalThis.fetch, timeoutMs = 10_000) =>
    createThingsClient({ baseUrl: "https://api.example/v1", token: "test-token-1234", fetch, timeoutMs, retry: false });

  it("an AbortSignal.timeout() abort rejects with its own DOMException, which shares the name but not the class", async () => {
    const hang: typeof globalThis.fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)));
    const aborted = await client(hang).get(thing.id, { signal: AbortSignal.timeout(5) }).catch((caught) => caught);
    expect(aborted).toBeInstanceOf(DOMException);
    expect(aborted.name).toBe("TimeoutError");
    expect(aborted).not.toBeInstanceOf(TimeoutError);
    const timedOut = await client(hang, 5).get(thing.id).catch((caught) => caught);
    expect(timedOut).toBeInstanceOf(TimeoutError);
    expect(timedOut.name).toBe("TimeoutError");
    expect(timedOut).not.toBeInstanceOf(DOMException);
  });
});
