import type { OperationRules } from "@grantkit/types";
import type { Answer } from "./answer.js";
import { conform, type Place } from "./internal/request-check.js";
import { checkId, checkQuery, invalid } from "./validate.js";

/** What one call sends besides its method and route: the path parameters, the query and the body. */
export interface OperationRequest {
  path?: Record<string, unknown> | undefined;
  query?: Record<string, unknown> | undefined;
  body?: unknown;
}

/** The shape an answer must have to be read at all (see `AN_OBJECT` and `listShape`). */
export interface Shape {
  /** What the answer should have been, for the error: "an object". */
  readonly expected: string;
  test(data: unknown): boolean;
}

/**
 * One operation of a spec, as a resource method declares it with {@link operation}: the method and path template,
 * the spec's rules for its request, and what the method adds. `Data` is what the call resolves with.
 */
export interface Operation<Data> {
  readonly method: string;
  readonly path: string;
  readonly rules: OperationRules;
  /** The top-level shape of the answer; none for an operation that answers no data (a DELETE). */
  readonly shape: Shape | undefined;
  /** How the method's arguments name the path parameters, for the messages: `{ id: "organizationId" }`. */
  readonly names: Readonly<Record<string, string>>;
  /** How a message names the body as a whole: "The client grant". */
  readonly bodyLabel: string;
  /** Checks the spec cannot state as a schema (or states with a message too terse for a newcomer), made first. */
  readonly check: ((request: OperationRequest) => void) | undefined;
  /**
   * Turns the answer's data, of the right shape, into what the call resolves with (a created secret, say); an
   * answer it cannot use is a `responseParseError(answer, reason)`.
   */
  readonly read: ((data: unknown, answer: Answer) => Data) | undefined;
  /** Carries `Data` in the type only. */
  readonly data?: Data;
}

/** What a resource method adds to an operation of the spec. */
export interface OperationExtras<Data> {
  names?: Readonly<Record<string, string>>;
  bodyLabel?: string;
  check?: (request: OperationRequest) => void;
  read?: (data: unknown, answer: Answer) => Data;
}

/**
 * Declares an operation from a spec's rules table (`managementRequests`, `adminRequests`) by its key, as
 * `"GET /client-grants/{id}"`. A resource method is then one line over the client's `call`.
 */
export function operation<Data, Key extends string = string>(
  table: { readonly [K in Key]: OperationRules },
  key: Key,
  shape: Shape | undefined,
  extras: OperationExtras<Data> = {},
): Operation<Data> {
  const space = key.indexOf(" ");
  const rules = table[key];
  // A method's arguments are named as the spec names its path parameters, unless the method says otherwise.
  const names = Object.fromEntries(Object.keys(rules.path?.properties ?? {}).map((name) => [name, name]));
  return {
    method: key.slice(0, space),
    path: key.slice(space + 1),
    rules,
    shape,
    names: { ...names, ...extras.names },
    bodyLabel: extras.bodyLabel ?? "The request body",
    check: extras.check,
    read: extras.read,
  };
}

/** The call's request checked against its operation's rules (see `checkRequest`), after the operation's own checks. */
export function checkOperationRequest(operation: Operation<unknown>, request: OperationRequest): OperationRequest {
  operation.check?.(request);
  return checkRequest(operation.rules, request, operation.method, operation.names, operation.bodyLabel);
}

const QUERY_PLACE: Place = { label: "query", prefix: "query.", member: "parameter" };
/** The rules of an operation that takes no query: any parameter is one it does not know. */
const NO_QUERY = { type: "object", properties: {}, additionalProperties: false } as const;

/**
 * The request checked against the operation's rules, as it is to be sent: each path parameter a string that stays
 * in its segment, the query and the body the copies the rules' check returned. An `InvalidRequestError` otherwise,
 * before anything is sent.
 */
export function checkRequest(
  rules: OperationRules,
  request: OperationRequest,
  method: string,
  names: Readonly<Record<string, string>> = {},
  bodyLabel = "The request body",
): OperationRequest {
  const checked: OperationRequest = {};
  const pathRules = rules.path?.properties;
  if (pathRules !== undefined) {
    const path: Record<string, string> = {};
    for (const [key, rule] of Object.entries(pathRules)) {
      const name = names[key] ?? `path parameter ${key}`;
      const id = request.path?.[key];
      checkId(id, name, rule.maxLength);
      path[key] = conform(rule, id, { label: name, prefix: "", member: "field" }) as string;
    }
    checked.path = path;
  }
  if (request.query !== undefined) {
    checkQuery(request.query);
    // A parameter given as null is left out, as openapi-fetch leaves it out.
    const given = Object.fromEntries(Object.entries(request.query).filter(([, value]) => value !== null));
    checked.query = conform(rules.query ?? NO_QUERY, given, QUERY_PLACE) as Record<string, unknown>;
  }
  if (request.body !== undefined) {
    if (rules.body === undefined) invalid(`A ${method} call of this operation takes no body`);
    checked.body = conform(rules.body, request.body, { label: bodyLabel, prefix: "", member: "field" });
  } else if (rules.bodyRequired) {
    invalid(`${bodyLabel} is required`);
  }
  return checked;
}
