import { defineConfig } from "vitest/config";

// `pnpm vitest` at the root runs every package's project; `pnpm test` runs them through turbo, after the build.
export default defineConfig({
  test: {
    projects: ["packages/*", "tools", "bench"],
  },
});
