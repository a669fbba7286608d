#!/usr/bin/env node
// @ts-check
// `pnpm spec:vendor-diff --vendor <file or URL>`: compares the operations openapi/management.yaml covers with the
// vendor's OpenAPI document and prints every difference that openapi/vendor-diff.allow.yaml does not allow.
// `--vendor` may be given more than once: the vendor's document cut in parts is read as one.
// Exits 1 on such a difference or on an allow entry that matches nothing (stale), 2 when it cannot run.
// `--ours <file>` and `--allow <file>` compare another spec with another allow file (the tests use them).
import { isAbsolute, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { applyAllowList, loadAllowList } from "./vendor-diff/allow.mjs";
import { loadDocument, mergeDocuments } from "./vendor-diff/documents.mjs";
import { compareDocuments } from "./vendor-diff/operations.mjs";
import { formatReport } from "./vendor-diff/report.mjs";

const USAGE = "Usage: pnpm spec:vendor-diff --vendor <file or URL> [--vendor <file or URL> ...] [--ours <spec>] [--allow <allow file>]";
const repo = fileURLToPath(new URL("../", import.meta.url));
// pnpm runs the script from the repository root; paths on the command line are meant from where it was typed.
const cwd = process.env.INIT_CWD ?? process.cwd();

try {
  const { values } = parseArgs({
    options: { vendor: { type: "string", multiple: true }, ours: { type: "string" }, allow: { type: "string" } },
  });
  if (values.vendor === undefined) throw new Error(USAGE);
  const vendorSources = values.vendor.map((source) => (/^https?:\/\//i.test(source) ? source : resolve(cwd, source)));
  const oursFile = values.ours === undefined ? resolve(repo, "openapi/management.yaml") : resolve(cwd, values.ours);
  const allowFile = values.allow === undefined ? resolve(repo, "openapi/vendor-diff.allow.yaml") : resolve(cwd, values.allow);

  const [ours, vendorParts, entries] = await Promise.all([
    loadDocument(oursFile),
    Promise.all(vendorSources.map(loadDocument)),
    loadAllowList(allowFile),
  ]);
  const vendor = mergeDocuments(vendorParts);
  const result = applyAllowList(compareDocuments(ours, vendor), entries);
  const shown = relative(cwd, allowFile);
  console.log(formatReport(result, shown === "" || shown.startsWith("..") || isAbsolute(shown) ? allowFile : shown));
  process.exitCode = result.unexpected.length > 0 || result.stale.length > 0 ? 1 : 0;
} catch (error) {
  console.error(`spec:vendor-diff: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
