// @ts-check
// The type declarations of a published package, emitted by tsc file by file beside the bundled JavaScript. Nothing
// is bundled, so every type keeps the name it has in the sources (a bundler of declarations renames clashing ones,
// `components$1`, and users then read those names in hovers and errors). Each `dist/**/*.d.ts` (for `import`) gets a
// `.d.cts` twin (for `require`) whose relative imports name `.cjs` files, so TypeScript reads the twins as CommonJS.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import ts from "typescript";

/** A relative module specifier ending in `.js`, in `from "…"` or `import("…")`. */
const RELATIVE_JS = /(\bfrom\s+|\bimport\s*\(\s*)"(\.{1,2}\/[^"]+)\.js"/g;

/** @param {string} declarations the text of a `.d.ts` file */
export function commonJsTwin(declarations) {
  return declarations.replace(RELATIVE_JS, '$1"$2.cjs"');
}

/** @param {readonly ts.Diagnostic[]} diagnostics */
function report(diagnostics) {
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => process.cwd(),
    getNewLine: () => "\n",
  });
}

/**
 * Emits the declarations of every file under `<packageDir>/src` into `<packageDir>/dist`, with the compiler options
 * of the package's `tsconfig.json`. Fails, printing the diagnostics, when the sources do not type-check.
 * @param {string} packageDir
 * @returns {Promise<string[]>} the files written, relative to `packageDir`
 */
export async function emitDeclarations(packageDir) {
  const src = join(packageDir, "src");
  const outDir = join(packageDir, "dist");
  const config = ts.getParsedCommandLineOfConfigFile(
    join(packageDir, "tsconfig.json"),
    {
      noEmit: false,
      declaration: true,
      emitDeclarationOnly: true,
      declarationMap: false,
      // What a module exports only for its package's own use (`@internal`) stays out of what users' compilers read.
      stripInternal: true,
      rootDir: src,
      outDir,
    },
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (diagnostic) => { throw new Error(report([diagnostic])); } },
  );
  if (config === undefined) throw new Error(`${packageDir}: no tsconfig.json`);
  const rootNames = config.fileNames.filter((file) => file.startsWith(`${src}${sep}`) || file.startsWith(`${src}/`));
  const program = ts.createProgram({ rootNames, options: config.options });
  /** @type {{ file: string; text: string }[]} */
  const emitted = [];
  const result = program.emit(undefined, (file, text) => emitted.push({ file, text }), undefined, true);
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
  if (diagnostics.length > 0) throw new Error(`Type declarations of ${packageDir} not emitted:\n${report(diagnostics)}`);
  const written = [];
  for (const { file, text } of emitted) {
    await mkdir(dirname(file), { recursive: true });
    const twin = file.replace(/\.d\.ts$/, ".d.cts");
    await writeFile(file, text);
    await writeFile(twin, commonJsTwin(text));
    written.push(relative(packageDir, file), relative(packageDir, twin));
  }
  return written;
}
