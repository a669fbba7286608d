import type { CreateClientGrantRequest } from "@grantkit/client";
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { LineCounter, parseDocument } from "yaml";
import { GrantsFileError, type FilePosition, type Problem } from "../errors.js";
import { grantsSchema } from "./grants-schema.js";
import { positionOf } from "./positions.js";

/** One grant as a file states it: the create request's fields, a client by name, and its organizations. */
export type FileGrant = CreateClientGrantRequest & {
  /** The client's name, resolved against the tenant. */
  client?: string | undefined;
  /** The IDs of the organizations the grant is assigned to; left out, the assignments are not managed. */
  organizations?: readonly string[] | undefined;
};

/** A grant of a file, and where it starts in it. */
export interface FileEntry {
  grant: FileGrant;
  at: FilePosition;
}

/** A grants file, read and checked. */
export interface GrantsFile {
  /** The name the file was read under, for messages. */
  name: string;
  entries: FileEntry[];
}

const WHO = ["client", "client_id", "default_for"] as const;

// One compiled check for every file read, compiled on the first (`--help` needs none). `strict: false`: the schema
// carries the spec's descriptions and defaults for editors, which Ajv's strict mode would question.
let compiled: ValidateFunction | undefined;
const validatorOf = () => (compiled ??= new Ajv2020({ allErrors: true, strict: false }).compile(grantsSchema));

/**
 * Reads a grants file (YAML, or JSON, which is YAML too) and checks it against the schema and the rules a schema
 * cannot state (duplicate grants). Every problem is reported at once, with its line and column.
 *
 * @example
 * const file = readGrantsFile("grants:\n  - client_id: abc\n    audience: https://api.example.com/\n    scope: []\n", "grants.yaml");
 */
export function readGrantsFile(text: string, name: string): GrantsFile {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const syntax = document.errors.map((error) => {
    const { line, col } = lines.linePos(error.pos[0]);
    return { message: error.message.split("\n")[0]!, file: name, at: { line, column: col } };
  });
  if (syntax.length > 0) throw new GrantsFileError(`${name} is not valid YAML or JSON`, syntax);

  const data: unknown = document.toJS();
  const validate = validatorOf();
  if (!validate(data)) {
    const problems = (validate.errors ?? []).flatMap((error) => problemOf(error, data)).map((problem) => ({
      message: problem.message,
      file: name,
      at: positionOf(document, lines, problem.path, problem.key),
    }));
    throw new GrantsFileError(`${name} does not match the grants file schema`, inFileOrder(uniqueProblems(problems)));
  }

  const grants = (data as { grants: FileGrant[] }).grants;
  const entries = grants.map((grant, index) => ({ grant, at: positionOf(document, lines, ["grants", index]) }));
  const duplicates = duplicateGrants(entries, name);
  if (duplicates.length > 0) throw new GrantsFileError(`${name} names a grant more than once`, duplicates);
  return { name, entries };
}

interface SchemaProblem {
  message: string;
  path: (string | number)[];
  key?: string | undefined;
}

/** An Ajv error as a reader's message, at the value or field it is about; none for errors another one explains. */
function problemOf(error: ErrorObject, data: unknown): SchemaProblem[] {
  const path = error.instancePath.split("/").slice(1).map((step) => (/^\d+$/.test(step) ? Number(step) : step.replaceAll("~1", "/").replaceAll("~0", "~")));
  const where = pathText(path);
  const params = error.params as Record<string, unknown>;
  // The branches of `oneOf` and the `if` of the scope rule fail as a matter of course; their parent says why.
  if (error.schemaPath.includes("/oneOf/") || error.keyword === "if") return [];
  switch (error.keyword) {
    case "additionalProperties":
      return [{ message: `${where} has an unknown field "${String(params.additionalProperty)}"`, path, key: String(params.additionalProperty) }];
    case "oneOf": {
      const named = WHO.filter((field) => field in (valueAt(data, path) as object));
      return named.length === 0
        ? [{ message: `${where} needs one of client, client_id and default_for`, path }]
        : [{ message: `${where} has ${named.join(" and ")}: give exactly one of client, client_id and default_for`, path, key: named[1] }];
    }
    case "not":
      return [{ message: `${where} has scope and allow_all_scopes: true: leave scope out when every scope is allowed`, path, key: "scope" }];
    case "required":
      return params.missingProperty === "scope"
        ? [{ message: `${where} needs scope (it may be empty, []) unless allow_all_scopes is true`, path }]
        : [{ message: `${where} needs ${String(params.missingProperty)}`, path }];
    case "type": {
      const expected = TYPE_NAMES[String(params.type)] ?? String(params.type);
      return [{ message: `${where} must be ${expected}, got ${shown(valueAt(data, path))}`, path }];
    }
    case "uniqueItems": {
      const list = valueAt(data, path) as unknown[];
      return [{ message: `${where} names ${JSON.stringify(list[Number(params.j)])} twice`, path: [...path, Number(params.j)] }];
    }
    case "enum":
      return [{ message: `${where} must be one of ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(", ")}, got ${JSON.stringify(valueAt(data, path))}`, path }];
    default:
      return [{ message: `${where} ${error.message ?? "is not valid"}`, path }];
  }
}

/** What a JSON Schema type is called in a YAML or JSON file. */
const TYPE_NAMES: Record<string, string> = {
  object: "a mapping of fields",
  array: "a list",
  string: "a string",
  boolean: "true or false",
  integer: "a whole number",
  number: "a number",
};

function shown(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "a mapping" : JSON.stringify(value);
}

/** `grants[0].scope[1]`, or `the file` for the top. */
function pathText(path: readonly (string | number)[]): string {
  if (path.length === 0) return "the file";
  return path.map((step, index) => (typeof step === "number" ? `[${step}]` : index === 0 ? step : `.${step}`)).join("");
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((value, step) => (value as Record<string | number, unknown> | undefined)?.[step], data);
}

/** Ajv can report one thing twice (each failing branch); a reader needs it once. */
function uniqueProblems(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const line = `${problem.at?.line}:${problem.at?.column}:${problem.message}`;
    if (seen.has(line)) return false;
    seen.add(line);
    return true;
  });
}

function inFileOrder(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => (a.at?.line ?? 0) - (b.at?.line ?? 0) || (a.at?.column ?? 0) - (b.at?.column ?? 0));
}

/** The key a grant is identified by, as the file names its client: two entries with one key are one grant twice. */
function fileKeyOf(grant: FileGrant): string {
  const who = WHO.find((field) => grant[field] !== undefined)!;
  return JSON.stringify([who, grant[who], grant.audience, grant.subject_type ?? "client"]);
}

function duplicateGrants(entries: readonly FileEntry[], name: string): Problem[] {
  const first = new Map<string, FileEntry>();
  const problems: Problem[] = [];
  for (const entry of entries) {
    const key = fileKeyOf(entry.grant);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, entry);
    else problems.push({ message: `the same grant as the one at line ${earlier.at.line} (same client, audience and subject_type)`, file: name, at: entry.at });
  }
  return problems;
}
