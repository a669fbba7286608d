import { describe, expect, it } from "vitest";
import { changedLines, classifyApiChange, requiredBump } from "../changesets/api-change.mjs";
import { bumpsOf } from "../changesets/changeset-file.mjs";

describe("bumpsOf", () => {
  it("reads each quoted package and its bump from the front matter", () => {
    const text = `---\n"@grantkit/types": minor\n'@grantkit/client': major\n---\n\nSummary: "a": patch\n`;
    expect(bumpsOf(text, "x.md")).toEqual(new Map([["@grantkit/types", "minor"], ["@grantkit/client", "major"]]));
  });

  it("reads an empty changeset as naming no package", () => {
    expect(bumpsOf("---\n---\n\nTests only.\n", "x.md").size).toBe(0);
  });

  it("refuses a front-matter line it cannot read, rather than ignoring a bump", () => {
    expect(() => bumpsOf(`---\n"@grantkit/types": huge\n---\n`, "x.md")).toThrow(/x\.md: cannot read .*huge/);
  });
});

describe("changedLines", () => {
  it("takes the removed and added lines of a git diff, not its headers", () => {
    const diff = [
      "diff --git a/api.md b/api.md",
      "--- a/api.md",
      "+++ b/api.md",
      "@@ -4 +4 @@ export interface A {",
      "-    id: string;",
      "+    id?: string;",
      "@@ -9,0 +10 @@",
      "+    name: string;",
    ].join("\n");
    expect(changedLines(diff)).toEqual({ removed: ["    id: string;"], added: ["    id?: string;", "    name: string;"] });
  });
});

describe("classifyApiChange and requiredBump", () => {
  it("calls a changed declaration line breaking: major from 1.0, minor before", () => {
    const { change, removed } = classifyApiChange({ removed: ["    id: string;"], added: ["    id?: string;"] });
    expect({ change, removed }).toEqual({ change: "breaking", removed: ["    id: string;"] });
    expect(requiredBump(change, "1.4.0")).toBe("major");
    expect(requiredBump(change, "0.3.0")).toBe("minor");
  });

  it("calls only new declaration lines an addition: minor from 1.0, patch before", () => {
    const { change } = classifyApiChange({ removed: [], added: ["    name?: string;", ""] });
    expect(change).toBe("addition");
    expect(requiredBump(change, "2.0.0")).toBe("minor");
    expect(requiredBump(change, "0.3.0")).toBe("patch");
  });

  it("ignores API Extractor's comment lines, which change when a doc comment is written", () => {
    const { change } = classifyApiChange({ removed: ["    // (undocumented)", ""], added: [] });
    expect(change).toBe("cosmetic");
    expect(requiredBump(change, "1.0.0")).toBe("patch");
  });
});
