// What a user's editor and compiler show for code that uses the built packages: hover texts and error messages, from
// a TypeScript language service over one file held in memory, compiled with the strictest settings a user may have.
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";

const STRICT: ts.CompilerOptions = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  verbatimModuleSyntax: true,
  // The declarations themselves are checked by the consumer test; here only what the code shows matters.
  skipLibCheck: true,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  types: [],
  noEmit: true,
};

export interface TypeView {
  /** The hover text of the first place `text` occurs in the code, as an editor shows it. */
  hover(text: string): string;
  /** Every compiler error of the code, each message whole. */
  errors(): string[];
}

/**
 * What a user's editor and compiler show for `code`, which imports the packages by name, each read from the built
 * declaration file given for it (`declarations`: package name to file), under the strictest settings a user may have.
 */
export function typeView(code: string, declarations: Record<string, string>): TypeView {
  const fileName = join(tmpdir(), "grantkit-type-view", "user.ts");
  const options = { ...STRICT, paths: Object.fromEntries(Object.entries(declarations).map(([name, file]) => [name, [file]])) };
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [fileName],
    getScriptVersion: () => "1",
    getScriptSnapshot: (file) => {
      const text = file === fileName ? code : ts.sys.readFile(file);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => tmpdir(),
    getCompilationSettings: () => options,
    getDefaultLibFileName: (settings) => ts.getDefaultLibFilePath(settings),
    fileExists: (file) => file === fileName || ts.sys.fileExists(file),
    readFile: (file) => (file === fileName ? code : ts.sys.readFile(file)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
    realpath: ts.sys.realpath,
  };
  const service = ts.createLanguageService(host);
  return {
    hover(text) {
      const position = code.indexOf(text);
      if (position < 0) throw new Error(`${JSON.stringify(text)} is not in the code`);
      const info = service.getQuickInfoAtPosition(fileName, position);
      return ts.displayPartsToString(info?.displayParts);
    },
    errors() {
      const program = service.getProgram()!;
      return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
        const where = diagnostic.file && diagnostic.file.fileName !== fileName ? `${diagnostic.file.fileName}: ` : "";
        return `${where}${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
      });
    },
  };
}
