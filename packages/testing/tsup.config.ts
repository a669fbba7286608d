import { readFileSync } from "node:fs";
import { libraryOptions } from "@grantkit/tools/tsup-options";
import { defineConfig } from "tsup";

const { version } = JSON.parse(readFileSync(new URL("package.json", import.meta.url), "utf8")) as { version: string };

export default defineConfig([
  {
    ...libraryOptions,
    entry: { index: "src/index.ts", msw: "src/msw.ts", "server/index": "src/server/index.ts" },
    // The two builds run at once: each cleans only its own files.
    clean: ["!bin/**"],
  },
  {
    // The command is an ES module for Node only: no CommonJS twin, no declarations (nothing imports it).
    entry: { "grantkit-fake": "bin/grantkit-fake.ts" },
    outDir: "dist/bin",
    format: ["esm"],
    platform: "node",
    target: "node20",
    clean: true,
    define: { GRANTKIT_TESTING_VERSION: JSON.stringify(version) },
  },
]);
