// @ts-check
// Markdown tables, padded so they read in a terminal and paste into BENCHMARKS.md as they are.

/**
 * @param {string[]} header  a leading "<" or ">" on a column name aligns the column left or right (default right,
 *   first column left); the marker is not printed
 * @param {string[][]} rows
 */
export function markdownTable(header, rows) {
  const align = header.map((name, i) => (name.startsWith("<") ? "left" : name.startsWith(">") ? "right" : i === 0 ? "left" : "right"));
  const names = header.map((name) => name.replace(/^[<>]/, ""));
  const widths = names.map((name, i) => Math.max(3, name.length, ...rows.map((row) => row[i].length)));
  /** @param {string} cell @param {number} i */
  const pad = (cell, i) => (align[i] === "left" ? cell.padEnd(widths[i]) : cell.padStart(widths[i]));
  const line = (/** @type {string[]} */ cells) => `| ${cells.map(pad).join(" | ")} |`;
  const rule = `|${widths.map((width, i) => (align[i] === "left" ? ` ${"-".repeat(width)} ` : ` ${"-".repeat(width - 1)}: `)).join("|")}|`;
  return [line(names), rule, ...rows.map(line)].join("\n");
}

/** @param {number} value @param {number} [digits] */
export const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "n/a");

/** `1.08x` @param {number} ratio */
export const times = (ratio) => `${fixed(ratio, 2)}x`;

/**
 * The middle half of `values` (first to third quartile) as `0.91–1.05`: how much a ratio moves from round to
 * round, without the one round a burst of load fell on.
 *
 * @param {number[]} values
 */
export function middleHalf(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (/** @type {number} */ q) => sorted[Math.round(q * (sorted.length - 1))];
  return `${fixed(at(0.25), 2)}–${fixed(at(0.75), 2)}`;
}
