import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  // Same settings as @grantkit/client. The core stays external (a dependency), so ApiError and friends are the
  // very classes @grantkit/client throws: `instanceof` works across both packages.
  splitting: true,
});
