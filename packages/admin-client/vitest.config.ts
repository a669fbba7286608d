import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "admin-client",
    include: ["test/**/*.test.ts"],
    // Starting Prism takes a few seconds on a small machine.
    hookTimeout: 90_000,
    typecheck: {
      enabled: true,
      include: ["test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.type-tests.json",
      // The sources are type-checked by `pnpm typecheck`, with the repository's settings.
      ignoreSourceErrors: true,
    },
  },
});
