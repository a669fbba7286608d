// @ts-check
// Where each published entry point's TypeScript source is: `@grantkit/client/core` is src/core/index.ts, as its
// `exports` give dist/core/index.js. The examples are checked and run against these sources, without a build.
import { join } from "node:path";
import { publishedPackages } from "../published-packages.mjs";

/** @returns {Promise<Record<string, string>>} the source file of every import specifier the packages export */
export async function sourceEntryPoints() {
  /** @type {Record<string, string>} */
  const entries = {};
  for (const pkg of await publishedPackages()) {
    for (const [subpath, target] of Object.entries(pkg.manifest.exports)) {
      if (typeof target !== "object") continue;
      const built = /** @type {string} */ (target.import.default);
      entries[`${pkg.name}${subpath.slice(1)}`] = join(pkg.dir, built.replace(/^\.\/dist\//, "src/").replace(/\.js$/, ".ts"));
    }
  }
  return entries;
}
