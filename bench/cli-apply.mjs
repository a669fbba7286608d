// @ts-check
// The CLI part of `pnpm bench` (issue 19): `grantkit apply` of BENCH_CLI_CHANGES new grants (default 1,000) against
// the fake tenant of @grantkit/testing in server mode, rate-limited to 20 requests a second (20 at once). The
// target: done within 1.1 x (changes / 20) seconds, with no change failed and no 429 surfaced.
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
const bin = join(createRequire(import.meta.url).resolve("@grantkit/cli/package.json"), "../dist/bin.js");

const clients = Array.from({ length: changes }, (_, i) => ({ client_id: `bench_robot_${i}`, name: `Robot ${i}`, app_type: /** @type {const} */ ("non_interactive") }));
const server = await startFakeServer({
  token: TOKEN,
  rateLimit: { limit: RATE, burst: RATE },
  seed: { management: { clients, resourceServers: [{ id: "rs_billing", identifier: AUDIENCE, name: "Billing", scopes: [{ value: "read:invoices" }] }] } },
});
const dir = await mkdtemp(join(tmpdir(), "grantkit-bench-cli-"));
try {
  const file = join(dir, "grants.yaml");
  await writeFile(file, `grants:\n${clients.map(({ client_id }) => `  - client_id: ${client_id}\n    audience: ${AUDIENCE}\n    scope: [read:invoices]\n`).join("")}`);
  const started = performance.now();
  const { code, stderr } = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, "apply", "-f", file, "--yes"], {
      env: { PATH: process.env.PATH ?? "", AUTH0_ACCESS_TOKEN: TOKEN, AUTH0_BASE_URL: server.managementUrl },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let errors = "";
    child.stderr.setEncoding("utf8").on("data", (chunk) => (errors += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ code: status, stderr: errors }));
  });
  const seconds = (performance.now() - started) / 1000;
  const requests = server.fake.requests;
  const made = server.fake.state().management.clientGrants.length;
  if (code !== 0 || made !== changes) {
    console.error(`bench: grantkit apply exited ${code} with ${made} of ${changes} grants made:\n${stderr}`);
    process.exit(1);
  }
  const target = 1.1 * (changes / RATE);
  console.log(`\n## CLI: grantkit apply of ${changes} new grants, a ${RATE}/s bucket (defaults)\n`);
  console.log("| changes | time (s) | target (s) | requests | answered 429 | failed |");
  console.log("|---|---|---|---|---|---|");
  console.log(`| ${changes} | ${seconds.toFixed(1)} | ${target.toFixed(1)} | ${requests.length} | ${requests.filter((r) => r.status === 429).length} | 0 |`);
} finally {
  await rm(dir, { recursive: true, force: true });
  await server.close();
}
