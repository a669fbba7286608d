import { isWellFormed } from "../validate.js";

/**
 * The forms a server may echo a credential in, and the one pattern per value that finds them all: as sent;
 * percent-encoded in either case, character by character; a space form-encoded as `+`; base64, plain or URL-safe,
 * at each of the three byte alignments, also inside a longer base64 text (a `Basic` header holds `id:secret`).
 */

/**
 * Values under 8 characters are left alone: no real token or secret is that short, and redacting one would mangle
 * every message.
 */
const MIN_LENGTH = 8;

/** Whether a value is redacted at all: long enough, and encodable (a lone surrogate has no UTF-8 form). */
export function isRedactable(value: string): boolean {
  return value.length >= MIN_LENGTH && isWellFormed(value);
}

const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");

/** Each character as sent or percent-encoded in either case (`%2F`, `%2f`); a space also as `+` (form encoding). */
function textPattern(value: string): string {
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
 * The value inside any base64 text: for each of the three byte alignments the value can have in the encoded stream,
 * the characters that depend on the value's bytes alone (the whole groups of 3 bytes, as plain base64).
 */
export function base64Cores(value: string): string[] {
  const bytes = new TextEncoder().encode(value);
  const cores: string[] = [];
  for (let skip = 0; skip < 3; skip++) {
    const whole = Math.floor((bytes.length - skip) / 3) * 3;
    if (whole >= 6) cores.push(base64(bytes.subarray(skip, skip + whole)));
  }
  return cores;
}

/** A base64 core plain or URL-safe, its `+` and `/` also percent-encoded. */
const base64Pattern = (core: string) => core.replace(/[+/]/g, (char) => (char === "+" ? "(?:\\+|-|%2B)" : "(?:/|_|%2F)"));

/**
 * What finds every form of a redactable value: one case-insensitive pattern, or, for a value too large for one (of
 * thousands of characters), its plain forms, found as they are.
 */
export function patternOf(value: string): RegExp | readonly string[] {
  try {
    const pattern = new RegExp([textPattern(value), ...base64Cores(value).map(base64Pattern)].join("|"), "gi");
    // V8 compiles a pattern when it first runs: run it once here, where a pattern too large can be caught.
    pattern.test("");
    return pattern;
  } catch {
    const encoded = encodeURIComponent(value);
    return [value, encoded, encoded.toLowerCase(), encoded.replaceAll("%20", "+"), base64(new TextEncoder().encode(value))];
  }
}
