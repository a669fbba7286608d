import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { publishedPackages } from "../published-packages.mjs";

// `changeset version` rewrites each published package.json as 2-space JSON with every array expanded; a manifest
// written any other way would be reflowed in the release pull request, burying the version bump in noise.
describe("published package.json files", async () => {
  for (const pkg of await publishedPackages()) {
    it(`${pkg.name}: formatted the way \`changeset version\` writes it`, async () => {
      const text = await readFile(join(pkg.dir, "package.json"), "utf8");
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    });
  }
});
