import type { RequestRule } from "@grantkit/types";
import { invalid, isWellFormed, lengthOf, shown } from "../validate.js";

/**
 * The one checker of the specs' request rules (generated into `@grantkit/types` by `pnpm generate`): each path
 * parameter, query and body is checked against its schema before anything is sent, and what is sent is the copy the
 * check returns. The copy is plain data read once (a getter cannot answer one value to the check and another to
 * `JSON.stringify`), without the members that are `undefined` (left out).
 */

/** Where a value is, for the messages: the name of the whole value, how its members are named, and what they are. */
export interface Place {
  /** The whole value as a message names it: `"The client grant"`, `"query"`. */
  readonly label: string;
  /** Put before a top-level member's name: `"query."` names `query.page`; `""` names a body's `scope[0]`. */
  readonly prefix: string;
  /** What a top-level member is called: `"field"`, `"parameter"`. */
  readonly member: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Context {
  readonly place: Place;
  /** The objects and arrays being checked, outermost first: a value among them is a cycle. */
  readonly ancestors: object[];
}

/** Deeper than any request of the specs; a deeper value is a mistake (or a trap), not a request. */
const MAX_DEPTH = 64;

/** `value` checked against `rule`: the plain copy to send, or an `InvalidRequestError` naming the member and the rule. */
export function conform(rule: RequestRule, value: unknown, place: Place): unknown {
  return check(rule, value, place.label, { place, ancestors: [] });
}

/** The JSON type of a JavaScript value, or `undefined` when JSON cannot carry it (a BigInt, NaN, a function...). */
function jsonType(value: unknown): string | undefined {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
    case "boolean":
      return typeof value;
    case "number":
      return Number.isFinite(value) ? (Number.isInteger(value) ? "integer" : "number") : undefined;
    case "object":
      return Array.isArray(value) ? "array" : "object";
    default:
      return undefined;
  }
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: "a string",
  integer: "an integer",
  number: "a number",
  boolean: "a boolean",
  array: "an array",
  object: "an object",
  null: "null",
};

/** Whether `rule` takes a value of JSON type `type` (an integer where it takes numbers), with no list made per value. */
function takesType(rule: RequestRule, type: string): boolean {
  const wanted = rule.type;
  if (typeof wanted === "string") return wanted === type || (type === "integer" && wanted === "number");
  return wanted === undefined || wanted.length === 0 || wanted.includes(type) || (type === "integer" && wanted.includes("number"));
}

function range(min: number | undefined, max: number | undefined, unit = ""): string {
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}${unit}`;
  if (min !== undefined) return ` >= ${min}${unit}`;
  return max === undefined ? "" : ` <= ${max}${unit}`;
}

function describeString(rule: RequestRule): string {
  const { minLength: min, maxLength: max } = rule;
  if (rule.format !== undefined) return FORMATS[rule.format];
  if (min !== undefined && max !== undefined) return `a string of ${min} to ${max} characters`;
  if (min === 1) return "a non-empty string";
  if (min !== undefined) return `a string of at least ${min} characters`;
  return max === undefined ? "a string" : `a string of at most ${max} characters`;
}

/** What `rule` asks for, as a message says it: "an integer from 1 to 100", "one of "deny", "allow" or null". */
function describe(rule: RequestRule): string {
  if (rule.const !== undefined) return JSON.stringify(rule.const);
  if (rule.enum !== undefined) return `one of ${rule.enum.map((item) => JSON.stringify(item)).join(", ")}`;
  const names = [rule.type ?? []].flat().map((type) =>
    type === "string" ? describeString(rule)
    : type === "integer" || type === "number" ? `${TYPE_NAMES[type]}${range(rule.minimum, rule.maximum)}`
    : type === "array" && rule.items?.type !== undefined && typeof rule.items.type === "string" ? `an array of ${rule.items.type}s`
    : (TYPE_NAMES[type] ?? type),
  );
  return names.length > 0 ? names.join(" or ") : "a value JSON can carry";
}

function refuse(name: string, rule: RequestRule, value: unknown): never {
  invalid(`${name} must be ${describe(rule)}, got ${shown(value)}`);
}

function check(rule: RequestRule, value: unknown, name: string, context: Context): Json {
  const type = jsonType(value);
  if (type === undefined) {
    if (rule.type === undefined) invalid(`${name} cannot be sent as JSON (${describeValue(value)})`);
    refuse(name, rule, value);
  }
  if (!takesType(rule, type)) refuse(name, rule, value);
  if (rule.const !== undefined && !sameJson(rule.const, value)) refuse(name, rule, value);
  // A primitive can only be a primitive item: the JSON of an object or an array starts with a brace or a bracket.
  const primitive = type !== "object" && type !== "array";
  if (rule.enum !== undefined && !(primitive ? rule.enum.includes(value) : rule.enum.some((item) => sameJson(item, value)))) {
    refuse(name, rule, value);
  }
  switch (type) {
    case "string":
      checkString(rule, value as string, name);
      return value as string;
    case "integer":
    case "number": {
      const number = value as number;
      if ((rule.minimum !== undefined && number < rule.minimum) || (rule.maximum !== undefined && number > rule.maximum)) {
        refuse(name, rule, value);
      }
      return number;
    }
    case "array":
    case "object": {
      // Checked with it among the ancestors: a value that refers back to one is a cycle.
      const { ancestors } = context;
      if (ancestors.includes(value as object)) invalid(`${name} refers back to itself (a cycle cannot be sent as JSON)`);
      if (ancestors.length >= MAX_DEPTH) invalid(`${name} is nested too deeply`);
      ancestors.push(value as object);
      try {
        return type === "array" ? checkArray(rule, value as unknown[], name, context) : checkObject(rule, value as Record<string, unknown>, name, context);
      } finally {
        ancestors.pop();
      }
    }
    default:
      return value as boolean | null;
  }
}

function describeValue(value: unknown): string {
  if (typeof value === "number") return String(value);
  return `a ${typeof value}`;
}

function sameJson(expected: unknown, value: unknown): boolean {
  if (expected === null || typeof expected !== "object") return expected === value;
  return JSON.stringify(expected) === JSON.stringify(value);
}

const NONE: readonly string[] = [];
const patterns = new Map<string, RegExp>();
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt]([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
/** An absolute URI as RFC 3986 writes one: a scheme, then only the characters a URI may hold, or escapes. */
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
const FORMATS = {
  "date-time": "an RFC 3339 date-time such as 2021-09-07T13:03:38.380Z",
  uri: "an absolute URL such as https://app.example.com/callback",
} as const;

function checkString(rule: RequestRule, value: string, name: string): void {
  const { minLength: min, maxLength: max } = rule;
  // Code points, as JSON Schema counts them; the UTF-16 length bounds them from above, which spares the count.
  if ((min !== undefined && value.length < min) || (max !== undefined && value.length > max)) {
    const length = lengthOf(value);
    if ((min !== undefined && length < min) || (max !== undefined && length > max)) {
      const shownLength = length === 0 ? "" : `, got ${length} character${length === 1 ? "" : "s"}`;
      invalid(`${name} must be ${describeString(rule)}${shownLength}`);
    }
  }
  if (rule.pattern !== undefined) {
    let pattern = patterns.get(rule.pattern);
    if (pattern === undefined) patterns.set(rule.pattern, (pattern = new RegExp(rule.pattern, "u")));
    if (!pattern.test(value)) invalid(`${name} must match ${rule.pattern}, got ${shown(value)}`);
  }
  if (rule.format !== undefined && !hasFormat(rule.format, value)) {
    invalid(`${name} must be ${FORMATS[rule.format]}, got ${shown(value)}`);
  }
  if (!isWellFormed(value)) invalid(`${name} must be well-formed Unicode (it holds a lone surrogate)`);
}

function hasFormat(format: keyof typeof FORMATS, value: string): boolean {
  if (format === "uri") return URI.test(value);
  const parts = DATE_TIME.exec(value);
  if (!parts) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function checkArray(rule: RequestRule, items: unknown[], name: string, context: Context): Json[] {
  const { length } = items;
  if (rule.minItems !== undefined && length < rule.minItems) invalid(`${name} must hold at least ${rule.minItems} items, got ${length}`);
  if (rule.maxItems !== undefined && length > rule.maxItems) invalid(`${name} must hold at most ${rule.maxItems} items, got ${length}`);
  const copy: Json[] = [];
  const seen = rule.uniqueItems ? new Set<string>() : undefined;
  // A plain loop, not forEach or map: they skip the holes of a sparse array, which JSON would send as null.
  for (let index = 0; index < length; index++) {
    const at = `${name}[${index}]`;
    if (!(index in items)) invalid(`${at} is missing (a hole in the array)`);
    const item = items[index];
    if (item === undefined) invalid(`${at} is undefined, which JSON cannot carry in an array`);
    const itemRule = rule.prefixItems?.[index] ?? rule.items ?? {};
    const checked = check(itemRule, item, at, context);
    if (seen !== undefined) {
      const key = JSON.stringify(checked);
      if (seen.has(key)) invalid(`${name} must not repeat an item: ${at} repeats an earlier one`);
      seen.add(key);
    }
    copy.push(checked);
  }
  return copy;
}

function checkObject(rule: RequestRule, value: Record<string, unknown>, name: string, context: Context): { [key: string]: Json } {
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) invalid(`${name} must be a plain object`);
  const top = context.ancestors.length === 1;
  const memberName = (key: string) => (top ? `${context.place.prefix}${key}` : `${name}.${key}`);
  const properties = rule.properties ?? {};
  const copy: { [key: string]: Json } = {};
  let count = 0;
  // Each member is read once, here: the check and the copy see the same value.
  for (const [key, member] of Object.entries(value)) {
    if (member === undefined) continue;
    const known = Object.hasOwn(properties, key);
    if (!known && rule.additionalProperties === false) unknownMember(key, Object.keys(properties), name, context);
    const memberRule = known ? properties[key]! : typeof rule.additionalProperties === "object" ? rule.additionalProperties : {};
    const checked = check(memberRule, member, memberName(key), context);
    // Assigning `__proto__` would set the copy's prototype and drop the member: JSON (and so the caller) has it as a member.
    if (key === "__proto__") Object.defineProperty(copy, key, { value: checked, enumerable: true, writable: true, configurable: true });
    else copy[key] = checked;
    count += 1;
  }
  for (const key of rule.required ?? NONE) {
    if (!Object.hasOwn(copy, key)) {
      const wanted = properties[key];
      invalid(`${memberName(key)} is required${wanted?.type === undefined ? "" : ` (${describe(wanted)})`}`);
    }
  }
  if (rule.minProperties !== undefined && count < rule.minProperties) {
    const known = Object.keys(properties);
    const of = known.length > 0 ? ` of ${known.join(", ")}` : "";
    invalid(`${name} must have at least ${rule.minProperties} ${context.place.member}${rule.minProperties === 1 ? "" : "s"}${of}`);
  }
  if (rule.maxProperties !== undefined && count > rule.maxProperties) {
    invalid(`${name} must have at most ${rule.maxProperties} ${context.place.member}s, got ${count}`);
  }
  // The specs say "these members exclude each other" as `not: { required: [...] }`.
  const excluded = rule.not?.required;
  if (excluded?.every((key) => Object.hasOwn(copy, key))) {
    invalid(`${excluded.map(memberName).join(" and ")} are mutually exclusive: pass one or the other`);
  }
  return copy;
}

function unknownMember(key: string, known: string[], name: string, context: Context): never {
  const { member } = context.place;
  const near = known.find((candidate) => isNear(key, candidate));
  const hint = near === undefined ? "" : ` (did you mean ${JSON.stringify(near)}?)`;
  const takes = known.length === 0 ? `it takes no ${member}s` : `the ${member}s are ${known.join(", ")}`;
  invalid(`${name} has an unknown ${member} ${shown(key)}${hint}; ${takes}`);
}

/** A likely typo of `known`: the same but for case, or at most two edits apart (`scopes` for `scope`). */
function isNear(key: string, known: string): boolean {
  if (key.toLowerCase() === known.toLowerCase()) return true;
  if (Math.abs(key.length - known.length) > 2 || known.length < 4) return false;
  let previous = Array.from({ length: known.length + 1 }, (_, index) => index);
  for (let i = 1; i <= key.length; i++) {
    const current = [i];
    for (let j = 1; j <= known.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (key[i - 1] === known[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[known.length]! <= 2;
}
