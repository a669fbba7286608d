import { libraryOptions } from "@grantkit/tools/tsup-options";
import { defineConfig } from "tsup";

// The two builds run side by side into dist/, so the engine's clean spares the bin's output.
export default defineConfig([
  // The engine, for any runtime (`check:browser` bundles it for a browser).
  { ...libraryOptions, entry: { index: "src/index.ts" }, clean: ["!bin.js"] },
  // The bin: one ES module for Node; nothing imports it, so it has no declarations.
  { entry: { bin: "src/cli/bin.ts" }, format: ["esm"], platform: "node", target: "node20", clean: false, dts: false },
]);
