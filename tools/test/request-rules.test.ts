import { describe, expect, it } from "vitest";
import { requestRules } from "../request-rules.mjs";

/** A spec with one operation whose JSON body has `schema`. */
const withBody = (schema: object) => ({
  paths: { "/things": { post: { operationId: "createThing", requestBody: { required: true, content: { "application/json": { schema } } } } } },
});

describe("the request rules generated from a spec", () => {
  it("keep the checked keywords and drop the descriptive ones", () => {
    const [operation] = requestRules(withBody({ type: "object", description: "A thing", properties: { name: { type: "string", maxLength: 3, example: "abc" } } }), "test.yaml");
    expect(operation).toEqual({
      key: "POST /things",
      operationId: "createThing",
      rules: { body: { type: "object", properties: { name: { type: "string", maxLength: 3 } } }, bodyRequired: true },
    });
  });

  it("keep `not` when it says which members exclude each other", () => {
    const exclusion = { required: ["a", "b"], properties: { a: {}, b: {} } };
    const [operation] = requestRules(withBody({ type: "object", not: exclusion }), "test.yaml");
    expect(operation!.rules.body).toEqual({ type: "object", not: exclusion });
  });

  it.each([
    ["a keyword the checker does not implement", { type: "string", contentEncoding: "base64" }, "does not implement `contentEncoding`"],
    ["a format the checker does not implement", { type: "string", format: "email" }, "does not implement the format `email`"],
    ["a `not` that is not an exclusion of members", { type: "string", not: { enum: ["x"] } }, "implements `not` only as"],
    ["a `not` whose members carry a schema", { type: "object", not: { required: ["a"], properties: { a: { type: "string" } } } }, "implements `not` only as"],
  ])("fail the generation on %s, rather than leave a rule unchecked", (_name, schema, message) => {
    expect(() => requestRules(withBody(schema), "test.yaml")).toThrow(message);
  });
});
