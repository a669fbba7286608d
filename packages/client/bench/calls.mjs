// Per-call client overhead: the same three calls through @grantkit/client and through auth0's ManagementClient,
// on identical canned answers, measured with tinybench. Two transports, both SDKs measured the same way in each:
//
//   in-process  Both clients get `fetch: cannedFetch` (fixtures.mjs), which answers with a fresh Response of the
//               canned JSON without any socket. What is left is the SDK's own work per call: checks, URL and
//               header building, auth, timeout signals, retry wrapper, body (de)serialisation, result shaping.
//   loopback    A real HTTP round trip to server.mjs (node:http on 127.0.0.1, its own process) through Node's global
//               fetch (undici) with keep-alive. auth0 7 has no baseUrl option (it always calls https://{domain}/api/v2),
//               so it gets `fetch` that swaps that origin for the loopback one in the URL string it is given and
//               calls the global fetch; grantkit gets `baseUrl` pointing at the server and no custom fetch.
//
// Each task runs for BENCH_TIME_MS (default 1200) in 4 rounds with the clients in rotated order, samples pooled, so
// that background load on a shared machine falls on every client alike; medians are the headline numbers.
// Each section also has a "floor" row: the bare fetch plus `response.json()` with no SDK at all, so that
// "SDK - floor" is what each client adds to one call.
import { fork } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { Bench } from "tinybench";
import { ManagementClient } from "auth0";
import { createManagementClient } from "@grantkit/client";
import { BODY_BYTES, cannedFetch, CREATE_BODY, DOMAIN, GRANT_ID, PAGE_SIZE, TOKEN } from "./fixtures.mjs";

const TIME_MS = Number(process.env.BENCH_TIME_MS ?? 1200);
const ROUNDS = 4;
const WARMUP_MS = 300;

// ---------------------------------------------------------------------------------------------------------------
// The calls, one function per SDK and operation, each checked once before it is measured.

function grantkitCalls(client) {
  return {
    get: async () => {
      const grant = await client.clientGrants.get(GRANT_ID);
      return grant.id;
    },
    list: async () => {
      const page = await client.clientGrants.list({ take: PAGE_SIZE });
      return page.client_grants.length;
    },
    create: async () => {
      const grant = await client.clientGrants.create(CREATE_BODY);
      return grant.id;
    },
  };
}

function auth0Calls(management) {
  return {
    get: async () => {
      const grant = await management.clientGrants.get(GRANT_ID);
      return grant.id;
    },
    list: async () => {
      // auth0 7 wraps the checkpoint page in a core.Page; `.data` is the page's grants.
      const page = await management.clientGrants.list({ take: PAGE_SIZE });
      return page.data.length;
    },
    create: async () => {
      const grant = await management.clientGrants.create(CREATE_BODY);
      return grant.id;
    },
  };
}

/** The no-SDK floor: one bare fetch of the same URL and `response.json()`. */
function floorCalls(fetchImpl, origin) {
  const headers = { authorization: `Bearer ${TOKEN}`, accept: "application/json" };
  const json = async (url, init) => {
    const response = await fetchImpl(url, init);
    if (!response.ok) throw new Error(`floor: HTTP ${response.status}`);
    return response.json();
  };
  const body = JSON.stringify(CREATE_BODY);
  return {
    get: async () => (await json(`${origin}/api/v2/client-grants/${GRANT_ID}`, { headers })).id,
    list: async () => (await json(`${origin}/api/v2/client-grants?take=${PAGE_SIZE}`, { headers })).client_grants.length,
    create: async () =>
      (
        await json(`${origin}/api/v2/client-grants`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body,
        })
      ).id,
  };
}

const EXPECTED = { get: GRANT_ID, list: PAGE_SIZE, create: GRANT_ID };

async function check(label, calls) {
  for (const [op, call] of Object.entries(calls)) {
    const got = await call();
    if (got !== EXPECTED[op]) throw new Error(`${label} ${op}: expected ${EXPECTED[op]}, got ${got}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring and printing.

function median(sorted) {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const OPS = ["get", "list", "create"];

/**
 * Runs every (op, client) task ROUNDS times, each round a fresh tinybench run of TIME_MS / ROUNDS per task with the
 * clients in a rotated order, and pools the samples: a burst of background load then lands on all clients alike
 * instead of on whichever task happened to be running.
 */
async function measure(section, contenders) {
  const names = Object.keys(contenders);
  const pooled = new Map();
  for (let round = 0; round < ROUNDS; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]);
    const bench = new Bench({ time: TIME_MS / ROUNDS, warmupTime: round === 0 ? WARMUP_MS : 50 });
    for (const op of OPS) for (const name of order) bench.add(`${op} | ${name}`, contenders[name][op]);
    await bench.warmup();
    await bench.run();
    for (const task of bench.tasks) {
      if (task.result.error) throw task.result.error;
      pooled.set(task.name, [...(pooled.get(task.name) ?? []), ...task.result.samples]);
    }
  }

  const rows = [];
  for (const op of OPS) {
    for (const name of names) {
      const samples = pooled.get(`${op} | ${name}`).sort((a, b) => a - b);
      const mean = samples.reduce((sum, x) => sum + x, 0) / samples.length;
      rows.push({
        op,
        name,
        median: median(samples) * 1000,
        mean: mean * 1000,
        p99: samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.99))] * 1000,
        hz: 1000 / mean,
        n: samples.length,
      });
    }
  }

  console.log(`\n${section}`);
  console.log(
    [
      "op".padEnd(7),
      "client".padEnd(18),
      "median µs".padStart(10),
      "mean µs".padStart(9),
      "p99 µs".padStart(9),
      "calls/s".padStart(9),
      "samples".padStart(8),
      "  SDK overhead (median - floor)",
    ].join(" "),
  );
  for (const row of rows) {
    const floor = rows.find((r) => r.op === row.op && r.name === "floor (no SDK)");
    const overhead = row === floor ? "" : `${(row.median - floor.median).toFixed(1).padStart(8)} µs`;
    console.log(
      [
        row.op.padEnd(7),
        row.name.padEnd(18),
        row.median.toFixed(1).padStart(10),
        row.mean.toFixed(1).padStart(9),
        row.p99.toFixed(1).padStart(9),
        Math.round(row.hz).toLocaleString("en-US").padStart(9),
        String(row.n).padStart(8),
        `  ${overhead}`,
      ].join(" "),
    );
  }
  for (const op of OPS) {
    const g = rows.find((r) => r.op === op && r.name === "@grantkit/client");
    const a = rows.find((r) => r.op === op && r.name === "auth0");
    const ratio = a.median / g.median;
    console.log(
      `  ${op}: grantkit ${g.median.toFixed(1)} µs vs auth0 ${a.median.toFixed(1)} µs per call (median) -> ` +
        (ratio >= 1 ? `grantkit ${ratio.toFixed(2)}x faster` : `grantkit ${(1 / ratio).toFixed(2)}x slower`),
    );
  }
  console.log(`  (load average while measuring: ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores)`);
  return rows;
}

function startServer() {
  const child = fork(fileURLToPath(new URL("./server.mjs", import.meta.url)), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`bench server exited early (${code})`)));
    child.once("message", ({ port }) => resolve({ port, stop: () => child.disconnect() }));
  });
}

// ---------------------------------------------------------------------------------------------------------------

console.log(
  `# Per-call overhead (tinybench; per task ${TIME_MS} ms in ${ROUNDS} interleaved rounds, samples pooled; one call at a time)`,
);
console.log(
  `Canned answers: get ${BODY_BYTES.get} B, list ${PAGE_SIZE} grants ${BODY_BYTES.list} B, create ${BODY_BYTES.create} B. ` +
    "Default options otherwise (retries on, default timeouts).",
);

{
  const inProcess = {
    "floor (no SDK)": floorCalls(cannedFetch, `https://${DOMAIN}`),
    "@grantkit/client": grantkitCalls(createManagementClient({ domain: DOMAIN, token: TOKEN, fetch: cannedFetch })),
    auth0: auth0Calls(new ManagementClient({ domain: DOMAIN, token: TOKEN, fetch: cannedFetch })),
  };
  for (const [name, calls] of Object.entries(inProcess)) await check(name, calls);
  await measure("## In-process canned fetch (no socket): the SDKs' own cost per call", inProcess);
}

{
  const server = await startServer();
  try {
    const origin = `http://127.0.0.1:${server.port}`;
    const httpsOrigin = `https://${DOMAIN}`;
    // auth0 always builds https://{domain}/api/v2/...: send it to the loopback server instead.
    const toLoopback = (url, init) => globalThis.fetch(String(url).replace(httpsOrigin, origin), init);
    const loopback = {
      "floor (no SDK)": floorCalls(globalThis.fetch, origin),
      "@grantkit/client": grantkitCalls(createManagementClient({ baseUrl: `${origin}/api/v2`, token: TOKEN })),
      auth0: auth0Calls(new ManagementClient({ domain: DOMAIN, token: TOKEN, fetch: toLoopback })),
    };
    for (const [name, calls] of Object.entries(loopback)) await check(name, calls);
    await measure("## Loopback HTTP (node:http server in its own process, undici keep-alive)", loopback);
  } finally {
    server.stop();
  }
}
