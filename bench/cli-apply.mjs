// @ts-check
// The CLI part of `pnpm bench` (issue 19), the bin spawned as users run it against the fake tenant of
// @grantkit/testing in server mode, rate-limited to 20 requests a second (20 at once):
//
//   apply  BENCH_CLI_CHANGES new grants (default 1,000); the target: done within 1.1 x (changes / 20) seconds, with
//          no change failed and no 429 surfaced
//   plan   tenants of 1,000 and 10,000 grants already as the file says: read in pages, time bounded by the rate
//          limit, and the peak memory of each run
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeServer } from "@grantkit/testing/server";
import { readSettings } from "./settings.mjs";

const RATE = 20;
const TOKEN = "bench-management-token-0123456789";
const AUDIENCE = "https://billing.example.com/";
const settings = readSettings();
const changes = settings.smoke ? 20 : Number(process.env.BENCH_CLI_CHANGES ?? 1000);
/** Tenant sizes `plan` reads: memory should stay flat as they grow, and time follow the rate limit. */
const planSizes = settings.smoke ? [100] : [1000, 10_000];
const bin = join(createRequire(import.meta.url).resolve("@grantkit/cli/package.json"), "../dist/bin.js");

/**
 * A tenant of `count` clients, each with a name, and one resource server; the first `granted` already granted.
 * @param {number} count @param {number} granted
 */
function tenantSeed(count, granted) {
  const clients = Array.from({ length: count }, (_, i) => ({ client_id: `bench_robot_${i}`, name: `Robot ${i}`, app_type: /** @type {const} */ ("non_interactive") }));
  const clientGrants = clients.slice(0, granted).map(({ client_id }, i) => ({
    id: `cgr_${String(i).padStart(16, "0")}`,
    client_id,
    audience: AUDIENCE,
    scope: ["read:invoices"],
  }));
  return { management: { clients, clientGrants, resourceServers: [{ id: "rs_billing", identifier: AUDIENCE, name: "Billing", scopes: [{ value: "read:invoices" }] }] } };
}

/** The file that grants the first `count` clients of the seed `read:invoices`. @param {number} count */
const grantsFile = (count) =>
  `grants:\n${Array.from({ length: count }, (_, i) => `  - client_id: bench_robot_${i}\n    audience: ${AUDIENCE}\n    scope: [read:invoices]\n`).join("")}`;

// Reports the child's peak memory on exit, on stderr's last line: the CLI itself is left as users run it.
const REPORT_PEAK = `data:text/javascript,process.on("exit",()=>process.stderr.write("\\nmaxrss "+process.resourceUsage().maxRSS+"\\n"))`;

/**
 * Runs the bin with `args` against `server`, as users run it; resolves with its exit code, stderr, seconds taken and
 * peak resident memory in MB.
 * @param {string[]} args @param {{ managementUrl: string }} server
 */
async function runCli(args, server) {
  const started = performance.now();
  const { code, stderr } = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", REPORT_PEAK, bin, ...args], {
      env: { PATH: process.env.PATH ?? "", AUTH0_ACCESS_TOKEN: TOKEN, AUTH0_BASE_URL: server.managementUrl },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let errors = "";
    child.stderr.setEncoding("utf8").on("data", (chunk) => (errors += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ code: status, stderr: errors }));
  });
  const seconds = (performance.now() - started) / 1000;
  const peak = /maxrss (\d+)\n$/.exec(stderr);
  return { code, stderr, seconds, peakMb: peak ? Number(peak[1]) / 1024 : Number.NaN };
}

const dir = await mkdtemp(join(tmpdir(), "grantkit-bench-cli-"));
try {
  const file = join(dir, "grants.yaml");

  // apply: `changes` new grants.
  await writeFile(file, grantsFile(changes));
  let server = await startFakeServer({ token: TOKEN, rateLimit: { limit: RATE, burst: RATE }, seed: tenantSeed(changes, 0) });
  const apply = await runCli(["apply", "-f", file, "--yes"], server);
  const requests = server.fake.requests;
  const made = server.fake.state().management.clientGrants.length;
  await server.close();
  if (apply.code !== 0 || made !== changes) {
    console.error(`bench: grantkit apply exited ${apply.code} with ${made} of ${changes} grants made:\n${apply.stderr}`);
    process.exit(1);
  }
  const target = 1.1 * (changes / RATE);
  console.log(`\n## CLI: grantkit apply of ${changes} new grants, a ${RATE}/s bucket (defaults)\n`);
  console.log("| changes | time (s) | target (s) | requests | answered 429 | failed | peak memory (MB) |");
  console.log("|---|---|---|---|---|---|---|");
  console.log(`| ${changes} | ${apply.seconds.toFixed(1)} | ${target.toFixed(1)} | ${requests.length} | ${requests.filter((r) => r.status === 429).length} | 0 | ${apply.peakMb.toFixed(0)} |`);

  // plan: tenants of growing size, every grant already as the file says, so the plan is "no changes".
  console.log(`\n## CLI: grantkit plan of a tenant already as its file says, a ${RATE}/s bucket\n`);
  console.log("| grants (and clients) | time (s) | requests | bound by the rate (s) | answered 429 | peak memory (MB) |");
  console.log("|---|---|---|---|---|---|");
  for (const count of planSizes) {
    await writeFile(file, grantsFile(count));
    server = await startFakeServer({ token: TOKEN, rateLimit: { limit: RATE, burst: RATE }, seed: tenantSeed(count, count) });
    const plan = await runCli(["plan", "-f", file, "--detailed-exitcode"], server);
    const sent = server.fake.requests;
    await server.close();
    if (plan.code !== 0) {
      console.error(`bench: grantkit plan of ${count} grants as the file says exited ${plan.code}, not 0 (no changes):\n${plan.stderr}`);
      process.exit(1);
    }
    // The first `RATE` go at once from the full bucket; the others at the rate.
    const bound = Math.max(0, sent.length - RATE) / RATE;
    console.log(`| ${count} | ${plan.seconds.toFixed(1)} | ${sent.length} | ${bound.toFixed(1)} | ${sent.filter((r) => r.status === 429).length} | ${plan.peakMb.toFixed(0)} |`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
