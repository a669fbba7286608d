// An independent judge of what a client sent: does the request conform to the spec? It reads openapi/<name>.yaml
// itself and validates with Ajv (JSON Schema 2020-12), not with the rules the clients generate and check with, so
// a bug in either the generator or the clients' checker shows as a request the judge refuses.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ValidateFunction } from "ajv";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "yaml";

const METHODS = ["get", "put", "post", "patch", "delete", "head", "options", "trace"] as const;

/** A request as a recording `fetch` saw it. */
export interface JudgedRequest {
  method: string;
  url: string;
  body: string;
}

export interface SpecJudge {
  /** Why the request breaks the spec (its route, parameters and body), or an empty list when it conforms. */
  problems(request: JudgedRequest, rootPath: string): string[];
}

interface JudgedOperation {
  method: string;
  segments: string[];
  parameters: { name: string; in: string; required: boolean; array: boolean; validate: ValidateFunction }[];
  body: ValidateFunction | undefined;
  bodyRequired: boolean;
}

// The spec as YAML parses it: the judge walks it by the OpenAPI layout, which the parser cannot know.
// biome-ignore lint/suspicious/noExplicitAny: a parsed OpenAPI document, read by its layout.
type Spec = any;

const escapePointer = (key: string) => key.replaceAll("~", "~0").replaceAll("/", "~1");

function at(document: Spec, ref: string): Spec {
  return ref
    .slice(2)
    .split("/")
    .reduce((node, key) => node?.[key.replaceAll("~1", "/").replaceAll("~0", "~")], document);
}

/** A judge of requests against openapi/<name>.yaml, by Ajv over the spec itself. */
export function specJudge(name: "management" | "admin"): SpecJudge {
  const document: Spec = parse(readFileSync(fileURLToPath(new URL(`../../../openapi/${name}.yaml`, import.meta.url)), "utf8"));
  const strict = new Ajv2020({ strict: false, allErrors: false });
  // Parameters arrive as text in a URL: "10" is the integer 10, "true" the boolean.
  const coercing = new Ajv2020({ strict: false, allErrors: false, coerceTypes: "array" });
  for (const ajv of [strict, coercing]) {
    addFormats(ajv);
    ajv.addSchema(document, "spec");
  }
  const validatorAt = (ajv: Ajv2020, pointer: string) => ajv.compile({ $ref: `spec${pointer}` });
  /** A parameter's schema, for a value inside `{ value }`: coercion needs a parent to write the coerced value to. */
  const parameterValidator = (pointer: string) =>
    coercing.compile({ type: "object", properties: { value: { $ref: `spec${pointer}` } } });

  const operations: JudgedOperation[] = [];
  for (const [path, item] of Object.entries<Spec>(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const base = `#/paths/${escapePointer(path)}`;
      const parameters = [
        ...(item.parameters ?? []).map((p: Spec, i: number) => [p, `${base}/parameters/${i}`]),
        ...(operation.parameters ?? []).map((p: Spec, i: number) => [p, `${base}/${method}/parameters/${i}`]),
      ].map(([parameter, pointer]) => {
        const resolved = parameter.$ref ? at(document, parameter.$ref) : parameter;
        const schemaPointer = `${parameter.$ref ?? pointer}/schema`;
        const schema = resolved.schema.$ref ? at(document, resolved.schema.$ref) : resolved.schema;
        return {
          name: resolved.name,
          in: resolved.in,
          required: resolved.required === true,
          array: schema.type === "array",
          validate: parameterValidator(schemaPointer),
        };
      });
      const media = operation.requestBody?.content && Object.keys(operation.requestBody.content)[0];
      operations.push({
        method: method.toUpperCase(),
        segments: path.split("/").slice(1),
        parameters,
        body: media ? validatorAt(strict, `${base}/${method}/requestBody/content/${escapePointer(media)}/schema`) : undefined,
        bodyRequired: operation.requestBody?.required === true,
      });
    }
  }

  const why = (validate: ValidateFunction) =>
    (validate.errors ?? []).map((e) => `${e.instancePath || "(the value)"} ${e.message}`).join("; ");

  return {
    problems(request, rootPath) {
      const url = new URL(request.url);
      const root = rootPath.replace(/\/$/, "");
      if (!url.pathname.startsWith(`${root}/`)) return [`${url.pathname} is not under ${root}/`];
      const segments = url.pathname.slice(root.length + 1).split("/");
      const operation = operations.find(
        (candidate) =>
          candidate.method === request.method &&
          candidate.segments.length === segments.length &&
          candidate.segments.every((segment, i) => segment.startsWith("{") || segment === segments[i]),
      );
      if (!operation) return [`${request.method} ${url.pathname} is no operation of openapi/${name}.yaml`];
      const problems: string[] = [];
      const query = url.searchParams;
      const known = new Set(operation.parameters.filter((p) => p.in === "query").map((p) => p.name));
      for (const key of new Set(query.keys())) if (!known.has(key)) problems.push(`an unknown query parameter ${key}`);
      for (const parameter of operation.parameters) {
        let value: unknown;
        if (parameter.in === "path") {
          const index = operation.segments.indexOf(`{${parameter.name}}`);
          value = decodeURIComponent(segments[index] ?? "");
        } else if (parameter.in === "query") {
          const values = query.getAll(parameter.name);
          if (values.length === 0) value = undefined;
          else if (parameter.array) value = values;
          else if (values.length > 1) problems.push(`query parameter ${parameter.name} repeated`);
          else value = values[0];
        } else continue;
        if (value === undefined) {
          if (parameter.required) problems.push(`the ${parameter.in} parameter ${parameter.name} is missing`);
          continue;
        }
        if (!parameter.validate({ value })) {
          problems.push(`the ${parameter.in} parameter ${parameter.name} = ${JSON.stringify(value)}: ${why(parameter.validate)}`);
        }
      }
      if (request.body === "") {
        if (operation.bodyRequired) problems.push("no body, where the operation requires one");
      } else if (!operation.body) {
        problems.push("a body, where the operation takes none");
      } else {
        let body: unknown;
        try {
          body = JSON.parse(request.body);
        } catch {
          return [...problems, "a body that is not JSON"];
        }
        if (!operation.body(body)) problems.push(`the body ${request.body.slice(0, 200)}: ${why(operation.body)}`);
      }
      return problems;
    },
  };
}
