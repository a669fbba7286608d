import { afterEach, describe, expect, it } from "vitest";
import { createManagementClient } from "../src/index.js";
import { grant, json, startServer, type TestServer } from "./support/server.js";

/**
 * The Auth0 listings against a server that ignores paging: a long-running walk still ends. (The core's own limits:
 * test/core/limits.test.ts.)
 */
let server: TestServer | undefined;
afterEach(() => server?.close());

describe("a server that ignores paging", () => {
  const fullPage = Array.from({ length: 50 }, (_, i) => ({ ...grant, id: `cgr_${i}` }));
  const walk = async (query = {}) => {
    const client = createManagementClient({ baseUrl: server!.url, token: "t", retry: false });
    const ids: string[] = [];
    for await (const item of client.clientGrants.all(query)) ids.push(item.id);
    return ids;
  };

  it("stops the page-number walk when a page repeats the previous one", async () => {
    server = await startServer((_req, res) => json(res, 200, { start: 0, limit: 50, total: 1000, client_grants: fullPage }));
    expect(await walk({ per_page: 50 })).toHaveLength(50);
    expect(server.received).toHaveLength(2);
  });

  it("stops the page-number walk on a plain array answered again and again", async () => {
    server = await startServer((_req, res) => json(res, 200, fullPage));
    expect(await walk({ page: 0 })).toHaveLength(50);
    expect(server.received).toHaveLength(2);
  });

  it("stops the checkpoint walk when new cursors bring the same page", async () => {
    server = await startServer((_req, res, n) => json(res, 200, { client_grants: fullPage, next: `cursor-${n}` }));
    expect(await walk()).toHaveLength(50);
    expect(server.received).toHaveLength(2);
  });

  it("bounds the page-number walk by the total", async () => {
    server = await startServer((req, res) => {
      const page = Number(new URL(req.url, "http://x").searchParams.get("page"));
      json(res, 200, { start: page * 50, limit: 50, total: 120, client_grants: fullPage.map((g) => ({ ...g, id: `${g.id}_p${page}` })) });
    });
    expect(await walk({ per_page: 50 })).toHaveLength(150);
    expect(server.received).toHaveLength(3);
  });
});
