import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { mswSuite } from "./support/msw-suite.js";

// msw 3 needs Node 22.12 or newer. On an older Node this file runs itself again on Node 24, fetched from the npm
// registry with npx (as the consumer test fetches it), so the msw 3 suite runs on every machine.
const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
if (major > 22 || (major === 22 && minor >= 12)) {
  const { setupServer } = await import("msw/node");
  mswSuite("msw 3", setupServer);
} else {
  describe("the MSW handlers, with msw 3", () => {
    it(`pass their suite on Node 24 (msw 3 needs Node 22.12 or newer; this is ${process.versions.node})`, async () => {
      const vitest = fileURLToPath(new URL("../node_modules/vitest/vitest.mjs", import.meta.url));
      const { stdout } = await promisify(execFile)("npx", ["-y", "-p", "node@24", "node", vitest, "run", "test/msw.test.ts"], {
        cwd: fileURLToPath(new URL("..", import.meta.url)),
        env: { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|FORCE_COLOR)/.test(name))), NO_COLOR: "1" },
      });
      expect(stdout).toMatch(/Tests\s+3 passed \(3\)/);
      expect(stdout).not.toMatch(/skipped|failed/);
    }, 120_000);
  });
}
