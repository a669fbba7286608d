// @ts-check
// Compares one JSON Schema from each document, keyword by keyword, descending into properties, items,
// additionalProperties, `not` and oneOf/anyOf alternatives. Descriptions, examples and defaults are not compared.
import { isObject, resolve } from "./documents.mjs";

/**
 * Where a schema comparison happens and where its differences go.
 * @typedef {object} SchemaComparison
 * @property {Record<string, any>} ours our document, to resolve our `$ref`s in
 * @property {Record<string, any>} vendor the vendor's document
 * @property {(at: string, aspect: string, ours: unknown, vendor: unknown) => void} report
 * @property {Set<string>} [inProgress] the `$ref` pairs being compared further up, so recursive schemas end
 */

/** Keywords holding a schema, and the step each adds to a location: `scope[]`, `metadata{}`, `(not)`. */
const SUBSCHEMA_STEPS = { items: "[]", additionalProperties: "{}", not: "(not)" };

/** Keywords compared as written. */
const CONSTRAINTS = [
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "pattern",
  "format",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "maxProperties",
];

/**
 * @param {SchemaComparison} comparison
 * @param {unknown} oursNode
 * @param {unknown} vendorNode
 * @param {string} root where the schema sits, for example `response 200`
 * @param {string} [path] the step inside the schema, for example `client_grants[].scope`
 */
export function compareSchemas(comparison, oursNode, vendorNode, root, path = "") {
  const refs = `${refOf(oursNode)} ${refOf(vendorNode)}`;
  const inProgress = (comparison.inProgress ??= new Set());
  if (refs !== " " && inProgress.has(refs)) return;
  inProgress.add(refs);
  try {
    compareResolved(comparison, oursNode, vendorNode, root, path);
  } finally {
    inProgress.delete(refs);
  }
}

/**
 * @param {SchemaComparison} comparison
 * @param {unknown} oursNode
 * @param {unknown} vendorNode
 * @param {string} root
 * @param {string} path
 */
function compareResolved(comparison, oursNode, vendorNode, root, path) {
  const ours = flatten(comparison.ours, oursNode);
  const vendor = flatten(comparison.vendor, vendorNode);
  const at = path === "" ? root : `${root}: ${path}`;
  const report = (/** @type {string} */ aspect, /** @type {unknown} */ a, /** @type {unknown} */ b) => {
    if (canonical(a) !== canonical(b)) comparison.report(at, aspect, a, b);
  };

  const oursAlternatives = alternativesOf(ours);
  const vendorAlternatives = alternativesOf(vendor);
  if (oursAlternatives || vendorAlternatives || kindOf(ours) !== kindOf(vendor)) {
    // A plain schema facing a oneOf is paired as a oneOf of one, so the missing alternatives show by shape; so
    // is an object facing an array, rather than as a list of every property one side lacks.
    compareAlternatives(
      comparison,
      oursAlternatives ?? [oursNode],
      vendorAlternatives ?? [vendorNode],
      root,
      path,
    );
    return;
  }

  report("type", typesOf(ours), typesOf(vendor));
  report("enum", enumOf(ours), enumOf(vendor));
  for (const keyword of CONSTRAINTS) report(keyword, ours[keyword], vendor[keyword]);
  report("required", nonEmpty(ours.required), nonEmpty(vendor.required));

  const oursProperties = isObject(ours.properties) ? ours.properties : {};
  const vendorProperties = isObject(vendor.properties) ? vendor.properties : {};
  for (const name of [...new Set([...Object.keys(oursProperties), ...Object.keys(vendorProperties)])].sort()) {
    const step = path === "" ? name : `${path}.${name}`;
    if (name in oursProperties && name in vendorProperties) {
      compareSchemas(comparison, oursProperties[name], vendorProperties[name], root, step);
    } else {
      comparison.report(`${root}: ${step}`, "present", name in oursProperties, name in vendorProperties);
    }
  }

  for (const [keyword, step] of Object.entries(SUBSCHEMA_STEPS)) {
    if (isObject(ours[keyword]) && isObject(vendor[keyword])) {
      compareSchemas(comparison, ours[keyword], vendor[keyword], root, `${path}${step}`);
    } else {
      report(keyword, formOf(ours[keyword]), formOf(vendor[keyword]));
    }
  }
}

/**
 * A keyword that holds a schema is compared inside when both sides have one; otherwise its form is the difference.
 * @param {unknown} value
 */
function formOf(value) {
  return isObject(value) ? "schema" : value;
}

/**
 * Pairs the alternatives by their label (`array`, `object{a,b}`), then what is left by kind and most shared
 * property names, and compares each pair under our alternative's label.
 * @param {SchemaComparison} comparison
 * @param {unknown[]} oursNodes
 * @param {unknown[]} vendorNodes
 * @param {string} root
 * @param {string} path
 */
function compareAlternatives(comparison, oursNodes, vendorNodes, root, path) {
  const describe = (/** @type {Record<string, any>} */ document, /** @type {unknown[]} */ nodes) =>
    nodes.map((node) => {
      const schema = flatten(document, node);
      return { node, kind: kindOf(schema), names: Object.keys(schema.properties ?? {}), label: labelOf(schema) };
    });
  const ours = describe(comparison.ours, oursNodes);
  const vendor = describe(comparison.vendor, vendorNodes);
  /** @type {Map<typeof ours[number], typeof vendor[number]>} */
  const pairs = new Map();
  const unpaired = new Set(vendor);
  for (const alternative of ours) {
    const same = [...unpaired].find((candidate) => candidate.label === alternative.label);
    if (same) {
      pairs.set(alternative, same);
      unpaired.delete(same);
    }
  }
  for (const alternative of ours.filter((a) => !pairs.has(a))) {
    const shared = (/** @type {typeof vendor[number]} */ c) => c.names.filter((n) => alternative.names.includes(n)).length;
    const candidates = [...unpaired].filter((c) => c.kind === alternative.kind);
    const best = candidates.reduce((a, b) => (shared(b) > shared(a) ? b : a), candidates[0]);
    if (best) {
      pairs.set(alternative, best);
      unpaired.delete(best);
    }
  }

  const labelled = (/** @type {string} */ label) => `${path}<${label}>`;
  for (const alternative of ours) {
    const partner = pairs.get(alternative);
    if (partner) compareSchemas(comparison, alternative.node, partner.node, root, labelled(alternative.label));
    else comparison.report(`${root}: ${labelled(alternative.label)}`, "present", true, false);
  }
  for (const alternative of unpaired) comparison.report(`${root}: ${labelled(alternative.label)}`, "present", false, true);
}

/**
 * The schema with its `$ref`s followed and its `allOf` parts merged in.
 * @param {Record<string, any>} document
 * @param {unknown} node
 * @returns {Record<string, any>}
 */
function flatten(document, node) {
  const schema = resolve(document, node ?? {});
  if (!isObject(schema)) return {};
  if (!Array.isArray(schema.allOf)) return schema;
  const { allOf, ...own } = schema;
  return allOf.map((part) => flatten(document, part)).reduce(
    (merged, part) => ({
      // biome-ignore lint/performance/noAccumulatingSpread: an allOf has a few parts, so the copies cost nothing.
      ...merged,
      ...part,
      properties: { ...merged.properties, ...part.properties },
      required: [...new Set([...(merged.required ?? []), ...(part.required ?? [])])],
    }),
    own,
  );
}

/** @param {Record<string, any>} schema */
function alternativesOf(schema) {
  const list = schema.oneOf ?? schema.anyOf;
  return Array.isArray(list) ? list : undefined;
}

/**
 * The types a schema allows, `null` included when OpenAPI 3.0's `nullable` says so.
 * @param {Record<string, any>} schema
 */
function typesOf(schema) {
  const types = new Set(Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type]);
  if (schema.nullable === true) types.add("null");
  return nonEmpty([...types]);
}

/**
 * `enum`, or a `const` as the enum of its one value.
 * @param {Record<string, any>} schema
 */
function enumOf(schema) {
  if (Array.isArray(schema.enum)) return schema.enum;
  return "const" in schema ? [schema.const] : undefined;
}

/**
 * Object, array or anything else: what decides whether two schemas are compared keyword by keyword.
 * @param {Record<string, any>} schema
 */
function kindOf(schema) {
  const types = typesOf(schema) ?? [];
  if (types.includes("object") || "properties" in schema) return "object";
  if (types.includes("array") || "items" in schema) return "array";
  return "other";
}

/**
 * How an alternative is named in a location: `array`, `object{next,organizations}`, `string`.
 * @param {Record<string, any>} schema
 */
function labelOf(schema) {
  const kind = kindOf(schema);
  if (kind === "object") return `object{${Object.keys(schema.properties ?? {}).sort().join(",")}}`;
  return kind === "array" ? "array" : (typesOf(schema) ?? ["any"]).join("|");
}

/** @param {unknown} value */
function nonEmpty(value) {
  return Array.isArray(value) && value.length > 0 ? value : undefined;
}

/** @param {unknown} node */
function refOf(node) {
  return isObject(node) && typeof node.$ref === "string" ? node.$ref : "";
}

/**
 * A string that is equal for equal values; arrays are compared as sets (enum and required order means nothing).
 * @param {unknown} value
 * @returns {string}
 */
export function canonical(value) {
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return `[${value.map(canonical).sort().join(",")}]`;
  if (isObject(value)) {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
