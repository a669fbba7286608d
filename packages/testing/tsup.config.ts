import { readFileSync } from "node:fs";
import { libraryOptions } from "@grantkit/tools/tsup-options";
import { defineConfig } from "tsup";

const { version } = JSON.parse(readFileSync(new URL("package.json", import.meta.url), "utf8")) as { version: string };

export default defineConfig([
  {
    ...libraryOptions,
    entry: { index: "src/index.ts", msw: "src/msw.ts", "server/index": "src/server/index.ts" },
  },
  {
    // The command is an ES module for Node only: no CommonJS twin, no declarations (nothing imports it).
    entry: { "bin/grantkit-fake": "src/server/bin.ts" },
    format: ["esm"],
    platform: "node",
    target: "node20",
    clean: false,
    define: { GRANTKIT_TESTING_VERSION: JSON.stringify(version) },
  },
]);
