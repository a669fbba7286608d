import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GrantsFileError, readGrantsFile, type Problem } from "../src/index.js";

/** The problems a file is refused with, each as `line:column message`. */
function problemsOf(text: string): string[] {
  try {
    readGrantsFile(text, "grants.yaml");
  } catch (error) {
    expect(error).toBeInstanceOf(GrantsFileError);
    return (error as GrantsFileError).problems.map(({ at, message }: Problem) => `${at?.line}:${at?.column} ${message}`);
  }
  throw new Error("the file was accepted");
}

const lines = (...text: string[]) => `${text.join("\n")}\n`;

describe("reading a grants file", () => {
  it("reads YAML grants, with where each starts", () => {
    const file = readGrantsFile(
      lines("grants:", "  - client: Invoice robot", "    audience: https://billing.example.com/", "    scope: [read:invoices]", "  - default_for: third_party_clients", "    audience: https://billing.example.com/", "    scope: []"),
      "grants.yaml",
    );
    expect(file.entries.map((entry) => [entry.grant.client ?? entry.grant.default_for, entry.at.line])).toEqual([["Invoice robot", 2], ["third_party_clients", 5]]);
  });

  it("reads JSON, which is YAML too, with positions", () => {
    const text = JSON.stringify({ grants: [{ client_id: "abc", audience: "https://a/", scope: [], scopes: [] }] }, null, 2);
    expect(problemsOf(text)).toEqual([`7:7 grants[0] has an unknown field "scopes"`]);
  });

  it("points at an unknown field by its name", () => {
    expect(problemsOf(lines("grants:", "  - client_id: abc", "    audience: https://a/", "    scope: []", "    scopes: [read:a]"))).toEqual([
      `5:5 grants[0] has an unknown field "scopes"`,
    ]);
  });

  it("refuses more than one of client, client_id and default_for, and none", () => {
    expect(problemsOf(lines("grants:", "  - client: Robot", "    client_id: abc", "    audience: https://a/", "    scope: []", "  - audience: https://a/", "    scope: []"))).toEqual([
      "3:5 grants[0] has client and client_id: give exactly one of client, client_id and default_for",
      "6:5 grants[1] needs one of client, client_id and default_for",
    ]);
  });

  it("refuses scope beside allow_all_scopes: true, and a missing scope without it", () => {
    expect(problemsOf(lines("grants:", "  - client_id: abc", "    audience: https://a/", "    allow_all_scopes: true", "    scope: [read:a]", "  - client_id: abc", "    audience: https://b/"))).toEqual([
      "5:5 grants[0] has scope and allow_all_scopes: true: leave scope out when every scope is allowed",
      "6:5 grants[1] needs scope (it may be empty, []) unless allow_all_scopes is true",
    ]);
  });

  it("accepts allow_all_scopes: true without scope", () => {
    expect(readGrantsFile(lines("grants:", "  - client_id: abc", "    audience: https://a/", "    allow_all_scopes: true"), "g.yaml").entries).toHaveLength(1);
  });

  it("refuses a value the spec does not allow, at the value", () => {
    expect(problemsOf(lines("grants:", "  - client_id: abc", "    audience: https://a/", "    scope: [read:a, \"\"]", "    organization_usage: sometimes"))).toEqual([
      "4:21 grants[0].scope[1] must NOT have fewer than 1 characters",
      `5:25 grants[0].organization_usage must be one of "deny", "allow", "require", got "sometimes"`,
    ]);
  });

  it("says what a value should be, and what it is", () => {
    expect(problemsOf(lines("grants:", "  - client_id: abc", "    audience: https://a/", "    scope: read:a", "    allow_any_organization: yes", "    organizations: [org_a, org_b, org_a]"))).toEqual([
      '4:12 grants[0].scope must be a list, got "read:a"',
      '5:29 grants[0].allow_any_organization must be true or false, got "yes"',
      '6:35 grants[0].organizations names "org_a" twice',
    ]);
  });

  it("refuses the same grant twice, naming the first, and tells subject types apart", () => {
    const grant = ["  - client_id: abc", "    audience: https://a/", "    scope: []"];
    expect(problemsOf(lines("grants:", ...grant, ...grant))).toEqual(["5:5 the same grant as the one at line 2 (same client, audience and subject_type)"]);
    expect(readGrantsFile(lines("grants:", ...grant, ...grant, "    subject_type: user"), "g.yaml").entries).toHaveLength(2);
  });

  it("reports YAML errors and duplicate keys at their place", () => {
    expect(problemsOf(lines("grants:", "  - client_id: abc", "    client_id: def"))[0]).toMatch(/^3:5 Map keys must be unique/);
    expect(problemsOf("grants: [\n")[0]).toMatch(/^\d+:\d+ /);
  });

  it("needs a list of grants", () => {
    expect(problemsOf("{}\n")).toEqual(["1:1 the file needs grants"]);
  });

  it("reads the README's example file", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const example = /## The file\n\n```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(readGrantsFile(example, "README.md").entries.map(({ grant }) => grant.client ?? grant.default_for)).toEqual(["Invoice robot", "third_party_clients"]);
  });
});
