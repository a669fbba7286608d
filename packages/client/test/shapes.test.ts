import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManagementClient, ResponseParseError } from "../src/index.js";
import { caught, startServer, type TestServer } from "./support/server.js";

/** Valid JSON of the wrong top-level shape must be a ResponseParseError, never a TypeError or a resolved `null`. */
let server: TestServer;
let answer = "null";
beforeAll(async () => {
  server = await startServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(answer);
  });
});
afterAll(() => server.close());

const grants = () => createManagementClient({ baseUrl: server.url, token: "tok_0123456789", retry: false }).clientGrants;

const RECORD_CALLS: Array<[string, () => Promise<unknown>]> = [
  ["get", () => grants().get("cgr_1")],
  ["create", () => grants().create({ client_id: "c", audience: "https://a/" })],
  ["update", () => grants().update("cgr_1", { scope: ["read:a"] })],
  ["assignToOrganization", () => grants().assignToOrganization("org_1", "cgr_1")],
];
const LIST_CALLS: Array<[string, () => Promise<unknown>]> = [
  ["list", () => grants().list()],
  ["listPage", () => grants().listPage()],
  ["all", async () => {
    for await (const _grant of grants().all()) {
      // Reading the first page is enough.
    }
  }],
  ["listForOrganization", () => grants().listForOrganization("org_1")],
  ["organizations", () => grants().organizations("cgr_1")],
];

describe("an answer of the wrong shape", () => {
  for (const [name, call] of RECORD_CALLS) {
    it(`${name}: anything but an object is a ResponseParseError`, async () => {
      for (const [body, seen] of [["null", "null"], ["42", "a number"], ['"cgr_1"', "a string"], ["[]", "an array"], ["true", "a boolean"]]) {
        answer = body!;
        const error = await caught(call());
        expect(error, body).toBeInstanceOf(ResponseParseError);
        expect(error.message).toContain(`answered 200 with ${seen} where an object was expected`);
      }
    });
  }

  for (const [name, call] of LIST_CALLS) {
    it(`${name}: anything but an array or an object holding the list is a ResponseParseError`, async () => {
      for (const body of ["null", "42", '"x"', "{}", '{"client_grants":null,"organizations":{}}', '{"total":3}']) {
        answer = body;
        const error = await caught(call());
        expect(error, body).toBeInstanceOf(ResponseParseError);
      }
    });
  }

  it("still reads the documented shapes", async () => {
    answer = '[{"id":"cgr_1","client_id":"c","audience":"https://a/"}]';
    expect(await grants().listPage()).toEqual({ items: [{ id: "cgr_1", client_id: "c", audience: "https://a/" }] });
    answer = '{"client_grants":[],"start":0,"limit":50,"total":0}';
    expect(await grants().listPage({ include_totals: true })).toEqual({ items: [], total: 0 });
    answer = '{"id":"cgr_1","client_id":"c","audience":"https://a/"}';
    expect(await grants().get("cgr_1")).toEqual({ id: "cgr_1", client_id: "c", audience: "https://a/" });
  });
});
