#!/usr/bin/env node
// @ts-check
// Fails when what a pull request ships is not described by a new changeset, so no change reaches main without a
// version bump and a changelog line. Run on pull requests:
//   node tools/check-changeset.mjs [base-ref]      (default: $CHANGESET_BASE_REF, else origin/main, else main)
// Compares the merge base with the working tree, so a changeset that is written but not yet committed counts.
// Two rules:
// - a change to a published package or a spec needs a new changeset (an empty one when it ships nothing);
// - a package whose API report (packages/<package>/api/*.api.md) changed needs a new changeset naming it, with at
//   least the bump the change calls for (tools/changesets/api-change.mjs): removed or changed lines are breaking,
//   major (minor before 1.0); only added lines are an addition, minor (patch before 1.0). A package with no
//   report at the base (its first reports) has nothing to compare with and is left to the first rule.
// The reports are trusted to match the build: `pnpm check:api` in `pnpm test` fails when they do not.
// Needs only git and Node: CI runs it on a bare checkout.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { classifyApiChange, changedLines, requiredBump } from "./changesets/api-change.mjs";
import { BUMPS, bumpsOf, largerBump } from "./changesets/changeset-file.mjs";
import { publishedPackages, repoRoot } from "./published-packages.mjs";

const run = promisify(execFile);

/** @param {string[]} args */
async function gitOutput(args) {
  const { stdout } = await run("git", args, { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** @param {string[]} args */
async function git(args) {
  return (await gitOutput(args)).split("\n").filter(Boolean);
}

async function baseRef() {
  const given = process.argv[2] ?? process.env.CHANGESET_BASE_REF;
  if (given) return given;
  for (const candidate of ["origin/main", "main"]) {
    if ((await git(["rev-parse", "--verify", "--quiet", `${candidate}^{commit}`]).catch(() => [])).length > 0)
      return candidate;
  }
  throw new Error("No base ref: pass one (for example origin/main) or set CHANGESET_BASE_REF");
}

const base = await baseRef();
const [mergeBase = ""] = await git(["merge-base", base, "HEAD"]);
const untracked = await git(["ls-files", "--others", "--exclude-standard"]);
const changed = [...(await git(["diff", "--name-only", "--no-renames", mergeBase])), ...untracked];
const newChangesets = [
  ...(await git(["diff", "--name-only", "--diff-filter=A", mergeBase, "--", ".changeset/*.md"])),
  ...untracked.filter((file) => /^\.changeset\/[^/]+\.md$/.test(file)),
].filter((file) => file !== ".changeset/README.md");

/** The largest bump the new changesets give each package. */
const bumps = new Map();
for (const file of newChangesets) {
  for (const [name, bump] of bumpsOf(await readFile(join(repoRoot, file), "utf8"), file))
    bumps.set(name, bumps.has(name) ? largerBump(bumps.get(name), bump) : bump);
}

const packages = await publishedPackages();
const shipped = ["openapi/", ...packages.map((pkg) => `${relative(repoRoot, pkg.dir)}/`)];
const needsChangeset = changed.filter((file) => shipped.some((dir) => file.startsWith(dir)));
const specChanged = changed.some((file) => file.startsWith("openapi/"));

/** @param {string} file */
async function reportLines(file) {
  if (untracked.includes(file))
    return { removed: [], added: (await readFile(join(repoRoot, file), "utf8")).split("\n") };
  return changedLines(await gitOutput(["diff", "--no-color", "--no-ext-diff", "--unified=0", mergeBase, "--", file]));
}

/** @type {string[]} */
const problems = [];
if (needsChangeset.length > 0 && newChangesets.length === 0) {
  problems.push(
    `These files changed since ${base} without a new changeset in .changeset/:\n  ${needsChangeset.join("\n  ")}\n` +
      "Run `pnpm changeset` to describe the change (or `pnpm changeset --empty` when it ships nothing).",
  );
}

/**
 * What is wrong with the new changesets for a package whose API reports changed, if anything.
 * @param {import("./published-packages.mjs").PublishedPackage} pkg
 * @param {string[]} reports the changed report files
 * @returns {Promise<string | undefined>}
 */
async function reportProblem(pkg, reports) {
  const lines = { removed: /** @type {string[]} */ ([]), added: /** @type {string[]} */ ([]) };
  for (const file of reports) {
    const { removed, added } = await reportLines(file);
    lines.removed.push(...removed);
    lines.added.push(...added);
  }
  const { change, removed } = classifyApiChange(lines);
  const required = requiredBump(change, pkg.manifest.version);
  const given = bumps.get(pkg.name);
  const why = `its public API changed (${reports.join(", ")})`;
  if (given === undefined) {
    return (
      `${pkg.name}: ${why}, but no new changeset names it. Run \`pnpm changeset\` and select ${pkg.name}` +
      (specChanged && pkg.name !== "@grantkit/types"
        ? ": its report includes the generated types it re-exports, so the spec change reaches its users too."
        : ".")
    );
  }
  if (BUMPS.indexOf(given) >= BUMPS.indexOf(required)) return undefined;
  const shown = removed.slice(0, 12).map((line) => `    - ${line.trim()}`);
  if (removed.length > shown.length) shown.push(`    … and ${removed.length - shown.length} more`);
  return (
    `${pkg.name}: ${why}, and the new changesets give it a ${given} bump; it needs at least ${required} ` +
    `(version ${pkg.manifest.version}): ` +
    (change === "breaking"
      ? `lines were removed or changed, which is breaking:\n${shown.join("\n")}`
      : "the API gained declarations, an addition.")
  );
}

let reportProblems = 0;
for (const pkg of packages) {
  const reportDir = `${relative(repoRoot, pkg.dir)}/api/`;
  const reports = changed.filter((file) => file.startsWith(reportDir) && file.endsWith(".api.md"));
  // A package that had no reports at the base is getting its first ones: there is nothing to compare with.
  if (reports.length === 0 || (await git(["ls-tree", "-r", "--name-only", mergeBase, "--", reportDir])).length === 0)
    continue;
  const problem = await reportProblem(pkg, reports);
  if (problem === undefined) continue;
  problems.push(problem);
  reportProblems += 1;
}

if (problems.length > 0) {
  if (reportProblems > 0) problems.push('How to choose the bump: CONTRIBUTING.md, "Choosing the bump".');
  console.error(problems.join("\n\n"));
  process.exit(1);
}
console.log(
  needsChangeset.length === 0
    ? `No published package or spec changed since ${base}: no changeset needed.`
    : `${needsChangeset.length} changed file(s) in published packages or specs, described by ${newChangesets.join(", ")}.`,
);
