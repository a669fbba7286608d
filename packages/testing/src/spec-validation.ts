import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { JsonSchema, SpecData, SpecOperation } from "./spec-data.js";

/** What is wrong with a request, in one place of it. */
export interface RequestProblem {
  readonly in: "path" | "query" | "body";
  /** The property at fault, `a.b` for a nested one, or "" for the value as a whole. */
  readonly property: string;
  readonly message: string;
}

/** A request that conforms to its operation: parameters coerced to their types, the body with its defaults. */
export interface ValidRequest {
  readonly key: string;
  readonly path: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly body: unknown;
}

export type Validation = { readonly valid: true; readonly request: ValidRequest } | { readonly valid: false; readonly problem: RequestProblem };

interface CompiledOperation {
  readonly operation: SpecOperation;
  readonly path: ValidateFunction;
  readonly query: ValidateFunction;
  readonly body: ValidateFunction | undefined;
}

const objectOf = (parameters: SpecOperation["parameters"]): JsonSchema => ({
  type: "object",
  properties: Object.fromEntries(parameters.map((parameter) => [parameter.name, parameter.schema])),
  required: parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name),
  additionalProperties: false,
});

function problemOf(where: RequestProblem["in"], errors: readonly ErrorObject[] | null | undefined): RequestProblem {
  const error = errors?.[0];
  if (error === undefined) return { in: where, property: "", message: "is invalid" };
  const path = error.instancePath.split("/").slice(1).map((key) => key.replaceAll("~1", "/").replaceAll("~0", "~"));
  const named = (error.params as { additionalProperty?: string; missingProperty?: string });
  const extra = named.additionalProperty ?? named.missingProperty;
  return { in: where, property: [...path, ...(extra === undefined ? [] : [extra])].join("."), message: error.message ?? "is invalid" };
}

/**
 * Judges requests by one spec with Ajv: which operation a path names, and whether its path, query and body
 * conform. Each operation's validators are compiled on its first request, once per spec for every fake.
 */
export class SpecValidator {
  readonly #spec: SpecData;
  readonly #id: string;
  readonly #coercing = new Ajv2020({ strict: false, coerceTypes: "array" });
  readonly #filling = new Ajv2020({ strict: false, useDefaults: true });
  readonly #compiled = new Map<number, CompiledOperation>();
  readonly #components = new Map<string, ValidateFunction>();
  /** Each operation's method and path segments, split once: every request is matched against them. */
  readonly #routes: readonly { method: string; segments: readonly string[]; atOriginRoot: boolean }[];

  constructor(name: string, spec: SpecData) {
    this.#spec = spec;
    this.#routes = spec.operations.map(({ key, atOriginRoot }) => {
      const [method = "", template = ""] = key.split(" ");
      return { method, segments: template.split("/").slice(1), atOriginRoot };
    });
    this.#id = `https://grantkit.test/specs/${name}.json`;
    const document = {
      $id: this.#id,
      components: { schemas: spec.schemas },
      operations: spec.operations.map((operation) => ({
        path: objectOf(operation.parameters.filter((parameter) => parameter.in === "path")),
        query: objectOf(operation.parameters.filter((parameter) => parameter.in === "query")),
        body: operation.body?.schema ?? true,
      })),
    };
    // Parameters arrive as text ("10" is the integer 10, "true" the boolean); bodies are JSON and are not coerced.
    for (const ajv of [this.#coercing, this.#filling]) {
      addFormats(ajv);
      ajv.addSchema(document);
    }
  }

  /** The spec's operations. */
  get operations(): readonly SpecOperation[] {
    return this.#spec.operations;
  }

  /** The operation `method` and `path` (under the API root, or the origin's root for `atOriginRoot`) name. */
  match(method: string, path: string, atOriginRoot: boolean): { operation: SpecOperation; path: Record<string, string> } | undefined {
    const segments = path.split("/").slice(1);
    for (const [index, route] of this.#routes.entries()) {
      if (route.atOriginRoot !== atOriginRoot || route.method !== method || route.segments.length !== segments.length) continue;
      const parameters: Record<string, string> = {};
      const matches = route.segments.every((segment, i) => {
        const given = segments[i] ?? "";
        if (!segment.startsWith("{")) return segment === given;
        parameters[segment.slice(1, -1)] = safeDecode(given);
        return true;
      });
      if (matches) return { operation: this.#compile(index).operation, path: parameters };
    }
    return undefined;
  }

  /** Whether the request conforms; `body` is the parsed body, or undefined for none. */
  validate(operation: SpecOperation, path: Record<string, string>, query: URLSearchParams, body: unknown): Validation {
    const compiled = this.#compile(this.#spec.operations.indexOf(operation));
    const pathValues = { ...path };
    if (!compiled.path(pathValues)) return { valid: false, problem: problemOf("path", compiled.path.errors) };
    const queryValues: Record<string, unknown> = {};
    for (const name of new Set(query.keys())) {
      const values = query.getAll(name);
      const parameter = operation.parameters.find((candidate) => candidate.in === "query" && candidate.name === name);
      const isArray = typeof parameter?.schema === "object" && parameter.schema["type"] === "array";
      if (!isArray && values.length > 1) return { valid: false, problem: { in: "query", property: name, message: "must not be repeated" } };
      queryValues[name] = isArray ? values : values[0];
    }
    if (!compiled.query(queryValues)) return { valid: false, problem: problemOf("query", compiled.query.errors) };
    if (body === undefined) {
      if (operation.body?.required) return { valid: false, problem: { in: "body", property: "", message: "is required" } };
    } else if (compiled.body === undefined) {
      return { valid: false, problem: { in: "body", property: "", message: "must be empty: the operation takes no body" } };
    } else if (!compiled.body(body)) {
      return { valid: false, problem: problemOf("body", compiled.body.errors) };
    }
    return { valid: true, request: { key: operation.key, path: pathValues, query: queryValues, body } };
  }

  /** What is wrong with `value` as the spec's component schema `name` (its defaults filled in), or undefined. */
  schemaProblem(name: string, value: unknown): string | undefined {
    let validate = this.#components.get(name);
    if (validate === undefined) {
      validate = this.#filling.compile({ $ref: `${this.#id}#/components/schemas/${name}` });
      this.#components.set(name, validate);
    }
    if (validate(value)) return undefined;
    const problem = problemOf("body", validate.errors);
    return `${problem.property === "" ? "" : `${problem.property} `}${problem.message}`;
  }

  #compile(index: number): CompiledOperation {
    const known = this.#compiled.get(index);
    if (known !== undefined) return known;
    const operation = this.#spec.operations[index] as SpecOperation;
    const at = (ajv: Ajv2020, part: string) => ajv.compile({ $ref: `${this.#id}#/operations/${index}/${part}` });
    const compiled: CompiledOperation = {
      operation,
      path: at(this.#coercing, "path"),
      query: at(this.#coercing, "query"),
      body: operation.body === undefined ? undefined : at(this.#filling, "body"),
    };
    this.#compiled.set(index, compiled);
    return compiled;
  }
}

/** A path segment decoded; a malformed escape is kept as sent, for the path's validation to judge. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
