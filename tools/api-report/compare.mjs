// @ts-check
// Writes a fresh report over the committed one, or, when checking, prints how they differ.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, relative } from "node:path";
import { createTwoFilesPatch } from "diff";

/**
 * @param {{ report: string; file: string; root: string; check: boolean }} options
 * @returns {Promise<boolean>} whether the committed report was out of date
 */
export async function writeOrCheckReport({ report, file, root, check }) {
  const name = relative(root, file);
  const committed = await readFile(file, "utf8").catch(() => undefined);
  if (committed === report) {
    console.log(`${name}: up to date`);
    return false;
  }
  if (check) {
    const patch = createTwoFilesPatch(name, name, committed ?? "", report, "committed", "built", { context: 3 });
    console.error(committed === undefined ? `${name}: missing\n` : `${name}: differs from the built package\n`);
    // Without the leading "Index:" and "====" lines, which only repeat the name.
    console.error(patch.split("\n").slice(2).join("\n"));
    return true;
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, report);
  console.log(`${name}: ${committed === undefined ? "written" : "updated"}`);
  return true;
}
