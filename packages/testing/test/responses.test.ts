import { describe, expect, it } from "vitest";
import { createFakeTenant, type FakeTenant } from "../src/index.js";
import { responseJudge } from "./support/response-judge.js";
import { ACME, BILLING, GLOBEX, OTHER_TENANT, PORTAL, REPORTS, ROBOT, SEED, SYSTEM_GRANT, TENANT, TOKEN } from "./support/seed.js";

const judges = { management: responseJudge("management"), admin: responseJudge("admin") };
const ROOTS: [RegExp, keyof typeof judges][] = [
  [/^\/api\/v2(?=\/)/, "management"],
  [/^\/api\/adminapi2\/v[12](?=\/)/, "admin"],
  [/^(?=\/oauth\/token$)/, "management"],
  [/^(?=\/auth2\/connect\/token$)/, "admin"],
];

/** A fetch over the fake that judges every answer by the spec; what it finds goes into `problems`. */
function judgedFetch(fake: FakeTenant, problems: string[]) {
  return async (path: string, init: { method?: string; body?: unknown; form?: Record<string, string>; token?: string | null } = {}) => {
    const method = init.method ?? "GET";
    const headers: Record<string, string> = init.token === null ? {} : { authorization: `Bearer ${init.token ?? TOKEN}` };
    let body: string | undefined;
    if (init.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(init.form).toString();
    } else if (init.body !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(init.body);
    }
    const url = new URL(path, new URL(fake.managementUrl).origin);
    const response = await fake.fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    const root = ROOTS.find(([pattern]) => pattern.test(url.pathname));
    if (root === undefined) throw new Error(`no API serves ${url.pathname}`);
    const judge = judges[root[1]];
    const key = judge.keyOf(method, url.pathname.replace(root[0], ""));
    problems.push(...(key === undefined ? [`${method} ${url.pathname}: no operation`] : judge.problems(key, response.status, response.headers.get("content-type"), text)));
    return { status: response.status, body: text === "" ? undefined : JSON.parse(text) };
  };
}

describe("every answer the fake gives is one the specs document", () => {
  it("across every operation, on its happy paths and its refusals", async () => {
    const fake = createFakeTenant({ seed: SEED, token: TOKEN, rateLimit: { limit: 1000, burst: 1000 }, randomSeed: 29 });
    const problems: string[] = [];
    const send = judgedFetch(fake, problems);
    const statuses: number[] = [];
    const track = async (promise: Promise<{ status: number; body: any }>) => {
      const answer = await promise;
      statuses.push(answer.status);
      return answer;
    };

    const token = await track(send("/oauth/token", { method: "POST", token: null, body: { grant_type: "client_credentials", client_id: ROBOT, client_secret: "robot-secret" } }));
    await track(send("/oauth/token", { method: "POST", token: null, body: { grant_type: "client_credentials", client_id: ROBOT, client_secret: "nope" } }));
    await track(send("/oauth/token", { method: "POST", token: null, body: { grant_type: "client_credentials", client_id: ROBOT, client_secret: "robot-secret", audience: BILLING } }));
    await track(send("/oauth/token", { method: "POST", token: null, body: { grant_type: "implicit" } }));
    const grant = (await track(send("/api/v2/client-grants", { method: "POST", body: { client_id: ROBOT, audience: BILLING, scope: ["read:invoices"] } }))).body;
    await track(send("/api/v2/client-grants", { method: "POST", body: { client_id: ROBOT, audience: BILLING } }));
    await track(send("/api/v2/client-grants", { method: "POST", body: { client_id: ROBOT, audience: "https://none/" } }));
    await track(send("/api/v2/client-grants", { method: "POST", body: { client_id: ROBOT } }));
    await track(send("/api/v2/client-grants", { method: "POST", token: token.body.access_token.replace(/.$/, "x"), body: { client_id: ROBOT, audience: REPORTS } }));
    for (const query of ["", "?include_totals=true&per_page=1", "?take=1", `?audience=${encodeURIComponent(BILLING)}`, "?per_page=0"]) {
      await track(send(`/api/v2/client-grants${query}`, { token: token.body.access_token }));
    }
    await track(send(`/api/v2/client-grants/${grant.id}`));
    await track(send("/api/v2/client-grants/cgr_none"));
    await track(send(`/api/v2/client-grants/${grant.id}`, { method: "PATCH", body: { scope: null } }));
    await track(send(`/api/v2/client-grants/${SYSTEM_GRANT}`, { method: "PATCH", body: { scope: [] } }));
    await track(send("/api/v2/client-grants/cgr_none", { method: "PATCH", body: { scope: [] } }));
    await track(send(`/api/v2/organizations/${ACME}/client-grants`, { method: "POST", body: { grant_id: grant.id } }));
    await track(send(`/api/v2/organizations/${ACME}/client-grants`, { method: "POST", body: { grant_id: grant.id } }));
    await track(send(`/api/v2/organizations/${ACME}/client-grants`, { method: "POST", body: { grant_id: "cgr_none" } }));
    for (const query of ["", "?include_totals=true", "?take=1", "?page=-1"]) await track(send(`/api/v2/client-grants/${grant.id}/organizations${query}`));
    await track(send("/api/v2/client-grants/cgr_none/organizations"));
    for (const query of ["", "?include_totals=true", `?grant_ids=${grant.id}`]) await track(send(`/api/v2/organizations/${ACME}/client-grants${query}`));
    await track(send(`/api/v2/organizations/${GLOBEX}/client-grants/${grant.id}`, { method: "DELETE" }));
    await track(send(`/api/v2/organizations/org_none/client-grants/${grant.id}`, { method: "DELETE" }));
    await track(send(`/api/v2/organizations/${ACME}`));
    await track(send("/api/v2/organizations/org_none"));
    for (const query of ["", "?fields=client_id&include_totals=true", "?take=1", "?is_first_party=maybe"]) await track(send(`/api/v2/clients${query}`));
    for (const query of ["", "?include_totals=true", `?identifiers=${encodeURIComponent(REPORTS)}`]) await track(send(`/api/v2/resource-servers${query}`));
    await track(send("/api/v2/clients", { token: (await send("/oauth/token", { method: "POST", token: null, body: { grant_type: "client_credentials", client_id: PORTAL, client_secret: "portal-secret" } })).body.access_token }));
    await track(send(`/api/v2/client-grants/${SYSTEM_GRANT}`, { method: "DELETE" }));
    await track(send(`/api/v2/client-grants/${grant.id}`, { method: "DELETE" }));
    await track(send(`/api/v2/client-grants/${grant.id}`, { method: "DELETE" }));

    const form = { grant_type: "client_credentials", client_id: "provisioner", client_secret: "provisioner-secret", scope: "openid permissions global.wildcard" };
    const admin = await track(send("/auth2/connect/token", { method: "POST", token: null, form }));
    await track(send("/auth2/connect/token", { method: "POST", token: null, form: { ...form, client_secret: "nope" } }));
    const client = { clientId: "robot", clientName: "Robot", allowedScopes: ["openid", "permissions", "publicapi.all"] };
    await track(send(`/api/adminapi2/v1/tenants/${TENANT}/clients/`, { method: "POST", body: client, token: admin.body.access_token }));
    await track(send(`/api/adminapi2/v2/tenants/${TENANT}/clients/`, { method: "POST", body: client }));
    await track(send(`/api/adminapi2/v1/tenants/${OTHER_TENANT}/clients/`, { method: "POST", body: client, token: admin.body.access_token }));
    await track(send(`/api/adminapi2/v1/tenants/${TENANT}/clients/`, { method: "POST", body: client, token: "nope" }));
    await track(send(`/api/adminapi2/v1/tenants/${TENANT}/clients/robot/secrets/`, { method: "POST", body: { description: "CI" } }));
    await track(send(`/api/adminapi2/v1/tenants/${TENANT}/clients/robot/secrets/`, { method: "POST", body: { expiration: "2020-01-01T00:00:00Z" } }));
    await track(send(`/api/adminapi2/v1/tenants/${TENANT}/clients/nobody/secrets/`, { method: "POST", body: {} }));

    expect(problems).toEqual([]);
    // The scenario did reach every kind of answer it means to judge.
    expect(new Set(statuses)).toEqual(new Set([200, 201, 204, 400, 401, 403, 404, 409]));
  });

  it("a 429 of the rate limit is documented too", async () => {
    const fake = createFakeTenant({ seed: SEED, token: TOKEN, rateLimit: { limit: 1 }, now: () => 0 });
    const problems: string[] = [];
    const send = judgedFetch(fake, problems);
    await send("/api/v2/client-grants");
    expect((await send("/api/v2/client-grants")).status).toBe(429);
    expect(problems).toEqual([]);
  });
});
