// @ts-check
// The rate-limit part of `pnpm bench` (issue 12): bulk work against a tenant's token bucket, @grantkit/client and
// the auth0 SDK side by side in one run, each with its defaults and its own fresh bucket.
//
//   bulk   BENCH_RATE_CALLS mixed calls (default 2,000) from 50 concurrent workers, a 20/s bucket
//   burst  200 calls at once, a 10/s bucket
//
// The bucket answers as Auth0 documents: `x-ratelimit-limit` (its size), `x-ratelimit-remaining` and
// `x-ratelimit-reset` (when the bucket is full again, in epoch seconds, rounded up) on every answer, 429 when empty.
import { createServer } from "node:http";
import { ManagementClient } from "auth0";
import { createManagementClient } from "@grantkit/client";
import { CREATE_BODY, DOMAIN, EXPECTED, GRANT_ID, TOKEN, UPDATE_BODY } from "./fixtures.mjs";
import { readSettings } from "./settings.mjs";

const GRANT = EXPECTED.get;

const settings = readSettings();
const smoke = settings.smoke;

/**
 * A loopback server with one token bucket of `rate` tokens a second and `rate` tokens deep.
 * @param {number} rate
 */
async function bucketServer(rate) {
  let tokens = rate;
  let last = Date.now();
  const stats = { requests: 0, limited: 0 };
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const now = Date.now();
      tokens = Math.min(rate, tokens + ((now - last) / 1000) * rate);
      last = now;
      stats.requests += 1;
      const allowed = tokens >= 1;
      if (allowed) tokens -= 1;
      const fullAt = now + ((rate - tokens) / rate) * 1000;
      const headers = {
        "content-type": "application/json",
        "x-ratelimit-limit": String(rate),
        "x-ratelimit-remaining": String(Math.floor(tokens)),
        "x-ratelimit-reset": String(Math.ceil(fullAt / 1000)),
      };
      if (!allowed) {
        stats.limited += 1;
        res.writeHead(429, headers);
        return res.end(JSON.stringify({ statusCode: 429, error: "Too Many Requests", message: "Global limit has been reached" }));
      }
      if (req.method === "DELETE") return res.writeHead(204, headers).end();
      const list = req.method === "GET" && !req.url?.includes(GRANT_ID);
      res.writeHead(req.method === "POST" ? 201 : 200, headers);
      res.end(JSON.stringify(list ? { client_grants: [GRANT], next: "cgr_next" } : GRANT));
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  return { origin: `http://127.0.0.1:${address.port}`, stats, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** @typedef {Array<() => Promise<unknown>>} Ops */

/**
 * The mixed calls, in turn: both SDKs name their client-grant methods alike.
 * @param {{ get(id: string): Promise<unknown>, list(query: object): Promise<unknown>, create(body: any): Promise<unknown>, update(id: string, body: any): Promise<unknown>, delete(id: string): Promise<unknown> }} grants
 * @returns {Ops}
 */
const mixedCalls = (grants) => [
  () => grants.get(GRANT_ID),
  () => grants.list({ take: 50 }),
  () => grants.create(CREATE_BODY),
  () => grants.update(GRANT_ID, UPDATE_BODY),
  () => grants.delete(GRANT_ID),
];

const CONTENDERS = {
  /** @param {string} origin @returns {Ops} */
  grantkit(origin) {
    return mixedCalls(createManagementClient({ baseUrl: `${origin}/api/v2`, token: TOKEN }).clientGrants);
  },
  /** @param {string} origin @returns {Ops} */
  auth0(origin) {
    const own = `https://${DOMAIN}`;
    /** @type {typeof fetch} */
    const toOrigin = (url, init) => fetch(String(url).replace(own, origin), init);
    return mixedCalls(new ManagementClient({ domain: DOMAIN, token: TOKEN, fetch: toOrigin }).clientGrants);
  },
};

/**
 * `calls` calls from `concurrency` workers against a fresh bucket of `rate`/s.
 * @param {keyof typeof CONTENDERS} id @param {number} calls @param {number} concurrency @param {number} rate
 */
async function scenario(id, calls, concurrency, rate) {
  const bucket = await bucketServer(rate);
  const ops = CONTENDERS[id](bucket.origin);
  let next = 0;
  let failed = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < calls) {
      const op = ops[next++ % ops.length];
      await op().catch(() => (failed += 1));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  await bucket.close();
  const succeeded = calls - failed;
  return {
    contender: id === "grantkit" ? "@grantkit/client" : "auth0 7.1.0",
    failed: `${failed} of ${calls}`,
    limited: `${((100 * bucket.stats.limited) / bucket.stats.requests).toFixed(1)}% of ${bucket.stats.requests}`,
    // The bucket starts full: the first `rate` calls come free, so the pace is measured on the rest.
    pace: `${((100 * Math.max(0, succeeded - rate)) / (seconds * rate)).toFixed(0)}%`,
    seconds: seconds.toFixed(1),
  };
}

/** @param {string} title @param {Array<Record<string, string>>} rows */
function table(title, rows) {
  console.log(`\n${title}\n`);
  console.log("| client | failed calls | requests answered 429 | throughput vs the limit | time (s) |");
  console.log("|---|---|---|---|---|");
  for (const row of rows) console.log(`| ${row.contender} | ${row.failed} | ${row.limited} | ${row.pace} | ${row.seconds} |`);
}

const bulkCalls = smoke ? 60 : Number(process.env.BENCH_RATE_CALLS ?? 2000);
const bulk = [];
const burst = [];
for (const id of /** @type {const} */ (["grantkit", "auth0"])) {
  bulk.push(await scenario(id, bulkCalls, 50, 20));
  burst.push(await scenario(id, smoke ? 30 : 200, smoke ? 30 : 200, 10));
}
// A smoke run checks what the tables claim: the budget leaves no grantkit call failed.
if (smoke && [...bulk, ...burst].some((row) => row.contender === "@grantkit/client" && !row.failed.startsWith("0 "))) {
  console.error(`bench: @grantkit/client had failed calls under the rate limit: ${JSON.stringify([...bulk, ...burst])}`);
  process.exit(1);
}
table(`## Rate limit: ${bulkCalls} mixed calls, 50 concurrent workers, a 20/s bucket (defaults)`, bulk);
table(`## Rate limit: a burst of ${smoke ? 30 : 200} calls at once, a 10/s bucket (defaults)`, burst);
