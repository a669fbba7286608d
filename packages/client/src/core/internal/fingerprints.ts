/**
 * Which of many values a text may hold, found in one pass over it without running any value's pattern. (One regex
 * of all the patterns would be one pass too, but V8 takes some 3 ms per value to compile one, again after every
 * change of the values, and runs a pattern of more than 20 kB unoptimized: 11 ms on a 4 kB body with 100 values.)
 *
 * A text is read as a stream of units folded so that every form a server may echo (see echoed-forms.ts) reads
 * alike: a `%XX` escape is the byte it encodes; an ASCII letter is its lower case; `+`, `-` and a space are one
 * unit (a form-encoded space, URL-safe base64), as are `/` and `_`; a run of non-ASCII characters or bytes is one
 * unit, however it was encoded. The fingerprint of a form (the value as sent, or a base64 core) is a hash of its
 * last 6 units. An echo of a form without `%` reads as the form's units, but for its first two: a `%` just before
 * the echo reads as an escape with one or two of its first characters. So a form needs 8 units to have a
 * fingerprint, and a text that holds an echo of it holds its fingerprint. The converse does not hold (hashes
 * collide, folding merges characters): a fingerprint found says which values' patterns to run, nothing more.
 */

/** Units hashed into one fingerprint. */
const WINDOW = 6;
/** Units at the start of an echo that a `%` just before it can read as part of an escape. */
const JOINABLE = 2;
const NON_ASCII = 0x80;
/** A bitmap of the fingerprints' low 16 bits, in 32-bit words: most windows of a text are ruled out by one read. */
const BITMAP_WORDS = 0x10000 / 32;

/** The unit of each ASCII character. */
const UNIT = Uint8Array.from({ length: 0x80 }, (_, code) => {
  const char = String.fromCharCode(code);
  if (char === "+" || char === "-") return " ".charCodeAt(0);
  if (char === "_") return "/".charCodeAt(0);
  return char.toLowerCase().charCodeAt(0);
});

/** The value of each ASCII hex digit in either case, -1 for any other character. */
const HEX = Int8Array.from({ length: 0x80 }, (_, code) => "0123456789abcdef".indexOf(String.fromCharCode(code).toLowerCase()));

const hexAt = (text: string, at: number) => {
  const code = text.charCodeAt(at);
  return code < 0x80 ? HEX[code]! : -1;
};

/**
 * Calls `visit` with the hash of every window of {@link WINDOW} units of `text`, in order, and returns how many
 * windows there were.
 */
function forEachWindow(text: string, visit: (hash: number) => void): number {
  let hash = 0;
  let units = 0;
  let previous = -1;
  for (let at = 0; at < text.length; at++) {
    let code = text.charCodeAt(at);
    if (code === 0x25 /* % */) {
      const first = hexAt(text, at + 1);
      const second = first < 0 ? -1 : hexAt(text, at + 2);
      if (second >= 0) {
        code = first * 16 + second;
        at += 2;
      }
    }
    const unit = code < 0x80 ? UNIT[code]! : NON_ASCII;
    if (unit === NON_ASCII && previous === NON_ASCII) continue;
    previous = unit;
    // Each unit shifts the hash by 5 bits: within 30 (a small integer for V8, a cheap Map key), it depends on the
    // last 6 units alone.
    hash = ((hash << 5) ^ unit) & 0x3fffffff;
    if (++units >= WINDOW) visit(hash);
  }
  return Math.max(0, units - WINDOW + 1);
}

/**
 * The fingerprint of a form, or undefined for a form too short (or too foldable) to have one, and for a form with a
 * `%`: the units it reads as depend on the characters after each `%`, in the text it is echoed in.
 */
export function fingerprintOf(form: string): number | undefined {
  if (form.includes("%")) return undefined;
  let last = 0;
  const windows = forEachWindow(form, (hash) => {
    last = hash;
  });
  return windows > JOINABLE ? last : undefined;
}

/** Items (a redactor's values) by the fingerprints of their forms. */
export class FingerprintIndex<T> {
  readonly #items = new Map<number, T[]>();
  readonly #bitmap = new Uint32Array(BITMAP_WORDS);

  add(item: T, fingerprints: Iterable<number>): void {
    for (const fingerprint of fingerprints) {
      const items = this.#items.get(fingerprint);
      if (items === undefined) this.#items.set(fingerprint, [item]);
      else if (!items.includes(item)) items.push(item);
      this.#bitmap[(fingerprint >>> 5) & (BITMAP_WORDS - 1)]! |= 1 << (fingerprint & 31);
    }
  }

  /** The items a fingerprint of which is in `text`: all those with a form echoed there, maybe a few more. */
  find(text: string): Set<T> | undefined {
    let found: Set<T> | undefined;
    forEachWindow(text, (hash) => {
      if ((this.#bitmap[(hash >>> 5) & (BITMAP_WORDS - 1)]! & (1 << (hash & 31))) === 0) return;
      for (const item of this.#items.get(hash) ?? []) (found ??= new Set()).add(item);
    });
    return found;
  }
}
