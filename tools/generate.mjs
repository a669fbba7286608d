#!/usr/bin/env node
// Generates packages/types/src/{management,admin}.ts from the specs in openapi/.
// `--check` writes nothing and fails when the committed files differ from a fresh generation (drift check).
// `--root <dir>` works on another copy of the repository (the same layout) instead of this one.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import openapiTS, { astToString } from "openapi-typescript";
import { parse } from "yaml";
import { requestRules } from "./request-rules.mjs";
import { grantsFileSchema } from "./grants-file-schema.mjs";
import { specData } from "./spec-data.mjs";

const { values: options } = parseArgs({ options: { check: { type: "boolean" }, root: { type: "string" } } });
const root = options.root === undefined ? new URL("../", import.meta.url) : pathToFileURL(`${resolve(options.root)}/`);
const specs = [
  { spec: "openapi/management.yaml", out: "packages/types/src/management.ts" },
  { spec: "openapi/admin.yaml", out: "packages/types/src/admin.ts" },
];
const check = options.check === true;

/** The request rules of each spec, as one table per spec keyed by "METHOD /path" (see request-rules.mjs). */
const rules = {
  out: "packages/types/src/rules.ts",
  sets: [
    { name: "managementRequests", spec: "openapi/management.yaml", types: "management" },
    { name: "adminRequests", spec: "openapi/admin.yaml", types: "admin" },
  ],
};

/** The shape of the generated tables: the keywords request-rules.mjs keeps, typed. */
const RULE_TYPES = `/** The constraints of one value, as its schema in the spec states them, references resolved. */
export interface RequestRule {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: "date-time" | "uri";
  readonly minimum?: number;
  readonly maximum?: number;
  readonly items?: RequestRule;
  readonly prefixItems?: readonly RequestRule[];
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly properties?: Readonly<Record<string, RequestRule>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | RequestRule;
  readonly minProperties?: number;
  readonly maxProperties?: number;
  readonly not?: RequestRule;
}

/** What one operation's request must be: its path parameters, its query and its body, each as one schema. */
export interface OperationRules {
  readonly path?: RequestRule;
  readonly query?: RequestRule;
  readonly body?: RequestRule;
  /** Whether the operation needs a body. */
  readonly bodyRequired?: boolean;
}

/** The key of {@link RequestRules}' paths: a type only, never a value. */
declare const pathsOfRules: unique symbol;

/**
 * The request rules of every operation of one spec (\`Key\`: "METHOD /path"). \`Paths\` is the spec's generated
 * \`paths\` type; no such member exists at run time. It is there for the compiler: a client built on these rules
 * (\`createApiClient\`) is typed by the same spec without being told.
 */
export type RequestRules<Key extends string, Paths> = { readonly [K in Key]: OperationRules } & { readonly [pathsOfRules]?: Paths };`;

/** @param {string} key */
const keyOf = (key) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key));

/**
 * A value as a TypeScript literal: on one line when it fits in 100 characters, else one member per line.
 * @param {unknown} value @param {string} indent @returns {string}
 */
function literal(value, indent) {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = `${indent}  `;
  const entries = Array.isArray(value)
    ? value.map((item) => ["", literal(item, inner)])
    : Object.entries(value).map(([key, item]) => [`${keyOf(key)}: `, literal(item, inner)]);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{ ", " }"];
  const line = entries.length === 0 ? open.trim() + close.trim() : `${open}${entries.map(([key, item]) => key + item).join(", ")}${close}`;
  if (!line.includes("\n") && line.length + indent.length <= 100) return line;
  return `${open.trim()}\n${entries.map(([key, item]) => `${inner}${key}${item},`).join("\n")}\n${indent}${close.trim()}`;
}

async function generateRules() {
  const sets = [];
  for (const { name, spec, types } of rules.sets) {
    const document = parse(await readFile(new URL(spec, root), "utf8"));
    const operations = requestRules(document, spec);
    const keys = operations.map(({ key }) => `\n  | ${JSON.stringify(key)}`).join("");
    const keyType = `${name[0].toUpperCase()}${name.slice(1, -"Requests".length)}Operation`;
    const entries = operations.map(
      ({ key, operationId, rules: operationRules }) =>
        `  /** ${operationId} */\n  ${JSON.stringify(key)}: ${literal(operationRules, "  ")},`,
    );
    sets.push(
      `/** Every operation of ${spec}, as its method and path. */\nexport type ${keyType} =${keys};\n\n` +
        `/** The request rules of every operation of ${spec}, by method and path. */\n` +
        `export const ${name}: RequestRules<${keyType}, ${types}.paths> = {\n${entries.join("\n")}\n};`,
    );
  }
  const imports = rules.sets.map(({ types }) => `import type * as ${types} from "./${types}.js";`).join("\n");
  return `/**\n * Generated by tools/generate.mjs from the specs in openapi/. Do not edit by hand:\n * change the spec and run \`pnpm generate\`.\n */\n\n${imports}\n\n${RULE_TYPES}\n\n${sets.join("\n\n")}\n`;
}

/** The grants file's JSON Schema: as a file editors read, and as a module the CLI checks files with. */
async function generateGrantsSchema() {
  const document = parse(await readFile(new URL("openapi/management.yaml", root), "utf8"));
  return grantsFileSchema(document);
}

const GENERATED_NOTE = "Generated by tools/generate.mjs from openapi/management.yaml. Do not edit by hand:\n * change the spec and run `pnpm generate`.";

/** The specs as data for @grantkit/testing's request validation (see spec-data.mjs). */
const specDataOut = {
  out: "packages/testing/src/generated/specs.ts",
  sets: [
    { name: "managementSpec", spec: "openapi/management.yaml" },
    { name: "adminSpec", spec: "openapi/admin.yaml" },
  ],
};

async function generateSpecData() {
  const sets = [];
  for (const { name, spec } of specDataOut.sets) {
    const document = parse(await readFile(new URL(spec, root), "utf8"));
    sets.push(`/** The operations and schemas of ${spec}. */\nexport const ${name}: SpecData = ${literal(specData(document), "")};`);
  }
  return (
    `/**\n * Generated by tools/generate.mjs from the specs in openapi/. Do not edit by hand:\n * change the spec and run \`pnpm generate\`.\n */\n\n` +
    `import type { SpecData } from "../spec-data.js";\n\n${sets.join("\n\n")}\n`
  );
}

async function generate(spec) {
  const ast = await openapiTS(new URL(spec, root), { defaultNonNullable: false });
  return `/**\n * Generated by tools/generate.mjs from ${spec} with openapi-typescript. Do not edit by hand:\n * change the spec and run \`pnpm generate\`.\n */\n\n${astToString(ast)}`;
}

const stale = [];
const outputs = [
  ...specs.map(({ spec, out }) => ({ from: spec, out, make: () => generate(spec) })),
  { from: "the specs' request rules", out: rules.out, make: generateRules },
  {
    from: "openapi/management.yaml",
    out: "packages/cli/grants.schema.json",
    make: async () => `${JSON.stringify(await generateGrantsSchema(), null, 2)}\n`,
  },
  {
    from: "openapi/management.yaml",
    out: "packages/cli/src/file/grants-schema.ts",
    make: async () =>
      `/**\n * ${GENERATED_NOTE}\n */\n\n/** The JSON Schema of a grants file (also shipped as grants.schema.json, for editors). */\n` +
      `export const grantsSchema = ${JSON.stringify(await generateGrantsSchema(), null, 2)} as const;\n`,
  },
  { from: "the specs, as the fake tenant's data", out: specDataOut.out, make: generateSpecData },
];
for (const { from: spec, out, make } of outputs) {
  const fresh = await make();
  const path = fileURLToPath(new URL(out, root));
  if (!check) {
    // A copy of the repository holding only some packages (tools/test/spec-break.test.ts) gets every output.
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, fresh);
    console.log(`generated ${out} from ${spec}`);
    continue;
  }
  const committed = await readFile(path, "utf8").catch(() => "");
  if (committed !== fresh) stale.push(`${out} (from ${spec})`);
}
if (stale.length > 0) {
  console.error(`Generated types are out of date:\n  ${stale.join("\n  ")}\nRun \`pnpm generate\` and commit the result.`);
  process.exit(1);
}
if (check) console.log("generated types match the specs");
