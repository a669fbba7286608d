#!/usr/bin/env node
// @ts-check
// Bundles every ESM entry point of every published package for a browser and for a worker runtime (Cloudflare
// Workers, Deno Deploy) with esbuild, where Node's built-ins do not exist. Any import of one, `node:` prefixed or
// bare, anywhere in the bundle (dependencies included), fails the check and names the file that imports it.
import { isBuiltin } from "node:module";
import { join } from "node:path";
import { build } from "esbuild";
import { publishedPackages } from "./published-packages.mjs";

// Worker runtimes pick these export conditions before the browser's; none of ours use them yet, a dependency might.
const targets = [
  { name: "browser", conditions: [] },
  { name: "worker", conditions: ["workerd", "worker"] },
];

/** @type {import("esbuild").Plugin} */
const refuseNodeBuiltins = {
  name: "refuse-node-builtins",
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) =>
      isBuiltin(args.path) ? { errors: [{ text: `imports the Node built-in "${args.path}"` }] } : undefined,
    );
  },
};

/**
 * The file each `exports` entry gives an ESM importer, for example `{ ".": ..., "./core": ... }`.
 * @param {import("./published-packages.mjs").PublishedPackage} pkg
 */
function esmEntryPoints(pkg) {
  return Object.entries(pkg.manifest.exports)
    .filter(([subpath]) => subpath !== "./package.json")
    // `"browser": null` is how an entry point says it is for Node only (as msw's `./node` does): not bundled here.
    .filter(([, target]) => target.browser !== null)
    .map(([subpath, target]) => ({
      specifier: `${pkg.name}${subpath.slice(1)}`,
      file: join(pkg.dir, target.import.default),
    }));
}

/**
 * @param {string} file
 * @param {string[]} conditions
 * @returns {Promise<{ bytes: number } | { errors: import("esbuild").Message[] }>}
 */
async function bundle(file, conditions) {
  try {
    const { outputFiles } = await build({
      entryPoints: [file],
      bundle: true,
      platform: "browser",
      format: "esm",
      conditions,
      write: false,
      logLevel: "silent",
      plugins: [refuseNodeBuiltins],
    });
    return { bytes: outputFiles.reduce((sum, output) => sum + output.contents.byteLength, 0) };
  } catch (failure) {
    return { errors: /** @type {import("esbuild").BuildFailure} */ (failure).errors };
  }
}

let failed = false;
for (const pkg of await publishedPackages()) {
  for (const entry of esmEntryPoints(pkg)) {
    for (const target of targets) {
      const result = await bundle(entry.file, target.conditions);
      if ("errors" in result) {
        failed = true;
        console.error(`${entry.specifier} does not bundle for a ${target.name}:`);
        for (const error of result.errors) console.error(`  ${error.location?.file ?? entry.file}: ${error.text}`);
      } else {
        console.log(
          `${entry.specifier} bundles for a ${target.name} without Node built-ins (${result.bytes} bytes, unminified)`,
        );
      }
    }
  }
}
if (failed) process.exit(1);
