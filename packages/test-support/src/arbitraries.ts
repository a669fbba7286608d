// Hostile values for the clients' property-based tests: whatever an untyped caller, a cast or a bad config file can
// pass. Each arbitrary leans toward the values that broke the clients before (dot segments, lone surrogates, holes,
// cycles, BigInt, wrong-typed signals, URLs with user info) rather than leaving them to chance.
import fc, { type Arbitrary } from "fast-check";

/** Strings that have broken path, query, header or URL handling somewhere, in this project or another. */
const HOSTILE_STRING_CONSTANTS = [
  "",
  " ",
  ".",
  "..",
  "...",
  "%2e",
  "%2E%2e",
  ".%2e",
  "%2e.",
  "/",
  "//",
  "../",
  "/..",
  "a/../b",
  "..\\",
  "\\..",
  "?",
  "#",
  "?x=1#y",
  "%",
  "%zz",
  "%00",
  "\u0000",
  "\n",
  "\r\n",
  "\t",
  "\ud800",
  "\udfff",
  "a\ud800",
  "\udc00\ud800",
  "😀",
  "\u202e",
  "\u2028",
  "__proto__",
  "constructor",
  "toString",
  "null",
  "NaN",
  "{id}",
  "https://user:password@evil.example/",
  "//evil.example",
  "javascript:alert(1)",
];

/** A UTF-16 surrogate without its pair, somewhere in a string. */
const loneSurrogateString = fc
  .tuple(fc.string({ maxLength: 4 }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string({ maxLength: 4 }))
  .map(([before, unit, after]) => `${before}${String.fromCharCode(unit)}${after}`);

/** 10 k to 100 k characters: large enough to find quadratic work and length limits, small enough to stay fast. */
const hugeString = fc
  .tuple(fc.constantFrom("x", "é", "%", ".", "😀"), fc.integer({ min: 10_000, max: 100_000 }))
  .map(([unit, count]) => unit.repeat(Math.ceil(count / unit.length)));

/** Strings that break paths, queries, headers and URLs: dot segments, separators, control characters, lone surrogates, huge ones. */
export const hostileString: Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_STRING_CONSTANTS), weight: 4 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 12 }), weight: 2 },
  { arbitrary: loneSurrogateString, weight: 1 },
  { arbitrary: hugeString, weight: 1 },
);

/** A fresh object that contains itself, one level down. */
const cycle = fc.constant(null).map(() => {
  const value: Record<string, unknown> = { name: "cycle" };
  value.self = value;
  return value;
});

/** An array with holes, the kind `[, "a"]` makes: `forEach` skips them and JSON sends them as `null`. */
const sparseArray = fc.sparseArray(fc.oneof(fc.string(), fc.integer()), { maxLength: 5, noTrailingHole: false });

/** Values of every JavaScript type that JSON, URLs and headers cannot carry as they are. */
const HOSTILE_SPECIALS = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    2 ** 31,
    Number.MAX_SAFE_INTEGER + 2,
    0.5,
    -1,
    true,
    false,
    1n,
    -(2n ** 64n),
  ),
  fc.constant(null).map(() => Symbol("hostile")),
  fc.constant(null).map(() => () => "a function"),
  fc.constant(null).map(() => new Date(Number.NaN)),
  fc.constant(null).map(() => new Map([["a", 1]])),
  fc.constant(null).map(() => /regexp/),
  fc.constant(null).map(() => new URL("https://user:password@example.com/")),
  fc.constant(null).map(() => Object.create(null)),
  fc.constant(null).map(() => new (class Custom {})()),
  fc.constant(null).map(() => [undefined]),
  cycle,
  sparseArray,
);

/** `fc.anything` with every optional kind of value turned on, kept small. */
const anything = fc.anything({
  maxDepth: 3,
  maxKeys: 5,
  stringUnit: "binary",
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

/**
 * Any value, biased toward what breaks code: `null`, `undefined`, `NaN`, infinities, BigInt, Symbols, functions,
 * cycles, sparse arrays, invalid Dates, class instances, null-prototype objects, boxed values, typed arrays,
 * hostile strings, and `fc.anything` with every option on.
 */
export const hostileValue: Arbitrary<unknown> = fc.oneof(
  { arbitrary: HOSTILE_SPECIALS, weight: 3 },
  { arbitrary: hostileString, weight: 2 },
  { arbitrary: anything, weight: 3 },
);

/** `valid` most of the time (`validWeight` to 1), a {@link hostileValue} otherwise. */
export function orHostile<T>(valid: Arbitrary<T>, validWeight = 3): Arbitrary<T | unknown> {
  return fc.oneof({ arbitrary: valid, weight: validWeight }, { arbitrary: hostileValue, weight: 1 });
}

/** URLs as an option may hold them: with user info, a query, a fragment, dot segments, a bad port, another scheme, or not a URL at all. */
export const hostileUrl: Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    "https://user:password@tenant.example/api",
    "https://:password@tenant.example/",
    "https://tenant.example/api?x=1",
    "https://tenant.example/api#fragment",
    "https://tenant.example/a/../..",
    "https://tenant.example/{id}/api",
    "https://tenant.example:99999/",
    "http://[::1]:8080/api",
    "ftp://tenant.example/",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "//tenant.example/api",
    "tenant.example/api",
    " https://tenant.example",
    "https://%zz/",
  ),
  fc.webUrl({
    withQueryParameters: true,
    withFragments: true,
    authoritySettings: { withIPv4: true, withIPv6: true, withPort: true, withUserInfo: true },
  }),
  hostileString,
);

/**
 * What a call's `signal` option may be: absent, a live signal, one already aborted (with any reason), or something
 * that only looks like one.
 */
export const hostileSignal: Arbitrary<unknown> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null).map(() => new AbortController().signal),
  hostileValue.map((reason) => AbortSignal.abort(reason)),
  fc.constantFrom("signal", 1, true, null, {}, { aborted: "no" }, { aborted: false, addEventListener: 1 }),
  fc.constant(null).map(() => ({ aborted: false, addEventListener() {}, removeEventListener() {} })),
  hostileValue,
);

/** A call's options object: absent, hostile as a whole, or an object whose `signal` is any of the above. */
export const hostileCallOptions: Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 2 },
  { arbitrary: fc.record({ signal: hostileSignal }, { requiredKeys: [] }), weight: 3 },
  { arbitrary: hostileValue, weight: 1 },
);

// Client options, shared by both clients (they take the same core options). Options are hostile one at a time: a
// client with one bad option must refuse it, so most options of a run are valid.

/** `valid` ten times out of eleven, a {@link hostileValue} otherwise: for options, which are hostile one at a time. */
export function mostlyValid<T>(valid: Arbitrary<T>): Arbitrary<T | unknown> {
  return orHostile(valid, 10);
}

/** A bearer token as a token endpoint issues it (token68 characters). */
export const validToken: Arbitrary<string> = fc.stringMatching(/^[A-Za-z0-9._~+/-]{1,40}=*$/);

/** The `headers` option as an application would give it: up to two `x-` headers with visible ASCII values. */
export const validHeaders: Arbitrary<Record<string, string>> = fc.dictionary(fc.stringMatching(/^x-[a-z0-9-]{1,20}$/), fc.stringMatching(/^[\x21-\x7e]{1,30}$/), {
  maxKeys: 2,
});

/** A `getToken` that throws, or rejects, with an error of its own: a call must reject with that very error. */
const failingGetToken = fc.boolean().map((rejects) => {
  const failure = new Error("the application's getToken failed");
  return rejects
    ? () => Promise.reject(failure)
    : () => {
        throw failure;
      };
});

const hostileGetToken = fc.oneof(
  validToken.map((token) => () => token),
  validToken.map((token) => async () => token),
  hostileValue.map((value) => () => value),
  failingGetToken,
  hostileValue,
);

/**
 * The options both clients take besides location and auth (`fetch`, `timeoutMs`, `retry`, `headers`), each mostly
 * valid; `fetch` is the string `"recorder"` where the test puts its recording `fetch`.
 */
export const hostileTransportOptions: Arbitrary<Record<string, unknown>> = fc.record(
  {
    fetch: fc.oneof({ arbitrary: fc.constant("recorder"), weight: 10 }, { arbitrary: hostileValue, weight: 1 }),
    timeoutMs: mostlyValid(fc.integer({ min: 1, max: 2 ** 31 - 1 })),
    retry: fc.oneof(
      { arbitrary: fc.constant(false), weight: 3 },
      {
        arbitrary: fc.record(
          {
            limit: mostlyValid(fc.nat(5)),
            baseDelayMs: mostlyValid(fc.nat(100)),
            backoffLimit: mostlyValid(fc.nat(2 ** 31 - 1)),
            maxWaitMs: mostlyValid(fc.nat(2 ** 31 - 1)),
          },
          { requiredKeys: [] },
        ),
        weight: 3,
      },
      { arbitrary: hostileValue, weight: 1 },
    ),
    headers: mostlyValid(
      fc.dictionary(
        fc.oneof({ arbitrary: fc.stringMatching(/^x-[a-z0-9-]{1,20}$/), weight: 10 }, { arbitrary: hostileString, weight: 1 }),
        mostlyValid(fc.stringMatching(/^[\x20-\x7e]{0,30}$/)),
        { maxKeys: 3 },
      ),
    ),
  },
  { requiredKeys: [] },
);

/** How a client authenticates: one of `token`, `getToken` or `clientCredentials` (from `credentials`) most of the time; sometimes none or two. */
export function hostileAuth<Credentials>(credentials: Arbitrary<Credentials>): Arbitrary<Record<string, unknown>> {
  return fc.oneof(
    { arbitrary: fc.record({ token: mostlyValid(validToken) }), weight: 4 },
    { arbitrary: fc.record({ getToken: hostileGetToken }), weight: 3 },
    { arbitrary: fc.record({ clientCredentials: credentials }), weight: 4 },
    { arbitrary: fc.constant({}), weight: 1 },
    { arbitrary: fc.record({ token: validToken, getToken: hostileGetToken }), weight: 1 },
  );
}

/** A URL option: a valid web URL four times out of five, else a {@link hostileUrl}. */
export const mostlyValidUrl: Arbitrary<unknown> = fc.oneof({ arbitrary: fc.webUrl(), weight: 4 }, { arbitrary: hostileUrl, weight: 1 });

// Valid inputs both APIs share: text as JSON Schema measures it, and path ids.

/** Any well-formed text (astral characters included), up to 30 code points unless `maxLength` says otherwise. */
export function validText(constraints: { minLength?: number; maxLength?: number } = {}): Arbitrary<string> {
  return fc.string({ unit: "binary", maxLength: 30, ...constraints });
}

const atLimit = (length: number) =>
  fc.array(fc.constantFrom("a", "é", "😀", "-"), { minLength: length, maxLength: length }).map((units) => units.join(""));

/**
 * Text of `min` to `max` code points, often exactly `max` with astral characters: the specs' limits are in code
 * points (as JSON Schema counts), which JavaScript's `length` counts twice outside the Basic Multilingual Plane.
 */
export function boundedText(min: number, max: number): Arbitrary<string> {
  return fc.oneof({ arbitrary: validText({ minLength: min, maxLength: max }), weight: 3 }, { arbitrary: atLimit(max), weight: 1 });
}

/** Ids that look like paths or queries but are only ids: each must stay one path segment. */
const PATH_LIKE_IDS = ["...", ".a", "a/b", "a/../b", "%2e%2e", "id?x=1#f", "100%", "a b", "😀", "\u0000"];

/**
 * A path id the specs allow (a non-empty string, up to `maxLength` code points) that the clients document taking:
 * never `.` or `..`, which no URL can carry as a segment. Often one that looks like a path or a query.
 */
export function validPathId(maxLength = 60): Arbitrary<string> {
  return fc
    .oneof(fc.stringMatching(/^[a-z][a-z0-9_-]{0,29}$/), boundedText(1, maxLength), fc.constantFrom(...PATH_LIKE_IDS))
    .filter((id) => id !== "." && id !== "..");
}

/** An id as anything may pass it: `valid`, a dot segment, an empty or ill-formed one, a hostile string, or any value at all. */
export function hostileId(valid: Arbitrary<string>): Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: valid, weight: 4 },
    // The ids that once left their route: each property meets them in most runs, not by luck.
    { arbitrary: fc.constantFrom(".", "..", "", "a\ud800", "\udc00"), weight: 1 },
    { arbitrary: hostileString, weight: 3 },
    { arbitrary: hostileValue, weight: 2 },
  );
}

// Near-valid input: valid structure with hostile values in some places, so calls get past the first check and reach
// the later ones.

/** Extra members with hostile names and values, as a typo or an injection attempt adds them. */
const extraMembers = fc.dictionary(fc.oneof(hostileString, fc.string()), hostileValue, { maxKeys: 2 });

/** An array the way it goes wrong: valid items, some hostile items, holes, or not an array at all. */
export function nearArray<T>(item: Arbitrary<T>): Arbitrary<unknown> {
  return orHostile(
    fc.oneof(
      fc.array(item, { maxLength: 3 }),
      fc.array(orHostile(item), { maxLength: 3 }),
      fc.sparseArray(item, { maxLength: 3, noTrailingHole: false }),
    ),
  );
}

/**
 * An object argument the way it goes wrong: `valid`; `valid` with some members replaced by `fields`' values and
 * hostile extra members added; `undefined`; or a hostile value as a whole.
 */
export function nearObject<T extends object>(valid: Arbitrary<T>, fields: Record<string, Arbitrary<unknown>>): Arbitrary<unknown> {
  const changed = fc
    .tuple(valid, fc.record(fields, { requiredKeys: [] }), fc.option(extraMembers, { nil: {} }))
    .map(([base, replaced, extra]) => ({ ...base, ...replaced, ...extra }));
  return fc.oneof(
    { arbitrary: valid, weight: 2 },
    { arbitrary: changed, weight: 4 },
    { arbitrary: fc.constant(undefined), weight: 1 },
    { arbitrary: hostileValue, weight: 1 },
  );
}
