// One cold start, in a fresh Node process that cold-start.mjs spawns: `import()` the SDK, construct a client, and
// print the two times as JSON. Nothing is sent: construction needs no network in either SDK.
const variant = process.argv[2];
const options = { domain: "bench.example.auth0.com", token: "bench-token-0123456789abcdef" };

const start = performance.now();
let construct;
switch (variant) {
  case "none":
    construct = () => undefined;
    break;
  case "undici":
    // Node loads its built-in fetch (undici) the first time Request/Response/Headers is touched: whichever SDK
    // touches it first pays for it, at import (auth0) or at construction (grantkit, through openapi-fetch).
    construct = () => globalThis.Request;
    break;
  case "grantkit": {
    const { createManagementClient } = await import("@grantkit/client");
    construct = () => createManagementClient(options);
    break;
  }
  case "auth0": {
    const { ManagementClient } = await import("auth0");
    construct = () => new ManagementClient(options);
    break;
  }
  case "auth0-subclient": {
    // The README's small-bundle route: one resource's entry point plus createManagementAuth.
    const [{ createManagementAuth }, { ClientGrantsClient }] = await Promise.all([
      import("auth0/management"),
      import("auth0/clientGrants"),
    ]);
    construct = () => new ClientGrantsClient(createManagementAuth(options).clientOptions);
    break;
  }
  default:
    throw new Error(`unknown variant ${variant}`);
}
const imported = performance.now();
const client = construct();
const constructed = performance.now();
if (variant !== "none" && !client) throw new Error("no client");

process.stdout.write(
  JSON.stringify({
    importMs: imported - start,
    constructMs: constructed - imported,
    // Time since this process began, bootstrap included, as Node measures it.
    sinceProcessStartMs: constructed,
    rssMiB: process.memoryUsage().rss / 2 ** 20,
  }),
);
