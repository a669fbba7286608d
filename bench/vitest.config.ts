import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "bench",
    include: ["test/**/*.test.ts"],
    // The smoke run needs about 3 s of CPU in a dozen Node processes: some 5 s alone, but 40 s was seen beside the
    // other packages' tests on a 2-core machine at a load average of 13.
    testTimeout: 120_000,
  },
});
