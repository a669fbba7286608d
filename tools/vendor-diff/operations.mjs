// @ts-check
// Compares each operation our spec covers with the same operation (method and path) in the vendor's document:
// its parameters, request body and responses. Vendor operations we do not cover are not looked at.
import { isObject, resolve } from "./documents.mjs";
import { canonical, compareSchemas } from "./schema.mjs";

/**
 * One way our spec and the vendor's differ. `ours`/`vendor` are the values on each side, `undefined` where that
 * side does not document the aspect; for the `present` aspect, whether the thing exists on that side.
 * @typedef {object} Difference
 * @property {string} operation for example `GET /client-grants/{id}` (our spelling of the path)
 * @property {string} at where in the operation, for example `parameter take` or `response 200: client_grants[]`
 * @property {string} aspect the keyword or fact that differs, for example `maximum`, `required`, `present`
 * @property {unknown} ours
 * @property {unknown} vendor
 */

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * Every difference, grouped by operation in our spec's order, then sorted by location and aspect.
 * @param {Record<string, any>} ours
 * @param {Record<string, any>} vendor
 * @returns {Difference[]}
 */
export function compareDocuments(ours, vendor) {
  /** @type {Difference[]} */
  const differences = [];
  const vendorOperations = new Map(operationsOf(vendor).map((operation) => [operation.key, operation]));
  for (const operation of operationsOf(ours)) {
    const name = `${operation.method.toUpperCase()} ${operation.path}`;
    /** @type {Difference[]} */
    const found = [];
    const report = (/** @type {string} */ at, /** @type {string} */ aspect, /** @type {unknown} */ a, /** @type {unknown} */ b) =>
      found.push({ operation: name, at, aspect, ours: a, vendor: b });
    const counterpart = vendorOperations.get(operation.key);
    if (counterpart) compareOperation({ ours, vendor, report }, operation, counterpart);
    else report("operation", "present", true, false);
    differences.push(...found.sort((a, b) => compareText(a.at, b.at) || compareText(a.aspect, b.aspect)));
  }
  return differences;
}

/**
 * @typedef {object} Operation
 * @property {string} key method and path with the parameter names left out, to match across documents
 * @property {string} method
 * @property {string} path
 * @property {Record<string, any>} definition
 * @property {Map<string, Record<string, any>>} parameters by name, the operation's own over its path's
 */

/**
 * @param {Record<string, any>} document
 * @returns {Operation[]}
 */
function operationsOf(document) {
  return Object.entries(document.paths).flatMap(([path, node]) => {
    const item = resolve(document, node);
    return METHODS.filter((method) => isObject(item[method])).map((method) => {
      const definition = item[method];
      const parameters = new Map();
      for (const parameter of [...(item.parameters ?? []), ...(definition.parameters ?? [])]) {
        const resolved = resolve(document, parameter);
        parameters.set(resolved.name, resolved);
      }
      return { key: `${method} ${path.replace(/\{[^}]*\}/g, "{}")}`, method, path, definition, parameters };
    });
  });
}

/**
 * @param {import("./schema.mjs").SchemaComparison} comparison
 * @param {Operation} ours
 * @param {Operation} vendor
 */
function compareOperation(comparison, ours, vendor) {
  const report = (/** @type {string} */ at, /** @type {string} */ aspect, /** @type {unknown} */ a, /** @type {unknown} */ b) => {
    if (canonical(a) !== canonical(b)) comparison.report(at, aspect, a, b);
  };

  for (const name of union(ours.parameters.keys(), vendor.parameters.keys())) {
    const at = `parameter ${name}`;
    const a = ours.parameters.get(name);
    const b = vendor.parameters.get(name);
    if (!a || !b) {
      comparison.report(at, "present", a !== undefined, b !== undefined);
      continue;
    }
    report(at, "in", a.in, b.in);
    report(at, "required", a.required === true, b.required === true);
    report(at, "style", styleOf(a), styleOf(b));
    report(at, "explode", explodeOf(a), explodeOf(b));
    compareSchemas(comparison, a.schema, b.schema, at);
  }

  const oursBody = resolve(comparison.ours, ours.definition.requestBody);
  const vendorBody = resolve(comparison.vendor, vendor.definition.requestBody);
  if (oursBody || vendorBody) {
    if (!oursBody || !vendorBody) comparison.report("request body", "present", Boolean(oursBody), Boolean(vendorBody));
    else {
      report("request body", "required", oursBody.required === true, vendorBody.required === true);
      compareContent(comparison, report, oursBody.content, vendorBody.content, "request body");
    }
  }

  const oursResponses = ours.definition.responses ?? {};
  const vendorResponses = vendor.definition.responses ?? {};
  for (const status of union(Object.keys(oursResponses), Object.keys(vendorResponses))) {
    const at = `response ${status}`;
    if (!(status in oursResponses) || !(status in vendorResponses)) {
      comparison.report(at, "present", status in oursResponses, status in vendorResponses);
      continue;
    }
    const a = resolve(comparison.ours, oursResponses[status]);
    const b = resolve(comparison.vendor, vendorResponses[status]);
    compareContent(comparison, report, a.content, b.content, at);
  }
}

/**
 * The media types a body or response documents, and its JSON schema when both sides have one.
 * @param {import("./schema.mjs").SchemaComparison} comparison
 * @param {(at: string, aspect: string, ours: unknown, vendor: unknown) => void} report
 * @param {unknown} ours
 * @param {unknown} vendor
 * @param {string} at
 */
function compareContent(comparison, report, ours, vendor, at) {
  const oursTypes = isObject(ours) ? Object.keys(ours) : [];
  const vendorTypes = isObject(vendor) ? Object.keys(vendor) : [];
  report(at, "content types", oursTypes.length > 0 ? oursTypes : undefined, vendorTypes.length > 0 ? vendorTypes : undefined);
  const oursSchema = jsonSchemaOf(ours);
  const vendorSchema = jsonSchemaOf(vendor);
  if (oursSchema && vendorSchema) compareSchemas(comparison, oursSchema, vendorSchema, at);
}

/** @param {unknown} content */
function jsonSchemaOf(content) {
  if (!isObject(content)) return undefined;
  const type = Object.keys(content).find((name) => /^application\/(.+\+)?json\b/i.test(name));
  return type === undefined ? undefined : content[type].schema;
}

/**
 * How the parameter is serialised, with OpenAPI's defaults filled in.
 * @param {Record<string, any>} parameter
 */
function styleOf(parameter) {
  return parameter.style ?? (parameter.in === "query" || parameter.in === "cookie" ? "form" : "simple");
}

/** @param {Record<string, any>} parameter */
function explodeOf(parameter) {
  return parameter.explode ?? styleOf(parameter) === "form";
}

/**
 * @param {Iterable<string>} a
 * @param {Iterable<string>} b
 */
function union(a, b) {
  return [...new Set([...a, ...b])].sort(compareText);
}

/**
 * @param {string} a
 * @param {string} b
 */
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
