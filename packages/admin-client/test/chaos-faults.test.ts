// The chaos suite's own faults: the fake takes the list it is given, a create's failures all strike after it was
// stored, and the layer's faults (the kinds the fake lacks) answer as they say.
import { createFakeTenant } from "@grantkit/testing";
import { describe, expect, it } from "vitest";
import { layerAnswer, tenantFaults, withBadBody } from "./support/chaos-faults.js";

const always = () => 0;
const success = () => Response.json({ id: "cgr_1", audience: "https://api.example.com/" });

describe("the chaos run's faults", () => {
  it("are faults the fake takes, and fail a create only after the fake stored it (a 429 aside)", () => {
    const faults = tenantFaults();
    expect(() => createFakeTenant().setFaults(faults)).not.toThrow();
    const onCreates = faults.filter((fault) => fault.route === "POST /client-grants");
    expect(onCreates.length).toBeGreaterThan(0);
    const before = onCreates.filter((fault) => (fault.kind === "status" || fault.kind === "drop" || fault.kind === "stall") && !fault.afterServing);
    expect(before).toEqual([{ route: "POST /client-grants", kind: "status", status: 429, probability: 0.04 }]);
  });

  it("redirect to the other origin, or refuse the token in each API's form", async () => {
    const redirect = layerAnswer("redirect", "object", "management", "http://other.invalid/x", always);
    expect([redirect.status, redirect.headers.get("location")]).toEqual([301, "http://other.invalid/x"]);
    expect(await layerAnswer("unauthorized", "object", "management", "", always).json()).toMatchObject({ statusCode: 401 });
    expect(layerAnswer("unauthorized", "object", "admin", "", always).headers.get("content-type")).toBe("application/problem+json");
    expect(await layerAnswer("unauthorized", "token", "admin", "", always).json()).toMatchObject({ error: "access_denied" });
  });

  it("replace the body of a success only, each the way it says", async () => {
    const error = Response.json({ statusCode: 404 }, { status: 404 });
    expect(await withBadBody("wrong-shape", error, "object", always)).toBe(error);
    expect((await withBadBody("empty-body", success(), "object", always)).status).toBe(204);
    expect(await (await withBadBody("empty-body", success(), "none", always)).text()).toBe("");
    expect((await withBadBody("wrong-content-type", success(), "object", always)).headers.get("content-type")).toBe("text/html");
    expect(await (await withBadBody("wrong-shape", success(), "list", always)).json()).toBeNull();
    const untouched = success();
    expect(await withBadBody("none", untouched, "object", always)).toBe(untouched);
  });
});
