import type { Arbitrary } from "fast-check";



/** Strings that break paths, queries, headers and URLs: dot segments, separators, control characters, lone surrogates, huge ones. */
export const hostileString: Arbitrary<string>;

/**
 * Any value, biased toward what breaks code: `null`, `undefined`, `NaN`, infinities, BigInt, Symbols, functions,
 * cycles, sparse arrays, invalid Dates, class instances, null-prototype objects, boxed values, typed arrays,
 * hostile strings, and `fc.anything` with every option on.
 */
export const hostileValue: Arbitrary<unknown>;

/** `valid` most of the time (`validWeight` to 1), a {@link hostileValue} otherwise. */
export function orHostile<T>(valid: Arbitrary<T>, validWeight?: number): Arbitrary<T | unknown>;

/** URL options as they go wrong: user info, a query or fragment, dot segments, a bad port, another scheme, no scheme, not a URL. */
export const hostileUrl: Arbitrary<unknown>;

/** A `signal` option: absent, live, already aborted with any reason, a look-alike, or any hostile value. */
export const hostileSignal: Arbitrary<unknown>;

/** A call's options: absent, an object with a {@link hostileSignal}, or any hostile value. */
export const hostileCallOptions: Arbitrary<unknown>;

/** `valid` ten times out of eleven, a {@link hostileValue} otherwise: for options, which are hostile one at a time. */
export function mostlyValid<T>(valid: Arbitrary<T>): Arbitrary<T | unknown>;

/** A bearer token as a token endpoint issues it (token68 characters). */
export const validToken: Arbitrary<string>;

/** The `headers` option as an application would give it: up to two `x-` headers with visible ASCII values. */
export const validHeaders: Arbitrary<Record<string, string>>;

/**
 * The options both clients take besides location and auth (`fetch`, `timeoutMs`, `retry`, `headers`), each mostly
 * valid; `fetch` is the string `"recorder"` where the test puts its recording `fetch`.
 */
export const hostileTransportOptions: Arbitrary<Record<string, unknown>>;

/** How a client authenticates: one of `token`, `getToken` or `clientCredentials` (from `credentials`) most of the time; sometimes none or two. */
export function hostileAuth<Credentials>(credentials: Arbitrary<Credentials>): Arbitrary<Record<string, unknown>>;

/** A URL option: a valid web URL four times out of five, else a {@link hostileUrl}. */
export const mostlyValidUrl: Arbitrary<unknown>;

/** Any well-formed text (astral characters included), up to 30 code points unless `maxLength` says otherwise. */
export function validText(constraints?: { minLength?: number; maxLength?: number }): Arbitrary<string>;

/**
 * Text of `min` to `max` code points, often exactly `max` with astral characters: the specs' limits are in code
 * points (as JSON Schema counts), which JavaScript's `length` counts twice outside the Basic Multilingual Plane.
 */
export function boundedText(min: number, max: number): Arbitrary<string>;

/**
 * A path id the specs allow (a non-empty string, up to `maxLength` code points) that the clients document taking:
 * never `.` or `..`, which no URL can carry as a segment. Often one that looks like a path or a query.
 */
export function validPathId(maxLength?: number): Arbitrary<string>;

/** An id as anything may pass it: `valid`, a dot segment, an empty or ill-formed one, a hostile string, or any value at all. */
export function hostileId(valid: Arbitrary<string>): Arbitrary<unknown>;

/** An array the way it goes wrong: valid items, some hostile items, holes, or not an array at all. */
export function nearArray<T>(item: Arbitrary<T>): Arbitrary<unknown>;

/**
 * An object argument the way it goes wrong: `valid`; `valid` with some members replaced by `fields`' values and
 * hostile extra members added; `undefined`; or a hostile value as a whole.
 */
export function nearObject<T extends object>(valid: Arbitrary<T>, fields: Record<string, Arbitrary<unknown>>): Arbitrary<unknown>;
