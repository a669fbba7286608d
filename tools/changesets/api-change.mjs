// @ts-check
// What a change to a package's API report means for its version. The rule is deliberately simple and errs on the
// safe side: the report lists declarations one member per line, so a removed or changed line is something users
// could depend on that is gone or different (breaking), and a change made only of new lines adds to the API.
// It cannot tell a widened input (compatible) from a narrowed output (breaking): both change a line, so both count
// as breaking. Dependency-free, like the check that uses it.

/** @typedef {import("./changeset-file.mjs").Bump} Bump */
/** @typedef {"breaking" | "addition" | "cosmetic"} ApiChange */

/**
 * The removed and added lines of a unified diff (`git diff`), without its headers.
 * @param {string} diff
 * @returns {{ removed: string[]; added: string[] }}
 */
export function changedLines(diff) {
  /** @type {string[]} */
  const removed = [];
  /** @type {string[]} */
  const added = [];
  let inHunk = false;
  for (const line of diff.split("\n")) {
    if (line.startsWith("@@")) inHunk = true;
    else if (line.startsWith("diff ")) inHunk = false;
    else if (inHunk && line.startsWith("-")) removed.push(line.slice(1));
    else if (inHunk && line.startsWith("+")) added.push(line.slice(1));
  }
  return { removed, added };
}

/**
 * Blank lines and comments carry no API: API Extractor's `// (undocumented)` and `// @public` markers change when
 * a doc comment is added or removed.
 * @param {string} line
 */
function isDeclaration(line) {
  const trimmed = line.trim();
  return trimmed !== "" && !trimmed.startsWith("//");
}

/**
 * @param {{ removed: string[]; added: string[] }} lines
 * @returns {{ change: ApiChange; removed: string[] }} `removed`: the declaration lines that make it breaking
 */
export function classifyApiChange({ removed, added }) {
  const removedDeclarations = removed.filter(isDeclaration);
  if (removedDeclarations.length > 0) return { change: "breaking", removed: removedDeclarations };
  return { change: added.some(isDeclaration) ? "addition" : "cosmetic", removed: [] };
}

/**
 * The smallest bump that describes the change honestly. Before 1.0, semver leaves everything open and changesets
 * treats a minor as the breaking bump (0.3.0 to 0.4.0), so every level shifts down one.
 * @param {ApiChange} change
 * @param {string} version the package's current version
 * @returns {Bump}
 */
export function requiredBump(change, version) {
  const beforeOne = /^0\./.test(version);
  if (change === "breaking") return beforeOne ? "minor" : "major";
  if (change === "addition") return beforeOne ? "patch" : "minor";
  return "patch";
}
