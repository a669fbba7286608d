// @ts-check
// Defects of the shared core that the property tests found and that are reported but not fixed yet. Both clients
// run on the core, so both packages' properties skip the inputs that reach one of these (`fc.pre`) and still check
// everything else. Fixing a defect means deleting its entry: the properties then cover those inputs again.

/** @param {unknown} value @returns {value is Record<string, any>} */
const isObject = (value) => typeof value === "object" && value !== null;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The names and string values of a query, inherited members included (openapi-fetch reads them with `for...in`). @param {unknown} query */
function queryTexts(query) {
  if (!isObject(query)) return [];
  const texts = [];
  for (const name in query) {
    texts.push(name);
    const value = query[name];
    for (const item of Array.isArray(value) ? value : [value]) if (typeof item === "string") texts.push(item);
  }
  return texts;
}

/** Whether the platform's `Headers` refuses a name or value of `headers`, merged the way openapi-fetch merges them. @param {unknown} headers */
function refusedByHeaders(headers) {
  if (!isObject(headers)) return false;
  try {
    const merged = new Headers();
    for (const [name, value] of Object.entries(headers)) {
      if (value === null) merged.delete(name);
      else if (Array.isArray(value)) for (const item of value) merged.append(name, item);
      else if (value !== undefined) merged.set(name, value);
    }
    return false;
  } catch {
    return true;
  }
}

/** @param {unknown} value */
function unprintable(value) {
  try {
    String(value);
    return false;
  } catch {
    return true;
  }
}

/** Below the length at which the redactor's pattern of a credential grows too large to compile (about 6,000 characters). */
const LONG_CREDENTIAL = 4_000;

/** The parseAs values a raw call reads correctly; openapi-fetch documents "blob" and "arrayBuffer" too. */
const PARSE_AS = ["json", "text", "stream"];

/** @type {ReadonlyArray<{ defect: string; applies(call: import("./known-defects.d.mts").CallParts): boolean }>} */
const CALL_DEFECTS = [
  {
    defect:
      'A lone surrogate in a query value throws a raw URIError from encodeURIComponent: clientGrants.list({ audience: "\\ud800" }).',
    applies: ({ query }) => queryTexts(query).some((text) => LONE_SURROGATE.test(text)),
  },
  {
    defect:
      "checkQuery reads own members only, but openapi-fetch serializes every enumerable member, inherited ones too: " +
      'clientGrants.list(new URL("https://user:password@example.com/")) passes the check and sends href, password and ' +
      "the URL methods' source as the query; clientGrants.list(Object.create({ audience: { $ne: 1 } })) sends audience[$ne]=1.",
    applies: ({ query }) => {
      if (!isObject(query)) return false;
      for (const name in query) if (!Object.hasOwn(query, name)) return true;
      return false;
    },
  },
  {
    defect:
      'Query member names are sent unencoded, so a name with "&", "=", "#", "%" or a space changes the query: ' +
      'clientGrants.list({ "x&audience": "y" }) sends audience=y; clientGrants.list({ "#": "1" }) sends a fragment.',
    applies: ({ query }) =>
      isObject(query) &&
      Object.keys(query).some((name) => {
        const value = query[name];
        if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return false;
        return !/^[A-Za-z0-9_.~-]*$/.test(name);
      }),
  },
  {
    defect:
      "A signal aborted with a falsy reason (0, null, \"\", false, NaN) makes openapi-fetch swallow the rejection and read " +
      'a missing response: clientGrants.get("x", { signal: AbortSignal.abort(0) }) throws a raw TypeError (reading ' +
      "'headers') instead of rejecting with the reason.",
    applies: ({ args }) =>
      args.some((arg) => isObject(arg) && arg.signal instanceof AbortSignal && arg.signal.aborted && !arg.signal.reason),
  },
  {
    defect:
      "A raw GET with a body fails as a NetworkError (and is retried as one) although nothing is sent: the Request " +
      'constructor refuses a GET with a body: raw.GET("/client-grants", { body: {} }).',
    applies: ({ raw }) => raw?.method === "GET" && isObject(raw.init) && raw.init.body !== undefined,
  },
  {
    defect:
      "A raw call to a path with parameters whose params.path is missing or falsy sends the literal template: " +
      'raw.DELETE("/client-grants/{id}") and raw.DELETE("/client-grants/{id}", { params: { path: 0 } }) send ' +
      "DELETE /client-grants/%7Bid%7D (only a params.path object without the parameter is refused).",
    applies: ({ raw }) => {
      if (!raw || typeof raw.path !== "string" || !raw.path.includes("{")) return false;
      const params = isObject(raw.init) ? raw.init.params : undefined;
      return !isObject(params) || !params.path;
    },
  },
  {
    defect: "A raw call with params: null throws a raw TypeError (reading 'header'): raw.GET(\"/client-grants\", { params: null }).",
    applies: ({ raw }) => isObject(raw?.init) && raw.init.params === null,
  },
  {
    defect:
      "A raw call's header names and values are not checked: one that Headers refuses (a control or non-Latin-1 " +
      'character, an empty or spaced name, a Symbol) throws a raw TypeError: raw.GET("/client-grants", { headers: { "": "x" } }).',
    applies: ({ raw }) => isObject(raw?.init) && refusedByHeaders(raw.init.headers),
  },
  {
    defect:
      'A raw call with a parseAs that is not a Response reader throws a raw TypeError: raw.GET("/client-grants", { parseAs: "x" }); ' +
      'so do "blob" and "arrayBuffer", documented ones (Body is unusable: Body has already been read): ' +
      'raw.GET("/client-grants", { parseAs: "blob" }).',
    applies: ({ raw }) => isObject(raw?.init) && raw.init.parseAs !== undefined && !PARSE_AS.includes(raw.init.parseAs),
  },
  {
    defect:
      "A raw call's signal is not checked: one that is not an AbortSignal fails as a NetworkError (and is retried as " +
      'one) although nothing is sent: raw.GET("/client-grants", { signal: "x" }).',
    applies: ({ raw }) => {
      const signal = isObject(raw?.init) ? raw.init.signal : undefined;
      return signal !== undefined && signal !== null && !(signal instanceof AbortSignal);
    },
  },
];

/** @type {import("./known-defects.d.mts").knownCallDefect} */
export function knownCallDefect(call) {
  return CALL_DEFECTS.find((known) => known.applies(call))?.defect;
}

/** @type {ReadonlyArray<{ defect: string; applies(options: Record<string, any>, bearer: string | undefined, rootUrls: unknown[]): boolean }>} */
const OPTION_DEFECTS = [
  {
    defect:
      "An API root URL (baseUrl; the admin client's baseUrl and apiUrl) with a query or a fragment swallows every route: " +
      'createManagementClient({ baseUrl: "https://tenant.example/api?x=1", token: "t" }).clientGrants.get("cgr_1") sends ' +
      'GET https://tenant.example/api?x=1/client-grants/cgr_1 (path /api); with "#f" the route goes into the fragment.',
    applies: (_options, _bearer, rootUrls) => rootUrls.some((url) => typeof url === "string" && /[?#]/.test(url)),
  },
  {
    defect:
      "An API root URL holding {name} is read as a path template: " +
      'createManagementClient({ baseUrl: "https://tenant.example/{id}/api", token: "t" }).clientGrants.get("cgr_1") sends ' +
      'GET /cgr_1/api/client-grants/cgr_1, and other calls fail with "path parameter id must be a non-empty string".',
    applies: (_options, _bearer, rootUrls) => rootUrls.some((url) => typeof url === "string" && /\{[^{}]+\}/.test(url)),
  },
  {
    defect:
      "A token (or getToken result) that is not a valid header value passes the check and every call throws a raw " +
      'TypeError from Headers: createManagementClient({ domain: "tenant.example", token: "a\\nb" }).clientGrants.get("x").',
    applies: (_options, bearer) => typeof bearer === "string" && refusedByHeaders({ authorization: `Bearer ${bearer}` }),
  },
  {
    defect:
      "A token (or getToken result) ending in whitespace is sent trimmed, since Headers strips it; a blank one sends the " +
      'header "Bearer" with no token: createManagementClient({ domain: "tenant.example", token: "\\t" }).clientGrants.get("x").',
    applies: (_options, bearer) => typeof bearer === "string" && /[\t\n\r ]$/.test(bearer),
  },
  {
    defect:
      "A credential of about 6,000 characters or more (a token, a getToken result, a client secret, a secret value the " +
      "API showed) makes every failing call throw a raw SyntaxError (regular expression too large) whose message spells " +
      'the credential out, one character per group: createAdminClient({ baseUrl: "https://vantage.test", tenantId: "t", ' +
      'token: "x".repeat(10_000), fetch: () => Promise.reject(new Error("down")), retry: false }).secrets.create("x").',
    applies: ({ clientCredentials }, bearer) =>
      [bearer, isObject(clientCredentials) ? clientCredentials.clientSecret : undefined].some(
        (credential) => typeof credential === "string" && credential.length >= LONG_CREDENTIAL,
      ),
  },
  {
    defect:
      "The headers option is checked for string values only: a name or value Headers refuses throws a raw TypeError at " +
      'every call: createManagementClient({ domain: "tenant.example", token: "t", headers: { "a b": "x" } }).clientGrants.get("x").',
    applies: ({ headers }) => refusedByHeaders(headers),
  },
  {
    defect:
      "A number option that String() cannot print makes its check's message throw a raw TypeError instead of an " +
      'InvalidRequestError: createManagementClient({ domain: "tenant.example", token: "t", timeoutMs: Object.create(null) }) ' +
      "(also retry.maxRetries, baseDelayMs and maxDelayMs).",
    applies: ({ timeoutMs, retry }) =>
      [timeoutMs, ...(isObject(retry) ? [retry.maxRetries, retry.baseDelayMs, retry.maxDelayMs] : [])].some(unprintable),
  },
];

/** @type {import("./known-defects.d.mts").knownOptionDefect} */
export function knownOptionDefect(options, bearer, rootUrls) {
  if (!isObject(options)) return undefined;
  return OPTION_DEFECTS.find((known) => known.applies(options, bearer, rootUrls))?.defect;
}
