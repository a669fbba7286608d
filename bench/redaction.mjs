// @ts-check
// Redaction: what keeping credentials out of one failing call's 4 kB JSON error body costs, with none and with 100
// remembered secrets (the most a client keeps: the Vantage secret values it was shown), interleaved, medians.
//
//   JSON.parse alone      the floor: reading the body, which every failing call does anyway
//   redactValue           `Redactor` from the built @grantkit/client/core, as the transport calls it on an answer:
//                         `redactor.with(token).redactValue(JSON.parse(body))`
//   after a new secret    the same, right after one more secret was added (the oldest of 100 goes): what a failing
//                         call costs in bulk provisioning, where every client made adds its secret
//   failing call          `createAdminClient(...).clients.create(body)` through a canned fetch answering 409 with
//                         the body, the secrets remembered by creating them through the same client
//
// Before anything is timed, each redactor and the client must hide every echoed credential.
import { createHash } from "node:crypto";
import { availableParallelism, loadavg } from "node:os";
import { ApiError, createAdminClient } from "@grantkit/admin-client";
import { Redactor } from "@grantkit/client/core";
import { measureInterleaved } from "./sampling.mjs";
import { readSettings } from "./settings.mjs";
import { fixed, markdownTable } from "./table.mjs";

const settings = readSettings();
const TOKEN = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJpbnZvaWNlLXJvYm90In0.c2lnbmF0dXJlLW9mLXRoZS1iZW5jaA";
const REMEMBERED = 100;

/** A secret value as the admin API shows it: 43 characters of base64url. @param {number} i */
const secretValue = (i) => createHash("sha256").update(`bench-secret-${i}`).digest("base64url").slice(0, 43);
const SECRETS = Array.from({ length: REMEMBERED }, (_, i) => secretValue(i));
/** The secret the error body echoes: one of the 100 remembered. */
const ECHOED = SECRETS[REMEMBERED - 1];
/** The secrets added one by one while measuring "after a new secret": ten times the number a redactor keeps. */
const NEW_SECRETS = Array.from({ length: 10 * REMEMBERED }, (_, i) => secretValue(REMEMBERED + i));

/**
 * A 409 as an ASP.NET problem-details body with Auth0's fields beside it: nested objects and arrays, validation
 * messages keyed by field, and the echoes a server may send back (the bearer token in a copy of the request, a
 * secret as sent and percent-encoded in a URL).
 */
const ERROR_BODY = JSON.stringify({
  type: "https://tools.ietf.org/html/rfc9110#section-15.5.10",
  title: "Conflict",
  status: 409,
  statusCode: 409,
  error: "Conflict",
  errorCode: "client_already_exists",
  message: 'A client with the id "invoice-robot-0042" already exists in tenant t1; the request was rejected.',
  detail: `Secret ${ECHOED} is already in use by another client of this tenant.`,
  instance: `/tenants/t1/clients/invoice-robot-0042/secrets/?value=${encodeURIComponent(ECHOED)}`,
  traceId: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
  errors: {
    ClientId: ["The client id 'invoice-robot-0042' is already taken.", "Client ids are unique per tenant."],
    [`Secrets[${ECHOED}]`]: [`The value '${ECHOED}' is not valid.`],
    RedirectUris: Array.from({ length: 6 }, (_, i) => `https://app${i}.example.com/callback is not an allowed redirect URI for a confidential client`),
    AllowedScopes: ["openid", "profile", "offline_access", "global.wildcard"].map((s) => `The scope '${s}' is not allowed for this client type.`),
  },
  request: {
    method: "POST",
    path: "/tenants/t1/clients/",
    headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json", Accept: "application/json", "User-Agent": "grantkit node/20" },
    body: { clientId: "invoice-robot-0042", clientName: "Invoice robot 42", description: "Created by the nightly provisioning job", allowedScopes: ["openid", "permissions", "publicapi.all"] },
  },
  details: Array.from({ length: 12 }, (_, i) => ({
    code: `E${1000 + i}`,
    target: `clients[${i}].secrets`,
    message: `Validation of field ${i} failed: the value must be unique within the tenant and at most 128 characters long.`,
  })),
});
const ECHOES = [TOKEN, ECHOED, encodeURIComponent(ECHOED)];

/** The admin API as far as these calls need it: every secret created shows the next value, every client is a 409. */
function cannedAdminFetch() {
  let created = 0;
  /** @param {RequestInfo | URL} input */
  return async (input) => {
    if (String(input).endsWith("/secrets/")) {
      const value = SECRETS[created++];
      const secret = { description: "bench", value, valueDisplay: value.slice(0, 3), startTime: "2025-01-15T10:00:00.000Z", expiration: "2025-07-15T10:00:00.000Z" };
      return new Response(JSON.stringify(secret), { status: 200, headers: { "content-type": "application/json" } });
    }
    return new Response(ERROR_BODY, { status: 409, headers: { "content-type": "application/problem+json" } });
  };
}

/** @param {number} remembered */
function redactorWith(remembered) {
  const redactor = new Redactor();
  for (const value of SECRETS.slice(0, remembered)) redactor.add(value);
  return redactor;
}

/** @param {number} remembered */
async function failingCall(remembered) {
  const admin = createAdminClient({ baseUrl: "https://vantage.example.com/api/publicapi/v1", tenantId: "t1", token: TOKEN, fetch: cannedAdminFetch() });
  for (let i = 0; i < remembered; i++) await admin.secrets.create("invoice-robot-0042");
  const newClient = { clientId: "invoice-robot-0042", clientName: "Invoice robot 42", allowedScopes: /** @type {const} */ (["openid", "permissions", "publicapi.all"]) };
  return async () => {
    const error = await admin.clients.create(newClient).then(
      () => undefined,
      (/** @type {unknown} */ thrown) => thrown,
    );
    if (!(error instanceof ApiError) || error.status !== 409) throw new Error("bench: the call did not fail with a 409");
    return error;
  };
}

/** @param {string} what @param {unknown} shown @param {string[]} echoes */
function checkHidden(what, shown, echoes) {
  const text = JSON.stringify(shown);
  const leaked = echoes.filter((echo) => text.includes(echo));
  if (leaked.length > 0 || !text.includes("[redacted]")) throw new Error(`bench: ${what} shows ${leaked.length} of ${echoes.length} echoed credentials`);
}

/** @param {Redactor} redactor */
const redactBody = (redactor) => () => redactor.with(TOKEN).redactValue(JSON.parse(ERROR_BODY));

// Right after a new secret: the echoed secret is a fixed value here (as a client secret is), so that it stays
// redacted however many secrets were added since; 100 added ones besides it.
const churned = new Redactor([ECHOED]);
for (const value of NEW_SECRETS.slice(0, REMEMBERED)) churned.add(value);
let next = REMEMBERED;
const afterNewSecret = () => {
  churned.add(NEW_SECRETS[next++ % NEW_SECRETS.length]);
  return churned.with(TOKEN).redactValue(JSON.parse(ERROR_BODY));
};

const parse = () => JSON.parse(ERROR_BODY);
const none = redactBody(redactorWith(0));
const remembered = redactBody(redactorWith(REMEMBERED));
const failingNone = await failingCall(0);
const failingRemembered = await failingCall(REMEMBERED);

checkHidden("redactValue without secrets", none(), [TOKEN]);
if (!JSON.stringify(none()).includes(ECHOED)) throw new Error("bench: a redactor without the secret hid it");
checkHidden("redactValue with 100 secrets", remembered(), ECHOES);
checkHidden("redactValue after a new secret", afterNewSecret(), ECHOES);
checkHidden("the failing call's error body", (await failingRemembered()).body, ECHOES);

const promised = (/** @type {() => unknown} */ call) => async () => call();
const results = await measureInterleaved(
  {
    none: { parse: promised(parse), redact: promised(none), failing: failingNone },
    remembered: { parse: promised(parse), redact: promised(remembered), churn: promised(afterNewSecret), failing: failingRemembered },
  },
  { rounds: settings.rounds, sliceMs: settings.timeMs / settings.rounds, warmupMs: settings.warmupMs },
);

console.log(`\n## Redaction: one failing call's ${fixed(ERROR_BODY.length / 1000, 1)} kB error body`);
console.log(
  `${fixed(settings.timeMs, 0)} ms per task in ${settings.rounds} interleaved rounds; the body echoes the bearer token and a ` +
    `remembered secret, as sent and percent-encoded.${globalThis.gc ? " Young-generation GC between slices." : ""}\n`,
);
const cell = (/** @type {import("./sampling.mjs").TaskResult | undefined} */ result) => (result ? fixed(result.median) : "n/a");
const rows = [
  ["JSON.parse alone (the floor)", "parse"],
  ["redactor.with(token).redactValue(JSON.parse(body))", "redact"],
  ["the same, right after a new secret", "churn"],
  ["failing call: createAdminClient(...).clients.create", "failing"],
];
console.log(
  markdownTable(
    ["median µs per call", "0 secrets remembered", `${REMEMBERED} secrets remembered`],
    rows.map(([label, task]) => [label, cell(results.none[task]), cell(results.remembered[task])]),
  ),
);
const worst = Math.max(results.remembered.failing.median, results.remembered.churn.median);
console.log(`\nTarget: at most 1000 µs per failing call with ${REMEMBERED} secrets remembered, also right after a new one: ${worst <= 1000 ? "yes" : "no"}`);
console.log(`\n(load average ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores)`);
