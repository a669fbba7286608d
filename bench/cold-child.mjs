// @ts-check
// One cold start, in the fresh Node process that cold-start.mjs spawns: `import()` the SDK, construct a client, and
// print the two times and the memory as JSON. Nothing is sent: construction needs no network in any SDK.
const variant = process.argv[2];
const options = { domain: "bench.example.auth0.com", token: "bench-token-0123456789abcdef" };

const start = performance.now();
/** @type {() => unknown} */
let construct;
switch (variant) {
  case "none":
    construct = () => true;
    break;
  case "undici":
    // Node loads its built-in fetch (undici) the first time Request, Response or Headers is touched: whichever
    // SDK touches it first pays for it, at import (auth0) or at construction (openapi-fetch, and so grantkit).
    construct = () => globalThis.Request;
    break;
  case "openapi-fetch": {
    const { default: createClient } = await import("openapi-fetch");
    construct = () => createClient({ baseUrl: `https://${options.domain}/api/v2`, headers: { authorization: `Bearer ${options.token}` } });
    break;
  }
  case "auth0": {
    const { ManagementClient } = await import("auth0");
    construct = () => new ManagementClient(options);
    break;
  }
  case "grantkit": {
    const { createManagementClient } = await import("@grantkit/client");
    construct = () => createManagementClient(options);
    break;
  }
  default:
    throw new Error(`unknown variant ${variant}`);
}
const imported = performance.now();
const client = construct();
const constructed = performance.now();
if (!client) throw new Error(`${variant}: no client`);

process.stdout.write(
  JSON.stringify({ importMs: imported - start, constructMs: constructed - imported, rssMiB: process.memoryUsage().rss / 2 ** 20 }),
);
