/**
 * Credentials (a bearer token, a client secret, a secret value the API has just shown) must never reach an error,
 * whatever form a server echoes them in. A {@link Redactor} owns the values of one client and replaces each of their
 * forms with `[redacted]`.
 */

const REDACTED = "[redacted]";

/**
 * Values under 8 characters are left alone: no real token or secret is that short, and redacting one would mangle
 * every message.
 */
const MIN_LENGTH = 8;

/**
 * How many added values a redactor keeps besides the ones it was created with. The values added later are secrets
 * the API has shown once; only an answer to a recent request could echo one, and an unbounded list would make every
 * failing call of a long-lived client slower.
 */
const ADDED_LIMIT = 100;

import { isWellFormed } from "./validate.js";

const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");

/** Each character as sent or percent-encoded in either case (`%2F`, `%2f`); a space also as `+` (form encoding). */
function textForm(value: string): string {
  const encoder = new TextEncoder();
  let pattern = "";
  for (const char of value) {
    const encoded = [...encoder.encode(char)].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join("");
    pattern += `(?:${escapeRegExp(char)}|${encoded}${char === " " ? "|\\+" : ""})`;
  }
  return pattern;
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The value inside any base64 text (a `Basic` header holds `id:secret`), plain or URL-safe: for each of the three
 * byte alignments the value can have in the encoded stream, the characters that depend on the value's bytes alone.
 */
function base64Forms(value: string): string[] {
  const bytes = new TextEncoder().encode(value);
  const forms: string[] = [];
  for (let skip = 0; skip < 3; skip++) {
    const whole = Math.floor((bytes.length - skip) / 3) * 3;
    if (whole < 6) continue;
    const core = base64(bytes.subarray(skip, skip + whole));
    forms.push(core.replace(/[+/]/g, (char) => (char === "+" ? "(?:\\+|-|%2B)" : "(?:/|_|%2F)")));
  }
  return forms;
}

function patternsOf(value: string): string[] {
  if (value.length < MIN_LENGTH || !isWellFormed(value)) return [];
  return [textForm(value), ...base64Forms(value)];
}

/** The values one client must never show, and the one place that replaces them. */
export class Redactor {
  readonly #fixed: readonly string[];
  readonly #added: string[] = [];
  #patterns: Array<RegExp | string> | undefined;
  #extended: { extra: string; redactor: Redactor } | undefined;

  constructor(values: Iterable<string> = []) {
    this.#fixed = [...values];
  }

  /** Adds a value to redact from now on (the oldest added one goes once more than 100 were added). */
  add(value: string): void {
    if (this.#added.includes(value) || this.#fixed.includes(value)) return;
    this.#added.push(value);
    if (this.#added.length > ADDED_LIMIT) this.#added.shift();
    this.#patterns = undefined;
    this.#extended = undefined;
  }

  /** This redactor with one more value (the token of an attempt), remembered for the next call with the same one. */
  with(extra: string | undefined): Redactor {
    if (extra === undefined) return this;
    if (this.#extended?.extra !== extra) {
      this.#extended = { extra, redactor: new Redactor([...this.#fixed, ...this.#added, extra]) };
    }
    return this.#extended.redactor;
  }

  /** The text with every form of every value replaced. */
  redact(text: string): string {
    this.#patterns ??= this.#build();
    let redacted = text;
    for (const pattern of this.#patterns) {
      redacted = typeof pattern === "string" ? redacted.split(pattern).join(REDACTED) : redacted.replace(pattern, REDACTED);
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
    headers.forEach((value, name) => copy.append(name, this.redact(value)));
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

  /** One pattern per value, longest value first so that a value containing another is replaced whole. */
  #build(): Array<RegExp | string> {
    const values = [...this.#fixed, ...this.#added].sort((a, b) => b.length - a.length);
    return values.flatMap((value): Array<RegExp | string> => {
      const patterns = patternsOf(value);
      if (patterns.length === 0) return [];
      try {
        const pattern = new RegExp(patterns.join("|"), "gi");
        // V8 compiles a pattern when it first runs: run it once here, where a pattern too large can be caught.
        pattern.test("");
        return [pattern];
      } catch {
        // A pattern too large to compile (a value of thousands of characters): its plain forms, found as they are.
        const encoded = encodeURIComponent(value);
        return [value, encoded, encoded.toLowerCase(), encoded.replaceAll("%20", "+"), base64(new TextEncoder().encode(value))];
      }
    });
  }
}
