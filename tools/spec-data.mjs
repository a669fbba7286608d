// @ts-check
// The specs as data for @grantkit/testing's fake tenant, which validates every request it serves with Ajv: each
// operation's parameters and body schema, and the schemas they reference, with nothing that only describes.
// `$ref`s are kept (Ajv resolves them), so the fake judges requests by the spec itself, not by the clients' rules.

const METHODS = ["get", "put", "post", "patch", "delete"];
/** Keywords that describe a schema without constraining it (`default` stays: the fake fills defaults in). */
const DESCRIPTIVE = new Set(["description", "title", "example", "examples", "deprecated", "summary", "$comment"]);
/** Keywords whose value is a map of names to schemas: the names are data, not keywords. */
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "dependentSchemas"]);

/** @param {unknown} schema @returns {unknown} */
function withoutDescriptions(schema) {
  if (Array.isArray(schema)) return schema.map(withoutDescriptions);
  if (schema === null || typeof schema !== "object") return schema;
  const kept = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DESCRIPTIVE.has(key)) continue;
    kept[key] = SCHEMA_MAPS.has(key)
      ? Object.fromEntries(Object.entries(value).map(([name, item]) => [name, withoutDescriptions(item)]))
      : withoutDescriptions(value);
  }
  return kept;
}

/** @param {any} document @param {string} ref @returns {any} */
function at(document, ref) {
  return ref
    .slice(2)
    .split("/")
    .reduce((node, key) => node?.[key.replaceAll("~1", "/").replaceAll("~0", "~")], document);
}

/**
 * Every operation of `document` by "METHOD /path", with its parameters (path item's and operation's, references
 * resolved), its body's media type and schema, and whether it is served at the origin's root (an operation with its
 * own `servers`, such as a token endpoint) rather than under the API root; and the document's component schemas.
 * @param {any} document
 */
export function specData(document) {
  const operations = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((parameter) => {
        const { name, in: where, required, schema } = parameter.$ref ? at(document, parameter.$ref) : parameter;
        return { name, in: where, required: required === true, schema: withoutDescriptions(schema) };
      });
      const content = operation.requestBody?.content ?? {};
      const [mediaType] = Object.keys(content);
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        atOriginRoot: Array.isArray(item.servers),
        parameters,
        ...(mediaType === undefined
          ? {}
          : {
              body: {
                mediaType,
                required: operation.requestBody.required === true,
                schema: withoutDescriptions(content[mediaType].schema),
              },
            }),
      });
    }
  }
  return { operations, schemas: withoutDescriptions(document.components.schemas) };
}
