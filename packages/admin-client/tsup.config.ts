import { libraryOptions } from "@grantkit/tools/tsup-options";
import { defineConfig } from "tsup";

// @grantkit/client stays external (a dependency), so ApiError and friends are the very classes it throws.
export default defineConfig({ ...libraryOptions, entry: ["src/index.ts"] });
