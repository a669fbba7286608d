// @ts-check
// Reads the bumps a changeset file asks for. Dependency-free on purpose: the pull-request check runs on a bare
// checkout, before any install.

/** @typedef {"patch" | "minor" | "major"} Bump */

/** @type {readonly Bump[]} from smallest to largest */
export const BUMPS = ["patch", "minor", "major"];

/**
 * The `"package": bump` lines of a changeset's front matter. An empty changeset (`pnpm changeset --empty`) names
 * none.
 * @param {string} text the file's content
 * @param {string} file its name, for errors
 * @returns {Map<string, Bump>}
 */
export function bumpsOf(text, file) {
  const frontMatter = /^---\r?\n([\s\S]*?)^---\s*$/m.exec(text);
  if (!frontMatter || text.slice(0, frontMatter.index).trim() !== "")
    throw new Error(`${file}: no front matter (a changeset starts with a --- block of "package": bump lines)`);
  /** @type {Map<string, Bump>} */
  const bumps = new Map();
  for (const line of (frontMatter[1] ?? "").split(/\r?\n/)) {
    if (line.trim() === "") continue;
    const match = /^\s*(["']?)([^"']+)\1\s*:\s*(patch|minor|major)\s*$/.exec(line);
    if (!match) throw new Error(`${file}: cannot read the front-matter line ${JSON.stringify(line)}`);
    bumps.set(/** @type {string} */ (match[2]), /** @type {Bump} */ (match[3]));
  }
  return bumps;
}

/**
 * @param {Bump} a
 * @param {Bump} b
 */
export function largerBump(a, b) {
  return BUMPS.indexOf(a) >= BUMPS.indexOf(b) ? a : b;
}
