import { describe, expect, test } from "vitest";
import { cannedFetch, checkingCannedFetch } from "../canned-fetch.mjs";
import { checkContender } from "../check.mjs";
import { CONTENDERS, type Contender } from "../contenders.mjs";
import { DOMAIN, EXPECTED, GRANT_ID, OPS, TOKEN } from "../fixtures.mjs";

const transport = { fetch: checkingCannedFetch, origin: `https://${DOMAIN}` };
const api = `https://${DOMAIN}/api/v2/client-grants`;
const authorization = `Bearer ${TOKEN}`;

/** A contender that answers every operation with what `answer` gives. */
const fake = (answer: (op: (typeof OPS)[number]) => unknown): Contender => ({
  id: "fake",
  label: "fake",
  create: () => Object.fromEntries(OPS.map((op) => [op, async () => answer(op)])) as ReturnType<Contender["create"]>,
});

describe("the check before measuring", () => {
  test.each(CONTENDERS.map((contender) => [contender.label, contender] as const))(
    "%s returns the expected data for get, list, create and update",
    async (_, contender) => {
      await expect(checkContender(contender, transport, OPS)).resolves.toBeUndefined();
    },
  );

  test("rejects a contender whose answer differs from the expected data", async () => {
    const shortPage = fake((op) => (op === "list" ? EXPECTED.list.slice(1) : EXPECTED[op]));
    await expect(checkContender(shortPage, transport, OPS)).rejects.toThrow("fake list did not return the expected data");
  });

  test("accepts the same data in other object types (it compares data, not classes)", async () => {
    class Grant {
      constructor(fields: object) {
        Object.assign(this, fields);
      }
    }
    await expect(checkContender(fake((op) => (op === "get" ? new Grant(EXPECTED.get) : EXPECTED[op])), transport, OPS)).resolves.toBeUndefined();
  });
});

describe("the canned API", () => {
  const post = (body: string, headers: Record<string, string> = { authorization }) => ({ method: "POST", headers, body });

  test("the checking fetch refuses a create whose body differs, the measuring fetch does not read it", async () => {
    expect((await checkingCannedFetch(api, post(JSON.stringify({ audience: "x" })))).status).toBe(400);
    expect((await cannedFetch(api, post(JSON.stringify({ audience: "x" })))).status).toBe(201);
  });

  test("answers 401 without the bench's token and 400 for another page size", async () => {
    expect((await cannedFetch(`${api}/${GRANT_ID}`)).status).toBe(401);
    expect((await cannedFetch(`${api}?take=10`, { headers: { authorization } })).status).toBe(400);
    expect((await cannedFetch(`${api}/cgr_other`, { headers: { authorization } })).status).toBe(404);
  });
});
