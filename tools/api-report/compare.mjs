// @ts-check
// Writes a fresh report over the committed one, or, when checking, prints how they differ.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, relative } from "node:path";
import { structuredPatch } from "diff";

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
    console.error(committed === undefined ? `${name}: missing` : `${name}: differs from the built package`);
    console.error(`${reportDiff(name, committed ?? "", report)}\n`);
    return true;
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, report);
  console.log(`${name}: ${committed === undefined ? "written" : "updated"}`);
  return true;
}

/**
 * A unified diff whose hunk headers name the declarations around the change (like git's function context), since
 * a generated member such as `is_system?: boolean;` says little without its `ClientGrant: {`.
 * @param {string} name
 * @param {string} before
 * @param {string} after
 */
function reportDiff(name, before, after) {
  const patch = structuredPatch(name, name, before, after, "committed", "built", { context: 3 });
  const beforeLines = before.split("\n");
  const afterLines = after.split("\n");
  const out = [`--- ${name}\t(committed)`, `+++ ${name}\t(built)`];
  for (const hunk of patch.hunks) {
    const firstChange = hunk.lines.findIndex((line) => !line.startsWith(" "));
    const preceding = hunk.lines.slice(0, firstChange);
    const changedLine = hunk.lines[firstChange] ?? "";
    const where = changedLine.startsWith("-")
      ? enclosing(beforeLines, hunk.oldStart - 1 + preceding.length)
      : enclosing(afterLines, hunk.newStart - 1 + preceding.length);
    out.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@${where && ` in ${where}`}`);
    out.push(...hunk.lines);
  }
  return out.join("\n");
}

/**
 * The lines that open the blocks around `lines[index]`, outermost first, found by indentation: API Extractor
 * indents every nested member.
 * @param {string[]} lines
 * @param {number} index
 */
function enclosing(lines, index) {
  /** @param {string} line */
  const indentOf = (line) => line.length - line.trimStart().length;
  let indent = indentOf(lines[index] ?? "");
  const path = [];
  for (let i = index - 1; i >= 0 && indent > 0; i -= 1) {
    const line = lines[i] ?? "";
    if (line.trim() === "" || indentOf(line) >= indent) continue;
    indent = indentOf(line);
    path.unshift(line.trim().replace(/[\s{[(]*$/, "").replace(/:$/, ""));
  }
  return path.join(" › ");
}
