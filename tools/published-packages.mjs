// @ts-check
// The packages this repository publishes (every packages/* that is not private), and packing them the way a
// release does, so the checks look at the tarballs users install rather than at the working tree.
import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
export const repoRoot = fileURLToPath(new URL("../", import.meta.url));

/**
 * @typedef {{ name: string; dir: string; manifest: Record<string, any> }} PublishedPackage
 * @typedef {PublishedPackage & { tarball: string }} PackedPackage
 */

/**
 * @param {string} [root] another copy of the repository (the same layout) instead of this one
 * @returns {Promise<PublishedPackage[]>} sorted by folder name
 */
export async function publishedPackages(root = repoRoot) {
  const packagesDir = join(root, "packages");
  const folders = (await readdir(packagesDir, { withFileTypes: true })).filter((entry) => entry.isDirectory());
  const found = [];
  for (const name of folders.map((entry) => entry.name).sort()) {
    const dir = join(packagesDir, name);
    const manifest = await readFile(join(dir, "package.json"), "utf8").then(JSON.parse, () => undefined);
    if (manifest && !manifest.private) found.push({ name: manifest.name, dir, manifest });
  }
  return found;
}

/**
 * Packs each published package into `destination` with `pnpm pack`, which (unlike `npm pack`) rewrites
 * `workspace:*` dependencies to the versions that will be published.
 * @param {string} destination
 * @returns {Promise<PackedPackage[]>}
 */
export async function packPublishedPackages(destination) {
  const packed = [];
  for (const pkg of await publishedPackages()) {
    const { stdout } = await run("pnpm", ["pack", "--json", "--pack-destination", destination], { cwd: pkg.dir });
    packed.push({ ...pkg, tarball: JSON.parse(stdout).filename });
  }
  return packed;
}
