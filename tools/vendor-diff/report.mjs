// @ts-check
// The printed form of the comparison: one line per difference, grouped under its operation, in a stable order.
import { isObject } from "./documents.mjs";
import { canonical } from "./schema.mjs";

/** @typedef {import("./operations.mjs").Difference} Difference */
/** @typedef {import("./allow.mjs").AllowEntry} AllowEntry */

/**
 * `at | aspect | ours … | vendor …`, the same three fields an allow entry names.
 * @param {Difference} difference
 */
function formatDifference({ at, aspect, ours, vendor }) {
  if (aspect === "present") return `${at} | present | only in ${ours ? "ours" : "vendor"}`;
  return `${at} | ${aspect} | ours ${formatValue(ours)} | vendor ${formatValue(vendor)}`;
}

/**
 * @param {{ unexpected: Difference[], allowed: number, stale: AllowEntry[] }} result
 * @param {string} allowFile as the reader should see it
 */
export function formatReport({ unexpected, allowed, stale }, allowFile) {
  const lines = [`${unexpected.length + allowed} differences from the vendor's spec, ${allowed} allowed by ${allowFile}.`];
  if (unexpected.length > 0) {
    lines.push("", `Not allowed (${unexpected.length}): fix the spec, or allow each with its reason in ${allowFile}.`);
    let operation = "";
    for (const difference of unexpected) {
      if (difference.operation !== operation) lines.push(difference.operation);
      operation = difference.operation;
      lines.push(`  ${formatDifference(difference)}`);
    }
  }
  if (stale.length > 0) {
    lines.push("", `Stale allow entries, matching no difference (${stale.length}): remove them from ${allowFile}.`);
    for (const entry of stale) lines.push(`  ${entry.operation} | ${entry.at} | ${entry.aspect} (${entry.reason.trim()})`);
  }
  return lines.join("\n");
}

/** @param {unknown} value */
function formatValue(value) {
  return value === undefined ? "(none)" : JSON.stringify(sorted(value));
}

/**
 * Arrays in a stable order: their order means nothing here, and the vendor's may change between publications.
 * @param {unknown} value
 * @returns {unknown}
 */
function sorted(value) {
  if (Array.isArray(value)) return value.map(sorted).sort((a, b) => (canonical(a) < canonical(b) ? -1 : 1));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, sorted(inner)]));
  return value;
}
