// @ts-check
// The entry points a package publishes, read from its `exports`, so a new entry point gets a report without anyone
// remembering to add one.
import { join } from "node:path";

/**
 * @typedef {import("../published-packages.mjs").PublishedPackage} PublishedPackage
 * @typedef {{ subpath: string; importPath: string; dts: string; reportFile: string }} EntryPoint
 */

/**
 * Each `exports` subpath with ESM type declarations: `.` is reported as `api/index.api.md`, `./core` as
 * `api/core.api.md`. (The CommonJS `.d.cts` files are the same declarations, built from the same sources.)
 * @param {PublishedPackage} pkg
 * @returns {EntryPoint[]}
 */
export function apiEntryPoints(pkg) {
  const exports = pkg.manifest.exports ?? {};
  return Object.entries(exports).flatMap(([subpath, target]) => {
    const types = target?.import?.types;
    if (typeof types !== "string") return [];
    const name = subpath === "." ? "index" : subpath.replace(/^\.\//, "").replaceAll("/", "-");
    return [
      {
        subpath,
        importPath: subpath === "." ? pkg.name : `${pkg.name}/${subpath.slice(2)}`,
        dts: join(pkg.dir, types),
        reportFile: join(pkg.dir, "api", `${name}.api.md`),
      },
    ];
  });
}
