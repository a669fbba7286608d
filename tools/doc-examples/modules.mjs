// @ts-check
// Turns each example into a module that both TypeScript and Vitest can load: the source's context first, then the
// example's code in a block (so it may declare the context's names again), then the example's imports, which a
// block cannot hold and which ES modules hoist anyway. Lines keep their place, so a line in the module maps back to
// a line of the source.
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ts from "typescript";
import { contextOf } from "./contexts.mjs";

/**
 * @typedef {import("./extract.mjs").Example} Example
 * @typedef {{ example: Example; file: string; firstCodeLine: number }} ExampleModule
 */

/**
 * The example's import declarations, and its code with them blanked out (newlines kept).
 * @param {Example} example
 */
function splitImports(example) {
  const kind = example.language === "ts" ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const file = ts.createSourceFile("example", example.code, ts.ScriptTarget.Latest, false, kind);
  const imports = file.statements.filter(ts.isImportDeclaration);
  let code = example.code;
  for (const declaration of imports) {
    const start = declaration.getStart(file);
    code = code.slice(0, start) + code.slice(start, declaration.end).replace(/[^\n]/g, " ") + code.slice(declaration.end);
  }
  return { imports: imports.map((declaration) => declaration.getText(file)), code };
}

/**
 * Writes one module per example into `dir` (emptied first).
 * @param {Example[]} examples
 * @param {string} dir
 * @returns {Promise<ExampleModule[]>}
 */
export async function writeExampleModules(examples, dir) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  /** @type {ExampleModule[]} */
  const modules = [];
  for (const example of examples) {
    // A context is TypeScript: JavaScript examples (whole scripts) stand on their own.
    const context = example.language === "ts" ? await contextOf(example.source) : "";
    const { imports, code } = splitImports(example);
    const header = `// ${example.source}:${example.line}, written by tools/doc-examples/modules.mjs\n${context}\n{`;
    const text = `${header}\n${code}\n}\n${imports.join("\n")}\nexport {};\n`;
    const name = `${example.source.replace(/[^\w.-]+/g, "_")}-${example.line}.${example.language === "ts" ? "ts" : "mjs"}`;
    const file = join(dir, name);
    await writeFile(file, text);
    modules.push({ example, file, firstCodeLine: header.split("\n").length + 1 });
  }
  return modules;
}
