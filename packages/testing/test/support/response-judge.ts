import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "yaml";

const METHODS = ["get", "post", "patch", "delete", "put"];

/**
 * A judge of the fake's answers, independent of the fake: it reads openapi/<name>.yaml itself and says what is wrong
 * with an answer to an operation (a status the operation does not document, a body its schema refuses).
 */
export function responseJudge(name: "management" | "admin") {
  const document = parse(readFileSync(new URL(`../../../../openapi/${name}.yaml`, import.meta.url), "utf8"));
  const ajv = new Ajv2020({ strict: false });
  addFormats(ajv);
  ajv.addSchema(document, "spec");
  const resolve = (node: any): any => (node?.$ref ? resolve(node.$ref.slice(2).split("/").reduce((at: any, key: string) => at[key], document)) : node);
  const templates = Object.keys(document.paths);
  return {
    /** The operation a request names, as "METHOD /template", given its path under the API root (or the origin's). */
    keyOf(method: string, path: string): string | undefined {
      const segments = path.split("/");
      const template = templates.find((candidate) => {
        const parts = candidate.split("/");
        return parts.length === segments.length && parts.every((part, index) => part.startsWith("{") || part === segments[index]);
      });
      return template === undefined ? undefined : `${method} ${template}`;
    },
    /** What is wrong with the answer `status` (with its content type and body) to the operation `key`. */
    problems(key: string, status: number, contentType: string | null, body: string): string[] {
      const [method = "", path = ""] = key.split(" ");
      const operation = METHODS.includes(method.toLowerCase()) ? document.paths[path]?.[method.toLowerCase()] : undefined;
      if (operation === undefined) return [`${key} is no operation of openapi/${name}.yaml`];
      const response = resolve(operation.responses[String(status)]);
      if (response === undefined) return [`${key} documents no ${status}`];
      const media = Object.keys(response.content ?? {})[0];
      if (media === undefined) return body === "" ? [] : [`${key} ${status} documents no body, got ${body.slice(0, 100)}`];
      if (!(contentType ?? "").startsWith(media)) return [`${key} ${status}: content-type ${contentType}, the spec says ${media}`];
      const pointer = `#/paths/${path.replaceAll("~", "~0").replaceAll("/", "~1")}/${method.toLowerCase()}/responses/${status}`;
      const schemaPointer = operation.responses[String(status)].$ref ? `${operation.responses[String(status)].$ref}/content/${media.replace("/", "~1")}/schema` : `${pointer}/content/${media.replace("/", "~1")}/schema`;
      const validate = ajv.compile({ $ref: `spec${schemaPointer}` });
      return validate(JSON.parse(body)) ? [] : [`${key} ${status}: ${ajv.errorsText(validate.errors)} in ${body.slice(0, 200)}`];
    },
  };
}
