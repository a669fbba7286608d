import { isCollection, isMap, isPair, isScalar, type Document, type LineCounter, type Node } from "yaml";
import type { FilePosition } from "../errors.js";

/**
 * Where a value of a parsed file is, by its path (`["grants", 0, "scope"]`): the position of the value, or of the
 * key `key` in it when given (an unknown field is pointed at by its name). Falls back to the nearest enclosing value
 * the path reaches, so a problem always has a place.
 */
export function positionOf(document: Document, lines: LineCounter, path: readonly (string | number)[], key?: string): FilePosition {
  let node: unknown = document.contents;
  let offset = rangeStart(node) ?? 0;
  for (const step of path) {
    const next = childOf(node, step);
    if (next === undefined) break;
    node = next;
    offset = rangeStart(node) ?? offset;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
    offset = rangeStart(pair?.key) ?? offset;
  }
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

function childOf(node: unknown, step: string | number): unknown {
  return isCollection(node) ? node.get(step, true) : undefined;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | undefined)?.range?.[0];
}
