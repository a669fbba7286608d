import { describe, it } from "vitest";
import { mswSuite } from "./support/msw-suite.js";

// msw 3 needs Node 22.12 or newer; on Node 20 its handlers are proved with msw 2 (msw-2.test.ts) alone.
const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
if (major > 22 || (major === 22 && minor >= 12)) {
  const { setupServer } = await import("msw/node");
  mswSuite("msw 3", setupServer);
} else {
  describe("the MSW handlers, with msw 3", () => {
    it.skip(`needs Node 22.12 or newer (this is ${process.versions.node})`, () => {});
  });
}
