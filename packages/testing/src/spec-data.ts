/** A JSON Schema as the specs write it; Ajv judges it, so nothing here needs its keywords typed. */
export type JsonSchema = boolean | { readonly [keyword: string]: unknown };

/** One parameter of an operation, its reference resolved. */
export interface SpecParameter {
  readonly name: string;
  readonly in: string;
  readonly required: boolean;
  readonly schema: JsonSchema;
}

/** One operation of a spec, as tools/spec-data.mjs writes it. */
export interface SpecOperation {
  /** "METHOD /path" with the spec's path template, for example "PATCH /client-grants/{id}". */
  readonly key: string;
  /** Served at the origin's root (a token endpoint), not under the API root. */
  readonly atOriginRoot: boolean;
  readonly parameters: readonly SpecParameter[];
  readonly body?: { readonly mediaType: string; readonly required: boolean; readonly schema: JsonSchema };
}

/** A spec's operations and the component schemas they reference as `#/components/schemas/...`. */
export interface SpecData {
  readonly operations: readonly SpecOperation[];
  readonly schemas: Readonly<Record<string, JsonSchema>>;
}
