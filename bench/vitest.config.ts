import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "bench",
    include: ["test/**/*.test.ts"],
    // The smoke run starts a dozen Node processes; on a busy 2-core machine that takes a while.
    testTimeout: 90_000,
  },
});
