// @ts-check
// An independent judge of what a client sent: does the request conform to the spec? It reads openapi/<name>.yaml
// itself and validates with Ajv (JSON Schema 2020-12), not with the rules the clients generate and check with, so
// a bug in either the generator or the clients' checker shows as a request the judge refuses.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "yaml";

const METHODS = ["get", "put", "post", "patch", "delete", "head", "options", "trace"];

/** @param {string} key */
const escapePointer = (key) => key.replaceAll("~", "~0").replaceAll("/", "~1");

/**
 * @param {any} document @param {string} ref
 * @returns {any}
 */
function at(document, ref) {
  return ref
    .slice(2)
    .split("/")
    .reduce((node, key) => node?.[key.replaceAll("~1", "/").replaceAll("~0", "~")], document);
}

/** @type {import("./spec-conformance.d.mts").specJudge} */
export function specJudge(name) {
  const document = parse(readFileSync(fileURLToPath(new URL(`../openapi/${name}.yaml`, import.meta.url)), "utf8"));
  const strict = new Ajv2020({ strict: false, allErrors: false });
  // Parameters arrive as text in a URL: "10" is the integer 10, "true" the boolean.
  const coercing = new Ajv2020({ strict: false, allErrors: false, coerceTypes: "array" });
  for (const ajv of [strict, coercing]) {
    addFormats(ajv);
    ajv.addSchema(document, "spec");
  }
  /** @param {Ajv2020} ajv @param {string} pointer */
  const validatorAt = (ajv, pointer) => ajv.compile({ $ref: `spec${pointer}` });
  /** A parameter's schema, for a value inside `{ value }`: coercion needs a parent to write the coerced value to. */
  const parameterValidator = (/** @type {string} */ pointer) =>
    coercing.compile({ type: "object", properties: { value: { $ref: `spec${pointer}` } } });

  /** @type {{ method: string; segments: string[]; parameters: { name: string; in: string; required: boolean; array: boolean; validate: import("ajv").ValidateFunction }[]; body: import("ajv").ValidateFunction | undefined; bodyRequired: boolean }[]} */
  const operations = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const base = `#/paths/${escapePointer(path)}`;
      const parameters = [
        ...(item.parameters ?? []).map((/** @type {any} */ p, /** @type {number} */ i) => [p, `${base}/parameters/${i}`]),
        ...(operation.parameters ?? []).map((/** @type {any} */ p, /** @type {number} */ i) => [p, `${base}/${method}/parameters/${i}`]),
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

  /** @param {import("ajv").ValidateFunction} validate */
  const why = (validate) => (validate.errors ?? []).map((e) => `${e.instancePath || "(the value)"} ${e.message}`).join("; ");

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
      const problems = [];
      const query = url.searchParams;
      const known = new Set(operation.parameters.filter((p) => p.in === "query").map((p) => p.name));
      for (const key of new Set(query.keys())) if (!known.has(key)) problems.push(`an unknown query parameter ${key}`);
      for (const parameter of operation.parameters) {
        /** @type {unknown} */
        let value;
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
        let body;
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
