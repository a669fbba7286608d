#!/usr/bin/env node
// @ts-check
// Lints every published package as its tarball: publint (package.json against the files that ship) and
// Are the Types Wrong (each entry point's types under Node's and bundlers' resolution). Any problem fails.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { packPublishedPackages } from "./published-packages.mjs";

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const attwBin = join(require.resolve("@arethetypeswrong/cli/package.json"), "..", "dist", "index.js");

/** @param {string} tarball @returns {Promise<string[]>} publint's messages, warnings and suggestions included */
async function publintProblems(tarball) {
  const bytes = await readFile(tarball);
  const { messages, pkg } = await publint({
    pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
    level: "suggestion",
    strict: true,
  });
  return messages.map((message) => `${message.type}: ${formatMessage(message, pkg, { color: false })}`);
}

/** @param {string} tarball @returns {Promise<string | undefined>} attw's report when it found a problem */
async function attwProblems(tarball) {
  // Every resolution, TypeScript's pre-exports `node10` included (`typesVersions` serves subpaths there).
  // No DefinitelyTyped lookup: the packages ship their own types, and the check stays off the network.
  const args = [attwBin, tarball, "--no-definitely-typed", "--format", "ascii", "--no-color"];
  try {
    await run(process.execPath, args);
    return undefined;
  } catch (error) {
    const { stdout = "", stderr = "" } = /** @type {{ stdout?: string; stderr?: string }} */ (error);
    return `${stdout}${stderr}`.trim();
  }
}

const dir = await mkdtemp(join(tmpdir(), "grantkit-check-packages-"));
let failed = false;
try {
  for (const pkg of await packPublishedPackages(dir)) {
    const [lint, types] = await Promise.all([publintProblems(pkg.tarball), attwProblems(pkg.tarball)]);
    if (lint.length === 0 && types === undefined) {
      console.log(`${pkg.name}: publint and attw found no problems`);
      continue;
    }
    failed = true;
    console.error(`${pkg.name}:`);
    for (const problem of lint) console.error(`  publint ${problem}`);
    if (types !== undefined) console.error(`  attw:\n${types.replace(/^/gm, "    ")}`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
if (failed) process.exit(1);
