// @ts-check
// Runs API Extractor on one entry point's built declarations and returns the report text. The report is written to
// a scratch folder, never into the repository: comparing and writing are the caller's job.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Extractor, ExtractorConfig, ExtractorLogLevel } from "@microsoft/api-extractor";

/**
 * @typedef {import("../published-packages.mjs").PublishedPackage} PublishedPackage
 * @typedef {import("./entry-points.mjs").EntryPoint} EntryPoint
 */

/**
 * @param {{ pkg: PublishedPackage; entry: EntryPoint; bundledPackages: string[]; scratch: string }} options
 *   `bundledPackages` are reported as if they were part of the package: a client re-exports the generated types,
 *   so a spec change shows in the client's report, not only in the types package's.
 * @returns {Promise<string>}
 */
export async function reportEntryPoint({ pkg, entry, bundledPackages, scratch }) {
  const reportFileName = `report-${Math.random().toString(36).slice(2)}`;
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: pkg.dir,
      mainEntryPointFilePath: entry.dts,
      bundledPackages: bundledPackages.filter((name) => name !== pkg.name),
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            target: "ES2022",
            lib: ["ES2022", "DOM", "DOM.Iterable"],
            module: "ESNext",
            moduleResolution: "Bundler",
            strict: true,
            skipLibCheck: true,
            types: [],
          },
          files: [entry.dts],
        },
      },
      apiReport: {
        enabled: true,
        reportFileName,
        reportFolder: scratch,
        reportTempFolder: scratch,
        // Types the entry point uses without exporting them are part of what users see: report them too.
        includeForgottenExports: true,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      newlineKind: "lf",
      messages: {
        compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Error } },
        extractorMessageReporting: {
          default: { logLevel: ExtractorLogLevel.Warning },
          // grantkit marks no release stages (`@public`, `@beta`): everything exported is public.
          "ae-missing-release-tag": { logLevel: ExtractorLogLevel.None },
          // Reported in full by `includeForgottenExports` above.
          "ae-forgotten-export": { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
          // Documentation is not the API: these are about doc comments, not declarations.
          "ae-undocumented": { logLevel: ExtractorLogLevel.None },
          "ae-unresolved-link": { logLevel: ExtractorLogLevel.None },
        },
        // Doc comment style is not the API; the reports stay about declarations.
        tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
      },
    },
    configObjectFullPath: undefined,
    packageJson: { ...pkg.manifest, name: pkg.name },
    packageJsonFullPath: join(pkg.dir, "package.json"),
  });

  /** @type {string[]} */
  const problems = [];
  const result = Extractor.invoke(config, {
    localBuild: true,
    messageCallback(message) {
      if (message.logLevel === ExtractorLogLevel.Error || message.logLevel === ExtractorLogLevel.Warning)
        problems.push(message.formatMessageWithLocation(pkg.dir));
      message.handled = true;
    },
  });
  if (!result.succeeded || problems.length > 0) {
    throw new Error(`API Extractor failed on ${entry.importPath} (${entry.dts}):\n  ${problems.join("\n  ")}`);
  }
  return readFile(join(scratch, `${reportFileName}.api.md`), "utf8");
}
