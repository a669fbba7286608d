import { knownCallDefect, knownOptionDefect } from "@grantkit/tools/known-defects";

/**
 * Inputs on which the properties found a defect in src that is reported but not fixed yet: the core's, shared with
 * the Management API client (in @grantkit/tools/known-defects), and the admin client's own (here). Each entry names
 * the defect with its smallest failing call and recognizes the inputs that reach it, so the properties skip them
 * (`fc.pre`) and still check everything else. Fixing a defect means deleting its entry: the properties then cover
 * those inputs again.
 */

/** The arguments of a call, as the property generated them. */
type Args = readonly unknown[];

const isObject = (value: unknown): value is Record<string, any> => typeof value === "object" && value !== null;

function unprintableAsJson(value: unknown): boolean {
  try {
    JSON.stringify(value);
    return false;
  } catch {
    return true;
  }
}

/** The client body of the calls that take one. */
function clientBodyOf(method: string, args: Args): unknown {
  return method === "clients.create" || method === "provisionClient" ? args[0] : undefined;
}

const ADMIN_DEFECTS: ReadonlyArray<{ defect: string; applies(method: string, args: Args): boolean }> = [
  {
    defect:
      "A value JSON.stringify cannot print (a BigInt, a cycle) in allowedScopes, or as an item of redirectUris, " +
      "postLogoutRedirectUris or allowedCorsOrigins, makes the check's message throw a raw TypeError instead of an " +
      'InvalidRequestError: admin.clients.create({ clientId: "a", clientName: "b", allowedScopes: [0n] }).',
    applies: (method, args) => {
      const body = clientBodyOf(method, args);
      if (!isObject(body)) return false;
      const items = [body.redirectUris, body.postLogoutRedirectUris, body.allowedCorsOrigins].flatMap((list) => (Array.isArray(list) ? list : []));
      return unprintableAsJson(body.allowedScopes) || items.some(unprintableAsJson);
    },
  },
];

/** The defect a call of `method` (`"secrets.create"`, `"raw.POST"`) with these arguments would reach, if it is a known one. */
export function knownDefect(method: string, args: Args): string | undefined {
  const raw = method.startsWith("raw.") ? { method: method.slice(4), path: args[0], init: args[1] } : undefined;
  const query = raw && isObject(raw.init) && isObject(raw.init.params) ? raw.init.params.query : undefined;
  return knownCallDefect({ args, query, raw }) ?? ADMIN_DEFECTS.find((known) => known.applies(method, args))?.defect;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const ADMIN_OPTION_DEFECTS: ReadonlyArray<{ defect: string; applies(options: Record<string, any>): boolean }> = [
  {
    defect:
      "An apiVersion JSON.stringify cannot print (a BigInt, a cycle) makes its check's message throw a raw TypeError " +
      'instead of an InvalidRequestError: createAdminClient({ baseUrl: "https://vantage.test", tenantId: "t", token: "t", apiVersion: 1n }).',
    applies: ({ apiVersion }) => unprintableAsJson(apiVersion),
  },
  {
    defect:
      "A client id or secret holding a lone surrogate is accepted and sent as U+FFFD in the token form, so the exchange " +
      'uses another secret than the one configured: createAdminClient({ baseUrl: "https://vantage.test", tenantId: "t", ' +
      'clientCredentials: { clientId: "a", clientSecret: "\\ud800" } }).',
    applies: ({ clientCredentials }) =>
      isObject(clientCredentials) &&
      [clientCredentials.clientId, clientCredentials.clientSecret].some((text) => typeof text === "string" && LONE_SURROGATE.test(text)),
  },
];

/** The defect an admin client made with these options reaches, when it is made or at its first call, if it is a known one. */
export function knownAdminOptionDefect(options: unknown, bearer: string | undefined): string | undefined {
  if (!isObject(options)) return undefined;
  return (
    knownOptionDefect(options, bearer, [options.baseUrl, options.apiUrl]) ??
    ADMIN_OPTION_DEFECTS.find((known) => known.applies(options))?.defect
  );
}
