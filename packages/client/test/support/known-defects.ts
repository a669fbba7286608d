import { knownCallDefect, knownOptionDefect } from "@grantkit/tools/known-defects";

/**
 * Inputs on which the properties found a defect in src that is reported but not fixed yet: the core's, shared with
 * the admin client (in @grantkit/tools/known-defects), and the Management API client's own (here). Each entry names
 * the defect with its smallest failing call and recognizes the inputs that reach it, so the properties skip them
 * (`fc.pre`) and still check everything else. Fixing a defect means deleting its entry: the properties then cover
 * those inputs again.
 */

/** The arguments of a call, as the property generated them. */
type Args = readonly unknown[];

const isObject = (value: unknown): value is Record<string, any> => typeof value === "object" && value !== null;

/** The query a call passes: the first argument of the grant lists, the second of the per-id lists, `params.query` of a raw call. */
function queryOf(method: string, args: Args): unknown {
  if (method === "list" || method === "listPage" || method === "all") return args[0];
  if (["organizations", "organizationsPage", "allOrganizations", "listForOrganization"].includes(method)) return args[1];
  if (method.startsWith("raw.") && isObject(args[1]) && isObject(args[1].params)) return args[1].params.query;
  return undefined;
}

/** The defect a call of `method` (`"get"`, `"raw.GET"`) with these arguments would reach, if it is a known one. */
export function knownDefect(method: string, args: Args): string | undefined {
  const raw = method.startsWith("raw.") ? { method: method.slice(4), path: args[0], init: args[1] } : undefined;
  return knownCallDefect({ args, query: queryOf(method, args), raw });
}

const MANAGEMENT_OPTION_DEFECTS: ReadonlyArray<{ defect: string; applies(options: Record<string, any>): boolean }> = [
  {
    defect:
      "A domain whose port is out of range passes the check, and every call made from it fails as a NetworkError " +
      "(Failed to parse URL, retried as a network failure) although nothing is sent: " +
      'createManagementClient({ domain: "tenant.example:99999", token: "t" }).clientGrants.get("x"); the token exchange ' +
      "of client credentials too, even when baseUrl is given.",
    applies: ({ domain }) => typeof domain === "string" && !URL.canParse(`https://${domain}`),
  },
  {
    defect:
      "clientCredentials.audience is not checked: a value that is not a string goes into the token request as JSON can " +
      "(a Set as {}, a Symbol or a function dropped, a BigInt a raw TypeError from JSON.stringify): " +
      'createManagementClient({ domain: "tenant.example", clientCredentials: { clientId: "a", clientSecret: "b", audience: new Set() } }).',
    applies: ({ clientCredentials }) =>
      isObject(clientCredentials) && clientCredentials.audience !== undefined && typeof clientCredentials.audience !== "string",
  },
];

/** The defect a client made with these options reaches, when it is made or at its first call, if it is a known one. */
export function knownManagementOptionDefect(options: unknown, bearer: string | undefined): string | undefined {
  if (!isObject(options)) return undefined;
  return (
    knownOptionDefect(options, bearer, [options.baseUrl]) ??
    MANAGEMENT_OPTION_DEFECTS.find((known) => known.applies(options))?.defect
  );
}

/** Items of a list longer than `max` UTF-16 units: what the client measures, where the spec counts code points. */
function longerInUnits(items: unknown, max: number): boolean {
  return Array.isArray(items) && items.some((item) => typeof item === "string" && item.length > max);
}

/** The body and the organization id among a valid call's arguments, wherever the method takes them. */
function validCallParts(method: string, args: Args): { body?: Record<string, unknown>; organizationId?: unknown } {
  if (method === "create") return { body: args[0] as Record<string, unknown> };
  if (method === "update") return { body: args[1] as Record<string, unknown> };
  if (method === "assignToOrganization" || method === "removeFromOrganization" || method === "listForOrganization") {
    return { organizationId: args[0] };
  }
  if (method.startsWith("raw.") && isObject(args[1])) {
    const organizationId = String(args[0]).startsWith("/organizations/") ? args[1].params?.path?.id : undefined;
    return { body: args[1].body, organizationId };
  }
  return {};
}

const CODE_POINT_LENGTHS =
  "Lengths are counted in UTF-16 units, the spec's maxLength in code points: a scope of 141 emoji (141 code points, " +
  'within the spec\'s 280) is refused: clientGrants.create({ audience: "a", scope: ["😀".repeat(141)] }); the same for ' +
  "authorization_details_types (255) and the organization id (50): " +
  'clientGrants.removeFromOrganization("😀".repeat(26), "cgr_1"), which Prism accepts.';

/**
 * The defect a call with valid arguments would reach, if it is a known one: a valid input the client refuses.
 * JSON Schema (and Prism) count a string's length in code points; the client counts UTF-16 units, in which a
 * character outside the Basic Multilingual Plane counts twice.
 */
export function knownValidInputDefect(method: string, args: Args): string | undefined {
  const { body, organizationId } = validCallParts(method, args);
  const refused =
    (typeof organizationId === "string" && organizationId.length > 50) ||
    longerInUnits(body?.scope, 280) ||
    longerInUnits(body?.authorization_details_types, 255);
  return refused ? CODE_POINT_LENGTHS : undefined;
}
