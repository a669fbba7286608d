import { libraryOptions } from "@grantkit/tools/tsup-options";
import { defineConfig } from "tsup";

export default defineConfig({ ...libraryOptions, entry: { index: "src/index.ts", "core/index": "src/core/index.ts" } });
