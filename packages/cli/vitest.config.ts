import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "cli",
    include: ["test/**/*.test.ts"],
    // The end-to-end tests spawn the bin against a fake tenant; a small shared machine is slow to start Node.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
