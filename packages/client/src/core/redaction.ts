/**
 * Credentials (a bearer token, a client secret, a secret value the API has just shown) must never reach an error,
 * whatever form a server echoes them in. A {@link Redactor} owns the values of one client and replaces each of their
 * forms (see echoed-forms.ts) with `[redacted]`.
 */
import { base64Cores, isRedactable, patternOf } from "./internal/echoed-forms.js";
import { FingerprintIndex, fingerprintOf } from "./internal/fingerprints.js";

const REDACTED = "[redacted]";

/**
 * How many added values a redactor keeps besides the ones it was created with. The values added later are secrets
 * the API has shown once; only an answer to a recent request could echo one, and an unbounded list would make every
 * failing call of a long-lived client slower.
 */
const ADDED_LIMIT = 100;

/**
 * How many tokens of recent attempts a redactor keeps. A client's token changes when it is refreshed (or on every
 * call of a `getToken` that issues one each time): only a recent one can be echoed in an answer still in hand.
 */
const TOKEN_LIMIT = 8;

/** One value to redact and what finds it: computed once, kept while the value is. */
interface Entry {
  readonly value: string;
  /** The fingerprints of its forms, or undefined when a form has none (see fingerprints.ts). */
  readonly fingerprints: readonly number[] | undefined;
  /**
   * The length of its shortest form: no shorter text holds any, since each character of a form is echoed as one
   * character or more (as sent, in another case, or escaped). For a value of 8 characters (the least redacted), 8:
   * its base64 cores encode 6 of its 8 bytes or more.
   */
  readonly shortest: number;
  /** Its pattern, compiled when a text first may hold the value: compiling one takes milliseconds. */
  pattern?: RegExp | readonly string[];
}

function entryOf(value: string): Entry {
  const forms = [value, ...base64Cores(value)];
  const fingerprints = forms.map(fingerprintOf);
  return {
    value,
    fingerprints: fingerprints.every((fingerprint) => fingerprint !== undefined) ? fingerprints : undefined,
    shortest: Math.min(...forms.map((form) => form.length)),
  };
}

/** What one set of values is found by, built when the set changes. */
interface Matcher {
  /** Longest value first, so that a value containing another is replaced whole. */
  readonly entries: readonly Entry[];
  readonly index: FingerprintIndex<Entry>;
  /** The values without fingerprints (one with a `%`, or mostly non-ASCII): looked for in every text. */
  readonly unindexed: readonly Entry[];
  /** No text shorter than this holds a form of any value. */
  readonly shortest: number;
}

function matcherOf(entries: readonly Entry[]): Matcher {
  const index = new FingerprintIndex<Entry>();
  for (const entry of entries) if (entry.fingerprints !== undefined) index.add(entry, entry.fingerprints);
  return {
    entries,
    index,
    unindexed: entries.filter((entry) => entry.fingerprints === undefined),
    shortest: Math.min(...entries.map((entry) => entry.shortest)),
  };
}

function replaced(text: string, pattern: RegExp | readonly string[]): string {
  if (pattern instanceof RegExp) return text.replace(pattern, REDACTED);
  return pattern.reduce((redacted, form) => redacted.split(form).join(REDACTED), text);
}

/** The values one client must never show, and the one place that replaces them. */
export class Redactor {
  readonly #fixed: readonly string[];
  readonly #added: string[] = [];
  /** The tokens of recent attempts (see `with`). */
  readonly #tokens: string[] = [];
  #matcher: Matcher | undefined;
  /**
   * The entries the next matcher starts from: the last matcher's, or those of the redactor `with` made (the one the
   * transport redacts through). A rebuild computes entries only for values new to the set.
   */
  #known: ReadonlyMap<string, Entry> = new Map();
  #extended: { extra: string; redactor: Redactor } | undefined;

  constructor(values: Iterable<string> = []) {
    this.#fixed = [...values];
  }

  /** Adds a value to redact from now on (the oldest added one goes once more than 100 were added). */
  add(value: string): void {
    if (this.#added.includes(value) || this.#fixed.includes(value)) return;
    this.#added.push(value);
    if (this.#added.length > ADDED_LIMIT) this.#added.shift();
    this.#known = this.#latestKnown();
    this.#matcher = undefined;
    this.#extended = undefined;
  }

  /**
   * This redactor with one more value (the token of an attempt), remembered for the next call with the same one.
   * This redactor remembers the token too (the last few of them), so that what it redacts later, the data of an
   * error built after the call (a created client that echoed the bearer), cannot show it either.
   */
  with(extra: string | undefined): Redactor {
    if (extra === undefined) return this;
    if (!this.#tokens.includes(extra)) {
      this.#tokens.push(extra);
      if (this.#tokens.length > TOKEN_LIMIT) this.#tokens.shift();
      this.#matcher = undefined;
    }
    if (this.#extended?.extra !== extra) {
      const redactor = new Redactor([...this.#fixed, ...this.#added, extra]);
      redactor.#known = this.#latestKnown();
      this.#extended = { extra, redactor };
    }
    return this.#extended.redactor;
  }

  /** The text with every form of every value replaced. */
  redact(text: string): string {
    const matcher = (this.#matcher ??= this.#build());
    if (text.length < matcher.shortest) return text;
    const found = matcher.index.find(text);
    if (found === undefined && matcher.unindexed.length === 0) return text;
    let redacted = text;
    for (const entry of matcher.entries) {
      if (entry.fingerprints !== undefined && !found?.has(entry)) continue;
      entry.pattern ??= patternOf(entry.value);
      redacted = replaced(redacted, entry.pattern);
    }
    return redacted;
  }

  /** A parsed JSON value with every string and every object key redacted. */
  redactValue(value: unknown): unknown {
    if (typeof value === "string") return this.redact(value);
    if (Array.isArray(value)) return value.map((item) => this.redactValue(item));
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [this.redact(key), this.redactValue(item)]));
    }
    return value;
  }

  /** A copy of the headers with every value redacted (a `www-authenticate` may quote the token). */
  redactHeaders(headers: Headers): Headers {
    const copy = new Headers();
    for (const [name, value] of headers) copy.append(name, this.redact(value));
    return copy;
  }

  /**
   * An error a `fetch` threw, rebuilt from its name, message, stack, primitive fields and cause (to a depth of 5),
   * each redacted: the original may hold the request, its headers and so the token.
   */
  redactError(error: unknown, depth = 0): unknown {
    if (!(error instanceof Error)) return typeof error === "string" ? this.redact(error) : undefined;
    const copy = new Error(this.redact(error.message));
    copy.name = this.redact(error.name);
    copy.stack = this.redact(error.stack ?? "");
    for (const [key, value] of Object.entries(error)) {
      if (typeof value === "number" || typeof value === "boolean") Object.assign(copy, { [key]: value });
      if (typeof value === "string") Object.assign(copy, { [key]: this.redact(value) });
    }
    if (error.cause !== undefined && depth < 5) copy.cause = this.redactError(error.cause, depth + 1);
    return copy;
  }

  /** The entries computed last: the extended redactor's, when there is one (it holds this one's values too). */
  #latestKnown(): ReadonlyMap<string, Entry> {
    return this.#extended === undefined ? this.#known : this.#extended.redactor.#known;
  }

  #build(): Matcher {
    const values = [...new Set([...this.#fixed, ...this.#added, ...this.#tokens])].filter(isRedactable);
    const entries = values.sort((a, b) => b.length - a.length).map((value) => this.#known.get(value) ?? entryOf(value));
    this.#known = new Map(entries.map((entry) => [entry.value, entry]));
    return matcherOf(entries);
  }
}
