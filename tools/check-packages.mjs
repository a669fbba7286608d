#!/usr/bin/env node
// @ts-check
// Lints every published package as its tarball: publint (package.json against the files that ship), Are the Types
// Wrong (each entry point's types under Node's and bundlers' resolution), and what ships beside the code: the
// repository's LICENSE, and no source maps (the decision is in CONTRIBUTING.md). Any problem fails.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { unpack } from "@publint/pack";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { packPublishedPackages, repoRoot } from "./published-packages.mjs";

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

/** @param {string} tarball @returns {Promise<string[]>} what is wrong with the files beside the code */
async function shippedFileProblems(tarball) {
  const { files, rootDir } = await unpack(await readFile(tarball));
  const problems = [];
  const license = files.find((file) => file.name === `${rootDir}/LICENSE`);
  const expected = await readFile(join(repoRoot, "LICENSE"));
  if (!license) problems.push("no LICENSE: copy the repository's LICENSE into the package's folder");
  else if (!expected.equals(license.data)) problems.push("its LICENSE differs from the repository's LICENSE");
  const maps = files.filter((file) => file.name.endsWith(".map")).map((file) => file.name.slice(rootDir.length + 1));
  if (maps.length > 0) problems.push(`ships source maps, which the packages decided against: ${maps.join(", ")}`);
  return problems;
}

const dir = await mkdtemp(join(tmpdir(), "grantkit-check-packages-"));
let failed = false;
try {
  for (const pkg of await packPublishedPackages(dir)) {
    const [lint, types, shipped] = await Promise.all([
      publintProblems(pkg.tarball),
      attwProblems(pkg.tarball),
      shippedFileProblems(pkg.tarball),
    ]);
    if (lint.length === 0 && types === undefined && shipped.length === 0) {
      console.log(`${pkg.name}: publint and attw found no problems; ships LICENSE and no source maps`);
      continue;
    }
    failed = true;
    console.error(`${pkg.name}:`);
    for (const problem of shipped) console.error(`  ${problem}`);
    for (const problem of lint) console.error(`  publint ${problem}`);
    if (types !== undefined) console.error(`  attw:\n${types.replace(/^/gm, "    ")}`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
if (failed) process.exit(1);
