// @ts-check
// The JSON Schema of a grantkit grants file (packages/cli), made from the spec: each grant's fields are those of
// `CreateClientGrantRequest` with their rules and descriptions, plus what only the file has (`client`, a client's
// name, and `organizations`). Editors read it through a file's `$schema`; the CLI checks every file with it.

/** The fields of a file's grant that the create request does not have, each described for editors. */
const FILE_FIELDS = {
  client: {
    type: "string",
    minLength: 1,
    description: "The client's name, resolved against the tenant: it must name exactly one client. Or give client_id.",
  },
  organizations: {
    type: "array",
    uniqueItems: true,
    description: "The IDs of the organizations the grant is assigned to. Left out: the assignments are left as they are.",
  },
};

/** How a grant names who it is for: exactly one of these. */
const WHO = ["client", "client_id", "default_for"];

/**
 * @param {any} document @param {any} schema
 * @returns {any} the schema with every local `$ref` replaced by what it points at
 */
function resolved(document, schema) {
  if (Array.isArray(schema)) return schema.map((item) => resolved(document, item));
  if (schema === null || typeof schema !== "object") return schema;
  if (typeof schema.$ref === "string") {
    const target = schema.$ref
      .slice(2)
      .split("/")
      .reduce((/** @type {any} */ node, /** @type {string} */ key) => node?.[key], document);
    if (target === undefined) throw new Error(`openapi/management.yaml: ${schema.$ref} points at nothing`);
    return resolved(document, target);
  }
  return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, resolved(document, value)]));
}

/**
 * @param {any} document openapi/management.yaml, parsed
 * @returns {Record<string, unknown>}
 */
export function grantsFileSchema(document) {
  const create = resolved(document, document.components.schemas.CreateClientGrantRequest);
  const organizationId = resolved(document, document.components.parameters.OrganizationId).schema;
  const { client_id, default_for, ...fields } = create.properties;
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://unpkg.com/@grantkit/cli/grants.schema.json",
    title: "grantkit grants file",
    description: "A tenant's client grants as code: what `grantkit plan` compares with the tenant and `grantkit apply` makes so.",
    type: "object",
    additionalProperties: false,
    required: ["grants"],
    properties: {
      $schema: { type: "string", description: "This schema's URL or path, for editors." },
      grants: { type: "array", items: { $ref: "#/$defs/grant" } },
    },
    $defs: {
      grant: {
        type: "object",
        additionalProperties: false,
        description:
          "One client grant, identified by its client (client or client_id) or default_for, its audience and its subject_type. " +
          "A field left out is left as the tenant has it.",
        required: ["audience"],
        properties: {
          client: FILE_FIELDS.client,
          client_id,
          default_for,
          ...fields,
          organizations: { ...FILE_FIELDS.organizations, items: organizationId },
        },
        oneOf: WHO.map((field) => ({ required: [field] })),
        // `scope` is required, unless every scope is allowed, where it must be left out.
        if: { required: ["allow_all_scopes"], properties: { allow_all_scopes: { const: true } } },
        // biome-ignore lint/suspicious/noThenProperty: if/then/else are JSON Schema keywords, never awaited.
        then: { not: { required: ["scope"] } },
        else: { required: ["scope"] },
      },
    },
  };
}
