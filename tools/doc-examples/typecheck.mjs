// @ts-check
// Type-checks the example modules in one TypeScript program, with the repository's compiler settings made as strict
// as a user's may be (`exactOptionalPropertyTypes`), each `@grantkit/*` import resolved to the package's sources (so
// no build is needed), and reports each problem at its line in the README, source file or spec the example came from.
import { join } from "node:path";
import ts from "typescript";
import { repoRoot } from "../published-packages.mjs";
import { sourceEntryPoints } from "./source-entry-points.mjs";

/**
 * @param {import("./modules.mjs").ExampleModule[]} modules
 * @returns {Promise<Map<string, string[]>>} the problems of each module's file (an empty list when it has none)
 */
export async function typeCheck(modules) {
  const entryPoints = await sourceEntryPoints();
  const config = {
    extends: "./tsconfig.base.json",
    compilerOptions: {
      types: ["node"],
      typeRoots: [join(repoRoot, "tools/node_modules/@types")],
      allowJs: true,
      checkJs: true,
      // What users copy must compile in the strictest projects too.
      exactOptionalPropertyTypes: true,
      paths: Object.fromEntries(Object.entries(entryPoints).map(([specifier, file]) => [specifier, [file]])),
    },
    files: modules.map((module) => module.file),
  };
  const { options, fileNames, errors } = ts.parseJsonConfigFileContent(config, ts.sys, repoRoot);
  if (errors.length > 0) throw new Error(ts.formatDiagnostics(errors, formatHost));
  const program = ts.createProgram(fileNames, options);
  /** @type {Map<string, string[]>} */
  const problems = new Map(modules.map((module) => [module.file, []]));
  const byFile = new Map(modules.map((module) => [module.file, module]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    if (!diagnostic.file || diagnostic.start === undefined) {
      // A problem with no place (the compiler settings) concerns every example.
      for (const list of problems.values()) list.push(ts.formatDiagnostic(diagnostic, formatHost).trim());
      continue;
    }
    // The packages' own sources are type-checked by their own task; only the examples are judged here.
    const module = byFile.get(diagnostic.file.fileName);
    if (!module) continue;
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    const line = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1;
    const { example } = module;
    const where =
      line >= module.firstCodeLine && line < module.firstCodeLine + example.code.split("\n").length
        ? `${example.source}:${example.line + line - module.firstCodeLine}`
        : `${example.source}:${example.line} (in its context, line ${line} of ${module.file})`;
    /** @type {string[]} */ (problems.get(module.file)).push(`${where}: ${message}`);
  }
  return problems;
}

/** @type {ts.FormatDiagnosticsHost} */
const formatHost = {
  getCanonicalFileName: (name) => name,
  getCurrentDirectory: () => repoRoot,
  getNewLine: () => "\n",
};
