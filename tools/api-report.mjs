#!/usr/bin/env node
// @ts-check
// The public API report of every entry point of every published package, made with API Extractor from the built
// `.d.ts` files (run the build first; `pnpm api` and `pnpm check:api` do).
//   node tools/api-report.mjs            writes packages/<package>/api/<entry>.api.md
//   node tools/api-report.mjs --check    writes nothing; fails with a diff when a committed report is out of date
// `--root <dir>` works on another copy of the repository (the same layout) instead of this one.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { publishedPackages, repoRoot } from "./published-packages.mjs";
import { reportEntryPoint } from "./api-report/extract.mjs";
import { apiEntryPoints } from "./api-report/entry-points.mjs";
import { writeOrCheckReport } from "./api-report/compare.mjs";

const { values: options } = parseArgs({ options: { check: { type: "boolean" }, root: { type: "string" } } });
const root = options.root === undefined ? repoRoot : resolve(options.root);
const check = options.check === true;

const packages = await publishedPackages(root);
const bundled = packages.map((pkg) => pkg.name);
const scratch = await mkdtemp(join(tmpdir(), "grantkit-api-"));
let stale = 0;
try {
  for (const pkg of packages) {
    for (const entry of apiEntryPoints(pkg)) {
      const report = await reportEntryPoint({ pkg, entry, bundledPackages: bundled, scratch });
      if (await writeOrCheckReport({ report, file: entry.reportFile, root, check })) stale += 1;
    }
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
if (check && stale > 0) {
  console.error(
    `\n${stale} API report(s) differ from the built packages. If the change is intended, run \`pnpm api\`, commit ` +
      "the reports, and add a changeset for each package whose report changed (see CONTRIBUTING.md).",
  );
  process.exit(1);
}
