#!/usr/bin/env node
// @ts-check
// Fails when a published package or a spec changed since the base ref without a new changeset, so no change that
// ships reaches main without a version bump and a changelog line. Run on pull requests:
//   node tools/check-changeset.mjs [base-ref]      (default: $CHANGESET_BASE_REF, else origin/main, else main)
// Compares the merge base with the working tree, so a changeset that is written but not yet committed counts.
import { execFile } from "node:child_process";
import { relative } from "node:path";
import { promisify } from "node:util";
import { publishedPackages, repoRoot } from "./published-packages.mjs";

const run = promisify(execFile);

/** @param {string[]} args */
async function git(args) {
  const { stdout } = await run("git", args, { cwd: repoRoot });
  return stdout.split("\n").filter(Boolean);
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
const [mergeBase] = await git(["merge-base", base, "HEAD"]);
const changed = [
  ...(await git(["diff", "--name-only", "--no-renames", mergeBase])),
  ...(await git(["ls-files", "--others", "--exclude-standard"])),
];
const added = [
  ...(await git(["diff", "--name-only", "--diff-filter=A", mergeBase, "--", ".changeset/*.md"])),
  ...(await git(["ls-files", "--others", "--exclude-standard", "--", ".changeset/*.md"])),
].filter((file) => file !== ".changeset/README.md");

const shipped = ["openapi/", ...(await publishedPackages()).map((pkg) => `${relative(repoRoot, pkg.dir)}/`)];
const needsChangeset = changed.filter((file) => shipped.some((dir) => file.startsWith(dir)));

if (needsChangeset.length > 0 && added.length === 0) {
  console.error(
    `These files changed since ${base} without a new changeset in .changeset/:\n  ${needsChangeset.join("\n  ")}\n` +
      "Run `pnpm changeset` to describe the change (or `pnpm changeset --empty` when it ships nothing).",
  );
  process.exit(1);
}
console.log(
  needsChangeset.length === 0
    ? `No published package or spec changed since ${base}: no changeset needed.`
    : `${needsChangeset.length} changed file(s) in published packages or specs, described by ${added.join(", ")}.`,
);
