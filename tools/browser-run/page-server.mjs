// @ts-check
// Serves the test page on its own loopback origin: an HTML page and page.mjs bundled with esbuild from the built
// packages, as an application's bundler would bundle them for a browser.
import { createServer } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { publishedPackages } from "../published-packages.mjs";

/**
 * Bundles page.mjs. Its own `@grantkit/*` imports are the packages' built ESM entry points (tools cannot depend on
 * the packages, which use tools); what those import in turn resolves as it would for a user.
 */
async function bundlePage() {
  const entries = new Map(
    (await publishedPackages()).map((pkg) => [pkg.name, join(pkg.dir, pkg.manifest.exports["."].import.default)]),
  );
  /** @type {import("esbuild").Plugin} */
  const builtPackages = {
    name: "built-packages",
    setup(build) {
      build.onResolve({ filter: /^@grantkit\/[a-z-]+$/ }, (args) => {
        const path = entries.get(args.path);
        return path ? { path } : undefined;
      });
    },
  };
  const { outputFiles } = await build({
    entryPoints: [fileURLToPath(new URL("page.mjs", import.meta.url))],
    bundle: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    plugins: [builtPackages],
    write: false,
    logLevel: "silent",
  });
  return outputFiles[0]?.text ?? "";
}

/** @returns {Promise<{ url: string; stop: () => Promise<void> }>} */
export async function startPageServer() {
  const script = await bundlePage();
  const html = '<!doctype html><meta charset="utf-8"><title>grantkit in a browser</title><script type="module" src="/page.js"></script>';
  const server = createServer((request, response) => {
    if (request.url === "/") response.writeHead(200, { "content-type": "text/html" }).end(html);
    else if (request.url === "/page.js") response.writeHead(200, { "content-type": "text/javascript" }).end(script);
    else response.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}/`,
    stop: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
