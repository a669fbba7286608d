import { defineProject } from "vitest/config";
import { sourceEntryPoints } from "./doc-examples/source-entry-points.mjs";

// The documentation's examples import `@grantkit/*`, which tools cannot depend on (the packages depend on tools):
// each specifier is served from its package's sources.
const packages = Object.entries(await sourceEntryPoints()).map(([specifier, file]) => ({
  find: new RegExp(`^${specifier.replace(/[/-]/g, "\\$&")}$`),
  replacement: file,
}));

export default defineProject({
  resolve: { alias: packages },
  test: {
    name: "tools",
    include: ["test/**/*.test.ts"],
    // Starting Prism takes a few seconds on a small machine.
    hookTimeout: 90_000,
  },
});
