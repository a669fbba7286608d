import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "tools",
    include: ["test/**/*.test.ts"],
    // Starting Prism takes a few seconds on a small machine.
    hookTimeout: 90_000,
  },
});
