import { libraryOptions } from "@grantkit/tools/tsup-options";
import { defineConfig } from "tsup";

export default defineConfig({
  ...libraryOptions,
  entry: { index: "src/index.ts", "vendor/management": "src/vendor/management.ts", "vendor/admin": "src/vendor/admin.ts" },
});
