// @ts-check
// The allow file: the differences from the vendor's spec that we keep on purpose, each with its reason.
import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { isObject } from "./documents.mjs";
import { canonical } from "./schema.mjs";

/**
 * One deliberate difference. `operation`, `at` and `aspect` match a difference's fields, where `*` stands for
 * any run of characters. `ours`/`vendor`, when written, must equal the difference's values (`null`: that side
 * does not document it), so a difference that changes again is reported again.
 * @typedef {object} AllowEntry
 * @property {string} operation
 * @property {string} at
 * @property {string} aspect
 * @property {unknown} [ours]
 * @property {unknown} [vendor]
 * @property {string} reason
 */

const KEYS = new Set(["operation", "at", "aspect", "ours", "vendor", "reason"]);

/**
 * @param {string} file
 * @returns {Promise<AllowEntry[]>}
 */
export async function loadAllowList(file) {
  const document = parse(await readFile(file, "utf8")) ?? {};
  const entries = isObject(document) ? (document.allowed ?? []) : undefined;
  if (!Array.isArray(entries)) throw new Error(`${file}: expected a list under "allowed"`);
  entries.forEach((entry, index) => {
    const where = `${file}: allowed[${index}]`;
    if (!isObject(entry)) throw new Error(`${where} is not a mapping`);
    const unknown = Object.keys(entry).filter((key) => !KEYS.has(key));
    if (unknown.length > 0) throw new Error(`${where} has unknown keys: ${unknown.join(", ")}`);
    for (const key of ["operation", "at", "aspect", "reason"]) {
      if (typeof entry[key] !== "string" || entry[key].trim() === "") throw new Error(`${where} needs a "${key}"`);
    }
  });
  return entries;
}

/**
 * Splits the differences into the allowed and the unexpected, and finds the entries that match none (stale).
 * @param {import("./operations.mjs").Difference[]} differences
 * @param {AllowEntry[]} entries
 */
export function applyAllowList(differences, entries) {
  const used = new Set();
  /** @type {import("./operations.mjs").Difference[]} */
  const unexpected = [];
  let allowed = 0;
  for (const difference of differences) {
    const matching = entries.filter((entry) => matches(entry, difference));
    if (matching.length === 0) unexpected.push(difference);
    else allowed += 1;
    for (const entry of matching) used.add(entry);
  }
  return { unexpected, allowed, stale: entries.filter((entry) => !used.has(entry)) };
}

/**
 * @param {AllowEntry} entry
 * @param {import("./operations.mjs").Difference} difference
 */
function matches(entry, difference) {
  const sameValue = (/** @type {"ours" | "vendor"} */ side) =>
    !(side in entry) || canonical(entry[side] ?? undefined) === canonical(difference[side]);
  return (
    glob(entry.operation).test(difference.operation) &&
    glob(entry.at).test(difference.at) &&
    glob(entry.aspect).test(difference.aspect) &&
    sameValue("ours") &&
    sameValue("vendor")
  );
}

/** @param {string} pattern */
function glob(pattern) {
  const source = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  return new RegExp(`^${source}$`);
}
