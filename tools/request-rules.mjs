// @ts-check
// The request rules of a spec: for every operation, the schemas of its path parameters, its query and its body,
// with every `$ref` resolved and only the keywords that constrain a value kept. The clients check each request
// against them before sending (packages/client/src/core/internal/request-check.ts reads them).
//
// A keyword that constrains a value but that the checker does not implement fails the generation: a spec change
// must never make a rule silently unchecked.

/** The keywords the checker implements, and nothing else that constrains a value. */
const CHECKED = new Set([
  "type",
  "enum",
  "const",
  "minLength",
  "maxLength",
  "pattern",
  "format",
  "minimum",
  "maximum",
  "items",
  "prefixItems",
  "minItems",
  "maxItems",
  "uniqueItems",
  "properties",
  "required",
  "additionalProperties",
  "minProperties",
  "maxProperties",
  "not",
]);
/** Keywords that describe a value without constraining it. */
const DESCRIPTIVE = new Set(["description", "title", "default", "example", "examples", "deprecated", "summary"]);
/** The formats the checker knows; any other format fails the generation. */
const FORMATS = new Set(["date-time", "uri"]);
const METHODS = ["get", "put", "post", "patch", "delete", "head", "options", "trace"];

/**
 * @param {any} document @param {string} ref @param {string} spec
 * @returns {any}
 */
function resolveRef(document, ref, spec) {
  if (!ref.startsWith("#/")) throw new Error(`${spec}: only local $refs are supported, got ${ref}`);
  const value = ref
    .slice(2)
    .split("/")
    .reduce((node, key) => node?.[key.replaceAll("~1", "/").replaceAll("~0", "~")], document);
  if (value === undefined) throw new Error(`${spec}: ${ref} points at nothing`);
  return value;
}

/**
 * Whether a `not` says only "these members exclude each other": `required`, with at most the same members named
 * under `properties` with no schema of their own.
 * @param {any} not
 */
function isExclusion(not) {
  const { required, properties = {}, ...rest } = not;
  return (
    Array.isArray(required) &&
    Object.keys(rest).length === 0 &&
    Object.entries(properties).every(([name, schema]) => required.includes(name) && Object.keys(/** @type {object} */ (schema)).length === 0)
  );
}

/**
 * A schema with its refs resolved and only the checked keywords kept.
 * @param {any} document @param {any} schema @param {string} spec @param {string} where
 * @returns {Record<string, unknown>}
 */
function ruleOf(document, schema, spec, where) {
  if (schema.$ref !== undefined) return ruleOf(document, resolveRef(document, schema.$ref, spec), spec, where);
  /** @type {Record<string, unknown>} */
  const rule = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (DESCRIPTIVE.has(keyword) || keyword.startsWith("x-")) continue;
    if (!CHECKED.has(keyword)) throw new Error(`${spec} ${where}: the request checker does not implement \`${keyword}\``);
    if (keyword === "format" && !FORMATS.has(/** @type {string} */ (value))) {
      throw new Error(`${spec} ${where}: the request checker does not implement the format \`${value}\``);
    }
    // The checker reads `not` only as "these members exclude each other": any other `not` would go unchecked.
    if (keyword === "not" && !isExclusion(value)) {
      throw new Error(`${spec} ${where}: the request checker implements \`not\` only as \`not: { required: [...] }\``);
    }
    if (keyword === "items" || keyword === "not") rule[keyword] = ruleOf(document, value, spec, `${where}/${keyword}`);
    else if (keyword === "prefixItems") rule[keyword] = value.map((/** @type {any} */ item, /** @type {number} */ i) => ruleOf(document, item, spec, `${where}/prefixItems/${i}`));
    else if (keyword === "properties") {
      rule[keyword] = Object.fromEntries(
        Object.entries(value).map(([name, property]) => [name, ruleOf(document, property, spec, `${where}/properties/${name}`)]),
      );
    } else if (keyword === "additionalProperties" && typeof value === "object") {
      rule[keyword] = ruleOf(document, value, spec, `${where}/additionalProperties`);
    } else rule[keyword] = value;
  }
  return rule;
}

/**
 * The parameters of one location (`path` or `query`) as one object schema: a property per parameter, the required
 * ones required, and no other property (an unknown query parameter is refused: it would be a typo the API ignores
 * or answers 400 to).
 * @param {any} document @param {any[]} parameters @param {"path" | "query"} location @param {string} spec @param {string} where
 */
function parametersRule(document, parameters, location, spec, where) {
  const own = parameters.filter((parameter) => parameter.in === location);
  if (own.length === 0) return undefined;
  const properties = Object.fromEntries(
    own.map((parameter) => [parameter.name, ruleOf(document, parameter.schema ?? {}, spec, `${where} ${location} ${parameter.name}`)]),
  );
  const required = own.filter((parameter) => parameter.required === true).map((parameter) => parameter.name);
  return { type: "object", properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
}

/**
 * Every operation's request rules, keyed by "METHOD /path" as the spec writes the path.
 * @param {any} document @param {string} spec
 * @returns {Array<{ key: string; operationId: string; rules: Record<string, unknown> }>}
 */
export function requestRules(document, spec) {
  const operations = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((parameter) =>
        parameter.$ref === undefined ? parameter : resolveRef(document, parameter.$ref, spec),
      );
      /** @type {Record<string, unknown>} */
      const rules = {};
      const pathRule = parametersRule(document, parameters, "path", spec, where);
      if (pathRule) rules.path = pathRule;
      const queryRule = parametersRule(document, parameters, "query", spec, where);
      if (queryRule) rules.query = queryRule;
      const requestBody = operation.requestBody?.$ref ? resolveRef(document, operation.requestBody.$ref, spec) : operation.requestBody;
      if (requestBody !== undefined) {
        const [media] = Object.values(requestBody.content ?? {});
        if (media?.schema) rules.body = ruleOf(document, media.schema, spec, `${where} body`);
        if (requestBody.required === true) rules.bodyRequired = true;
      }
      operations.push({ key: where, operationId: operation.operationId, rules });
    }
  }
  return operations;
}
