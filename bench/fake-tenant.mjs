// @ts-check
// The fake tenant (@grantkit/testing) against the floor it stands in for, driven by the same @grantkit/client, one
// call at a time, interleaved, medians (issue 20's targets):
//
//   in process  createFakeTenant()'s `fetch` against the canned fetch of the other parts (canned-fetch.mjs): the
//               fake's own work per call (routing, spec validation with Ajv, state, token and scope checks)
//   loopback    the grantkit-fake bin against server.mjs (node:http answering fixed bodies), each in its own
//               process, over Node's fetch with keep-alive; one call at a time, so throughput is 1 / time per call
//
// The fake holds the fixtures' 50 grants, so both sides answer the same grants; each side is checked first.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { createManagementClient } from "@grantkit/client";
import { createFakeTenant } from "@grantkit/testing";
import { cannedFetch } from "./canned-fetch.mjs";
import { DOMAIN, EXPECTED, GRANT_ID, PAGE_SIZE, TOKEN } from "./fixtures.mjs";
import { startLoopbackServer } from "./loopback-server.mjs";
import { measureInterleaved } from "./sampling.mjs";
import { readSettings } from "./settings.mjs";
import { fixed, markdownTable, times } from "./table.mjs";

const settings = readSettings();
const SEED = { management: { clientGrants: EXPECTED.list } };

/** @param {import("@grantkit/client").ManagementClient} client */
const callsOf = (client) => ({
  get: () => client.clientGrants.get(GRANT_ID),
  list: () => client.clientGrants.list({ take: PAGE_SIZE }),
});

/** Both sides must answer the fixtures' grants before anything is timed. @param {string} name @param {ReturnType<typeof callsOf>} calls */
async function check(name, calls) {
  const grant = await calls.get();
  const page = await calls.list();
  const same = JSON.stringify(grant) === JSON.stringify(EXPECTED.get) && JSON.stringify(page.client_grants) === JSON.stringify(EXPECTED.list);
  if (!same) throw new Error(`bench: ${name} did not answer the fixtures' grants`);
}

/** Starts the grantkit-fake bin with the seed and resolves with its URLs once its first line arrives. */
async function startFakeServer() {
  const seedFile = join(tmpdir(), `grantkit-bench-seed-${process.pid}.json`);
  writeFileSync(seedFile, JSON.stringify(SEED));
  const bin = fileURLToPath(import.meta.resolve("@grantkit/testing/package.json").replace("package.json", "dist/bin/grantkit-fake.js"));
  const child = spawn(process.execPath, [bin, "--port", "0", "--token", TOKEN, "--seed", seedFile], { stdio: ["ignore", "pipe", "inherit"] });
  const [line] = await createInterface({ input: /** @type {import("node:stream").Readable} */ (child.stdout) })[Symbol.asyncIterator]().next().then((next) => [next.value]);
  const { managementUrl } = JSON.parse(String(line));
  return { managementUrl: String(managementUrl), stop: () => child.kill("SIGTERM") };
}

const plan = { rounds: settings.rounds, sliceMs: settings.timeMs / settings.rounds, warmupMs: settings.warmupMs };
const ratioCell = (/** @type {number} */ mine, /** @type {number} */ floor) => `${fixed(mine)} (${times(mine / floor)})`;

const fake = createFakeTenant({ seed: SEED, token: TOKEN });
const inProcess = {
  canned: callsOf(createManagementClient({ domain: DOMAIN, token: TOKEN, fetch: cannedFetch })),
  fake: callsOf(createManagementClient({ baseUrl: fake.managementUrl, token: TOKEN, fetch: fake.fetch })),
};
const bare = await startLoopbackServer(Math.ceil((4 * (settings.timeMs + settings.warmupMs)) / 1000) + 60);
const fakeServer = await startFakeServer();
const loopback = {
  bare: callsOf(createManagementClient({ baseUrl: `${bare.origin}/api/v2`, token: TOKEN })),
  fake: callsOf(createManagementClient({ baseUrl: fakeServer.managementUrl, token: TOKEN })),
};
try {
  for (const [name, calls] of [...Object.entries(inProcess), ...Object.entries(loopback)]) await check(name, calls);
  const near = await measureInterleaved(
    { get: { canned: inProcess.canned.get, fake: inProcess.fake.get }, list: { canned: inProcess.canned.list, fake: inProcess.fake.list } },
    plan,
  );
  const far = await measureInterleaved(
    { get: { bare: loopback.bare.get, fake: loopback.fake.get }, list: { bare: loopback.bare.list, fake: loopback.fake.list } },
    plan,
  );
  console.log(`\n## The fake tenant (@grantkit/testing), driven by @grantkit/client`);
  console.log(`${fixed(settings.timeMs, 0)} ms per task in ${settings.rounds} interleaved rounds, one call at a time; list is ${PAGE_SIZE} grants.\n`);
  console.log(
    markdownTable(
      ["median µs per call", "canned fetch", "fake, in process (ratio)", "node:http, fixed body", "grantkit-fake server (ratio)"],
      ["get", "list"].map((op) => [
        `clientGrants.${op}`,
        fixed(near[op].canned.median),
        ratioCell(near[op].fake.median, near[op].canned.median),
        fixed(far[op].bare.median),
        ratioCell(far[op].fake.median, far[op].bare.median),
      ]),
    ),
  );
  const inProcessWorst = Math.max(...["get", "list"].map((op) => near[op].fake.median / near[op].canned.median));
  const throughputWorst = Math.min(...["get", "list"].map((op) => far[op].bare.median / far[op].fake.median));
  console.log(`\nTarget: in process, at most 2x the canned fetch: ${inProcessWorst <= 2 ? "yes" : "no"} (${times(inProcessWorst)})`);
  console.log(`Target: as a server, at least half the throughput of the bare server: ${throughputWorst >= 0.5 ? "yes" : "no"} (${times(throughputWorst)})`);
  console.log(`\n(load average ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores)`);
} finally {
  bare.stop();
  fakeServer.stop();
}
