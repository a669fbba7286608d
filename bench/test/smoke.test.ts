import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

const run = fileURLToPath(new URL("../run.mjs", import.meta.url));

test("a smoke run checks every contender and prints every part", () => {
  // The caller's BENCH_* knobs would change what runs: the smoke run uses its own.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("BENCH_")));
  const { status, stdout, stderr } = spawnSync(process.execPath, [run, "--smoke"], { encoding: "utf8", env });

  expect(stderr).toBe("");
  expect(status).toBe(0);
  for (const heading of ["### In-process", "SDK work per call", "### Loopback HTTP", "## Cold start", "## One-call bundle", "## Rate limit: 60 mixed calls", "## Rate limit: a burst", "## Redaction", "## The fake tenant", "## CLI: grantkit apply of 20 new grants"]) {
    expect(stdout).toContain(heading);
  }
  // One row per operation in each time-per-call table, one per contender in the cold-start and bundle tables.
  for (const op of ["get", "list", "create", "update"]) expect(stdout.match(new RegExp(`^\\| ${op} +\\|`, "gm"))).toHaveLength(4);
  for (const name of ["openapi-fetch", "auth0 ManagementClient", "@grantkit/client"]) {
    expect(stdout.match(new RegExp(`^\\| ${name}[^|]* +\\|`, "gm"))?.length).toBeGreaterThanOrEqual(2);
  }
});
