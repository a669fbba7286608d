import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "types",
    include: [],
    // The type tests are compiled by tsc, not run: see test/*.test-d.ts.
    typecheck: { enabled: true, only: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
