#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { RateLimitOptions } from "../src/rate-limit.js";
import type { FakeSeed } from "../src/state.js";
import { startFakeServer } from "../src/server/index.js";

/** The package's version, written in by the build (tsup.config.ts). */
declare const GRANTKIT_TESTING_VERSION: string;

const HELP = `Usage: grantkit-fake [options]

A fake Auth0 tenant (client grants, organizations, lookups, /oauth/token) and ABBYY Vantage admin API
(tenants' clients and secrets, /auth2/connect/token), served over HTTP. The first line on stdout is one
JSON object with managementUrl, managementTokenUrl, adminUrl and adminTokenUrl.

Options:
  --port PORT              the port to listen on; 0 (the default) for any free one
  --host HOST              the address to listen on (default 127.0.0.1)
  --token TOKEN            a fixed bearer token with every scope
  --seed FILE              the JSON state to start with (and to go back to on POST /__grantkit/reset)
  --rate-limit LIMIT[/BURST]  Auth0's rate limit: LIMIT requests a second, BURST at once (default: none)
  --random-seed N          seeds ids, tokens, secrets and faults, to replay a run
  --help                   show this help
  --version                show the version

Control routes: GET and PUT /__grantkit/state, POST /__grantkit/reset, PUT and DELETE /__grantkit/faults,
GET /__grantkit/requests. SIGINT or SIGTERM stops the server.`;

function fail(message: string): never {
  process.stderr.write(`grantkit-fake: ${message}\nRun grantkit-fake --help for the options.\n`);
  process.exit(2);
}

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) fail(`${name} must be a whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}

function rateLimitOf(value: string | undefined): RateLimitOptions | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)(?:\/(\d+))?$/.exec(value);
  if (match === null) fail(`--rate-limit must be LIMIT or LIMIT/BURST, such as 10/20, got ${JSON.stringify(value)}`);
  return { limit: Number(match[1]), ...(match[2] === undefined ? {} : { burst: Number(match[2]) }) };
}

function seedOf(file: string | undefined): FakeSeed | undefined {
  if (file === undefined) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as FakeSeed;
  } catch (error) {
    return fail(`cannot read the seed ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      token: { type: "string" },
      seed: { type: "string" },
      "rate-limit": { type: "string" },
      "random-seed": { type: "string" },
      help: { type: "boolean" },
      version: { type: "boolean" },
    },
  });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const { values } = parsed;
if (values.help) {
  process.stdout.write(`${HELP}\n`);
  process.exit(0);
}
if (values.version) {
  process.stdout.write(`${GRANTKIT_TESTING_VERSION}\n`);
  process.exit(0);
}

const server = await startFakeServer({
  port: integer(values.port, "--port"),
  host: values.host,
  token: values.token,
  seed: seedOf(values.seed),
  rateLimit: rateLimitOf(values["rate-limit"]),
  randomSeed: integer(values["random-seed"], "--random-seed"),
}).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));

const { managementUrl, managementTokenUrl, adminUrl, adminTokenUrl } = server;
process.stdout.write(`${JSON.stringify({ managementUrl, managementTokenUrl, adminUrl, adminTokenUrl, randomSeed: server.fake.randomSeed })}\n`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
