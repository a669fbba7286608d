import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeServer } from "../src/server/index.js";
import { BILLING, ROBOT, SEED, TOKEN } from "./support/seed.js";

const BIN = fileURLToPath(new URL("../dist/bin/grantkit-fake.js", import.meta.url));

interface Urls {
  managementUrl: string;
  managementTokenUrl: string;
  adminUrl: string;
  adminTokenUrl: string;
}

/** Starts the built bin and reads its first line of stdout. */
function startBin(args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; urls: Urls }> {
  const child = spawn(process.execPath, [BIN, ...args]);
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once("line", (line) => resolve({ child, urls: JSON.parse(line) as Urls }));
    child.once("exit", (code) => reject(new Error(`grantkit-fake exited with ${code}`)));
  });
}

const exitOf = (child: ChildProcessWithoutNullStreams) => new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
const auth = { authorization: `Bearer ${TOKEN}` };

describe("the grantkit-fake bin", () => {
  let dir: string;
  let bin: { child: ChildProcessWithoutNullStreams; urls: Urls };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "grantkit-fake-"));
    const seedFile = join(dir, "seed.json");
    await writeFile(seedFile, JSON.stringify(SEED));
    bin = await startBin(["--port", "0", "--token", TOKEN, "--seed", seedFile, "--rate-limit", "100/200"]);
  });

  afterAll(async () => {
    if (bin.child.exitCode === null) bin.child.kill("SIGKILL");
    await rm(dir, { recursive: true, force: true });
  });

  it("prints the four URLs as one JSON object on its first line", () => {
    const { managementUrl, managementTokenUrl, adminUrl, adminTokenUrl } = bin.urls;
    expect(managementUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v2$/);
    expect(managementTokenUrl).toBe(managementUrl.replace("/api/v2", "/oauth/token"));
    expect(adminUrl).toBe(managementUrl.replace("/api/v2", "/api/adminapi2/v1"));
    expect(adminTokenUrl).toBe(managementUrl.replace("/api/v2", "/auth2/connect/token"));
  });

  it("exchanges the seed's credentials, serves a grant created with the token, with the rate limit's headers", async () => {
    const json = { "content-type": "application/json" };
    const exchange = await fetch(bin.urls.managementTokenUrl, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ grant_type: "client_credentials", client_id: ROBOT, client_secret: "robot-secret" }),
    });
    const { access_token: token } = await exchange.json();
    const bearer = { ...json, authorization: `Bearer ${token}` };
    const created = await fetch(`${bin.urls.managementUrl}/client-grants`, { method: "POST", headers: bearer, body: JSON.stringify({ client_id: ROBOT, audience: BILLING }) });
    expect(created.status).toBe(201);
    const grant = await created.json();
    expect((await (await fetch(`${bin.urls.managementUrl}/client-grants/${grant.id}`, { headers: bearer })).json()).audience).toBe(BILLING);
    const response = await fetch(`${bin.urls.managementUrl}/clients`, { headers: auth });
    expect(response.headers.get("x-ratelimit-limit")).toBe("200");
  });

  it("serves the control routes: state, faults and reset", async () => {
    const origin = new URL(bin.urls.managementUrl).origin;
    const state = await (await fetch(`${origin}/__grantkit/state`)).json();
    expect(state.management.clients).toEqual(SEED.management?.clients);
    const faults = await fetch(`${origin}/__grantkit/faults`, { method: "PUT", body: JSON.stringify([{ route: "GET /clients", kind: "drop" }]) });
    expect(faults.status).toBe(204);
    await expect(fetch(`${bin.urls.managementUrl}/clients`, { headers: auth })).rejects.toThrow(TypeError);
    await fetch(`${origin}/__grantkit/faults`, { method: "DELETE" });
    expect((await fetch(`${bin.urls.managementUrl}/clients`, { headers: auth })).status).toBe(200);
    const replaced = await fetch(`${origin}/__grantkit/state`, { method: "PUT", body: JSON.stringify({}) });
    expect(replaced.status).toBe(204);
    expect(await (await fetch(`${bin.urls.managementUrl}/clients`, { headers: auth })).json()).toEqual([]);
    await fetch(`${origin}/__grantkit/reset`, { method: "POST" });
    expect(await (await fetch(`${bin.urls.managementUrl}/clients`, { headers: auth })).json()).toHaveLength(2);
  });

  it("stops cleanly on SIGTERM", async () => {
    const exited = exitOf(bin.child);
    bin.child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("prints its help and version, and refuses a bad option", async () => {
    const run = (args: string[]) => {
      const child = spawn(process.execPath, [BIN, ...args]);
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
      return exitOf(child).then((code) => ({ code, out }));
    };
    expect(await run(["--help"])).toMatchObject({ code: 0, out: expect.stringContaining("--rate-limit LIMIT[/BURST]") });
    expect(await run(["--version"])).toEqual({ code: 0, out: "0.0.0\n" });
    expect(await run(["--rate-limit", "fast"])).toMatchObject({ code: 2, out: expect.stringContaining("--rate-limit") });
  });
});

describe("startFakeServer", () => {
  it("cuts a body short over the socket, and close() ends a stalled connection", async () => {
    const server = await startFakeServer({ seed: SEED, token: TOKEN });
    server.fake.setFaults([{ route: "GET /clients", kind: "drop-mid-body" }, { route: "GET /resource-servers", kind: "stall" }]);
    const cut = await fetch(`${server.managementUrl}/clients`, { headers: auth });
    await expect(cut.text()).rejects.toThrow();
    const stalled = fetch(`${server.managementUrl}/resource-servers`, { headers: auth });
    // The stall is logged when it strikes: wait for it, then close.
    while (!server.fake.requests.some((request) => request.fault === "stall")) await new Promise((resolve) => setTimeout(resolve, 5));
    await server.close();
    await expect(stalled).rejects.toThrow(TypeError);
  });
});
