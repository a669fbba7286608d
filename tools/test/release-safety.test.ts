import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Proves the release-safety promise end to end, the way a maintainer meets it: on a throwaway copy of the working
// tree (its own install, its own git history), a spec change that removes a response field no code reads (so that
// only the reports feel it: a field the code reads fails the build instead, as spec-break.test.ts shows) shows up in
// `pnpm check:api` as a diff, reports updated without a changeset fail `pnpm check:changeset`, and a changeset with
// the breaking bump (minor before 1.0) for every package whose report changed makes both pass.
const run = promisify(execFile);
const repo = fileURLToPath(new URL("../../", import.meta.url));
// Every report of a package that names the Auth0 types feels it: the Auth0 client re-exports them, the CLI and the
// fake tenant name them. The reports that name only the admin API's types (the admin client's, the types' `admin`
// entry point) or none (the core's) do not.
const REPORTS_OF: Record<string, string[]> = {
  "@grantkit/types": ["packages/types/api/index.api.md", "packages/types/api/management.api.md"],
  "@grantkit/client": ["packages/client/api/index.api.md"],
  "@grantkit/cli": ["packages/cli/api/index.api.md"],
  // The fake tenant's state holds the generated types (a seed's grants are ClientGrant objects).
  "@grantkit/testing": ["packages/testing/api/index.api.md", "packages/testing/api/msw.api.md", "packages/testing/api/server.api.md"],
};
const PACKAGES = Object.keys(REPORTS_OF);
const REPORTS = Object.values(REPORTS_OF).flat();
const UNTOUCHED = ["packages/client/api/core.api.md", "packages/admin-client/api/index.api.md", "packages/types/api/admin.api.md"];

/** The copy's commands must not think they run inside this repository's turbo task. */
function cleanEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("TURBO_")));
}

async function runIn(dir: string, command: string, args: string[]): Promise<{ exitCode: number; output: string }> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd: dir, env: cleanEnvironment(), maxBuffer: 32 << 20 });
    return { exitCode: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { exitCode: typeof code === "number" ? code : 1, output: `${stdout}${stderr}` };
  }
}

async function succeedIn(dir: string, command: string, args: string[]): Promise<string> {
  const result = await runIn(dir, command, args);
  if (result.exitCode !== 0) throw new Error(`${command} ${args.join(" ")} failed in the copy:\n${result.output}`);
  return result.output;
}

/** The working tree's files (tracked, and new ones not ignored), installed from the local store, committed as main. */
async function copyOfWorkingTree(): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), "grantkit-release-safety-"));
  const { stdout } = await run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: repo });
  for (const file of stdout.split("\0").filter(Boolean)) {
    await cp(join(repo, file), join(copy, file), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error; // deleted in the working tree, not yet committed
    });
  }
  await succeedIn(copy, "pnpm", ["install", "--frozen-lockfile", "--prefer-offline"]);
  await succeedIn(copy, "git", ["init", "--quiet", "--initial-branch=main"]);
  await succeedIn(copy, "git", ["add", "--all"]);
  await succeedIn(copy, "git", ["-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", "commit", "--quiet", "-m", "base"]);
  return copy;
}

/**
 * Deletes `is_system` from the ResourceServer schema, a field of every API the lookups answer with, which no code
 * reads (a grant's `is_system` is read: system grants are never changed).
 */
async function removeIsSystemFromResourceServer(copy: string): Promise<void> {
  const file = join(copy, "openapi/management.yaml");
  const spec = await readFile(file, "utf8");
  const field = /^ {8}is_system:\n(?: {10}.*\n)+/m;
  const resourceServer = spec.indexOf("\n    ResourceServer:\n");
  const edited = spec.slice(0, resourceServer) + spec.slice(resourceServer).replace(field, "");
  expect(edited.length).toBeLessThan(spec.length);
  await writeFile(file, edited);
}

/** A removal is breaking: major, or minor while the packages (one fixed version) are still 0.x. */
async function breakingBump(copy: string): Promise<"minor" | "major"> {
  const { version } = JSON.parse(await readFile(join(copy, "packages/types/package.json"), "utf8"));
  return version.startsWith("0.") ? "minor" : "major";
}

async function writeChangeset(copy: string, bump: "patch" | "minor" | "major"): Promise<void> {
  const lines = PACKAGES.map((name) => `"${name}": ${bump}`).join("\n");
  const file = join(copy, ".changeset/drop-is-system.md");
  await writeFile(file, `---\n${lines}\n---\n\n\`ResourceServer.is_system\` is gone: the API no longer sends it.\n`);
}

describe("a spec change that removes a response field, on a throwaway copy", () => {
  let copy: string;
  beforeAll(async () => {
    copy = await copyOfWorkingTree();
    await removeIsSystemFromResourceServer(copy);
    await succeedIn(copy, "pnpm", ["generate"]);
  }, 180_000);
  afterAll(() => (copy ? rm(copy, { recursive: true, force: true }) : undefined));

  it("fails `pnpm check:api` with a diff of each report that lost the field, naming where it was", async () => {
    const result = await runIn(copy, "pnpm", ["check:api"]);
    expect(result.exitCode).not.toBe(0);
    for (const report of REPORTS) {
      expect(result.output).toContain(`${report}: differs from the built package`);
      expect(result.output).toContain(`--- ${report}\t(committed)`);
    }
    for (const report of UNTOUCHED) expect(result.output).toContain(`${report}: up to date`);
    expect(result.output).toMatch(/^@@ .* @@ in export interface ManagementComponents › schemas › ResourceServer$/m);
    expect(result.output).toMatch(/^- +is_system\?: boolean;$/m);
  }, 180_000);

  it("fails `pnpm check:changeset` once the reports are updated, naming every package whose report changed", async () => {
    await succeedIn(copy, "pnpm", ["api"]);
    const withoutChangeset = await runIn(copy, "pnpm", ["check:changeset", "main"]);
    expect(withoutChangeset.exitCode).not.toBe(0);
    for (const name of PACKAGES) expect(withoutChangeset.output).toContain(`${name}: its public API changed`);
    expect(withoutChangeset.output).not.toContain("@grantkit/admin-client: its public API changed");

    await writeChangeset(copy, "patch");
    const withPatch = await runIn(copy, "pnpm", ["check:changeset", "main"]);
    expect(withPatch.exitCode).not.toBe(0);
    for (const name of PACKAGES) {
      expect(withPatch.output).toContain(`${name}: its public API changed (${REPORTS_OF[name]!.join(", ")})`);
    }
    expect(withPatch.output).toContain(`it needs at least ${await breakingBump(copy)} (version `);
    expect(withPatch.output).toContain("lines were removed or changed, which is breaking");
    expect(withPatch.output).toMatch(/^ +- is_system\?: boolean;$/m);
  }, 180_000);

  it("passes both checks with a breaking-bump changeset (minor before 1.0) for every package", async () => {
    await writeChangeset(copy, await breakingBump(copy));
    const changeset = await runIn(copy, "pnpm", ["check:changeset", "main"]);
    expect(changeset.output).toContain("described by .changeset/drop-is-system.md");
    expect(changeset.exitCode).toBe(0);
    const api = await runIn(copy, "pnpm", ["check:api"]);
    expect(api.output).not.toContain("differs");
    expect(api.exitCode).toBe(0);
  }, 180_000);
});
