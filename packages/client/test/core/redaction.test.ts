import { createHash } from "node:crypto";
import { echoedForms } from "@grantkit/test-support/error-views";
import { propertySeed } from "@grantkit/test-support/property-runs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { patternOf } from "../../src/core/internal/echoed-forms.js";
import { Redactor } from "../../src/core/redaction.js";

/**
 * The Redactor itself: which values it keeps, and that finding its values through their fingerprints loses no form
 * their patterns find, with as many values as it keeps.
 */
const seed = propertySeed("client/test/core/redaction.test.ts");

const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
const urlSafe = (text: string) => text.replace(/\+/g, "-").replace(/\//g, "_");
/** The base64 of the value's whole groups of 3 bytes, at each alignment: what stays the same in any longer base64. */
const coresOf = (value: string) =>
  [0, 1, 2].map((skip) => {
    const bytes = Buffer.from(value, "utf8").subarray(skip);
    return bytes.subarray(0, bytes.length - (bytes.length % 3)).toString("base64");
  });
/** 100 secret values as the admin API shows them, some with the characters that encode differently. */
const shownSecrets = Array.from({ length: 100 }, (_, i) => {
  const value = createHash("sha256").update(`secret ${i}`).digest("base64").slice(0, 20 + (i % 24));
  return i % 10 === 3 ? `${value.slice(0, 8)} ${value.slice(8)}` : value;
});
const rememberingAll = (fixed: string[] = []) => {
  const redactor = new Redactor(fixed);
  for (const value of shownSecrets) redactor.add(value);
  return redactor;
};

describe("a redactor", () => {
  it("replaces a value that contains another whole, whichever was added first", () => {
    const inner = "inner-secret-value";
    const outer = `outer:${inner}:tail`;
    for (const values of [[inner, outer], [outer, inner]]) {
      const redactor = new Redactor();
      for (const value of values) redactor.add(value);
      expect(redactor.redact(`echo ${outer} and ${inner}.`)).toBe("echo [redacted] and [redacted].");
      // Base64 keeps the characters that depend on the bytes after the value's whole groups of 3: as with `outer` alone.
      const encoded = `base64 ${base64(outer)}`;
      expect(redactor.redact(encoded)).toBe(new Redactor([outer]).redact(encoded));
      expect(redactor.redact(encoded)).toMatch(/^base64 \[redacted\][^[]{0,4}$/);
    }
  });

  it("keeps the last 100 added values: the 101st added evicts the oldest, never one it was created with", () => {
    const redactor = rememberingAll(["the-authenticating-client-secret"]);
    const echo = (value: string) => redactor.redact(`echo ${value} end`);
    expect(shownSecrets.map(echo).every((shown) => shown === "echo [redacted] end")).toBe(true);

    redactor.add("the-101st-secret-value");
    expect(echo(shownSecrets[0]!)).toBe(`echo ${shownSecrets[0]} end`);
    for (const value of [...shownSecrets.slice(1), "the-101st-secret-value", "the-authenticating-client-secret"]) {
      expect(echo(value), value).toBe("echo [redacted] end");
    }
  });

  it("finds every form of every value with 100 values remembered and a token", () => {
    // With `+` `/` and spaces; a `%`; non-ASCII; and one whose base64 ends in `+` and `/` at every alignment (base64 of
    // ASCII text rarely has them), which URL-safe base64 writes `-` and `_`.
    const values = ["cs_AUTHENTICATING+CLIENT/SECRET=77 x", "p%41ss-with-a-percent%", "密码密码密码密码", "émoji😀-and-accents-é", "pw~~~???>>>~~~???>>>"];
    const token = "eyJ.tok_Very-Secret+Bearer/sig=";
    const redactor = rememberingAll(values).with(token);
    const mixedCase = (form: string) => form.replace(/%[0-9A-F]{2}/g, (sequence, at: number) => (at % 2 ? sequence.toLowerCase() : sequence));
    const encodeEach = (value: string) => [...value].map((char, i) => (i % 2 ? encodeURIComponent(char) : char)).join("");
    for (const value of [...values, token, ...shownSecrets]) {
      const forms = [
        ...echoedForms(value),
        mixedCase(encodeURIComponent(value)),
        encodeEach(value),
        ...["", "a", "ab"].flatMap((before) => {
          const inside = base64(`${before}${value}:rest`);
          return [inside, urlSafe(inside), inside.replace(/\+/g, "%2B").replace(/\//g, "%2f")];
        }),
      ];
      const leaks = [value, ...echoedForms(value), ...coresOf(value).flatMap((core) => [core, urlSafe(core)])];
      for (const form of forms) {
        const shown = redactor.redact(`before ${form} after`);
        expect(shown, `${value} as ${form}`).toContain("[redacted]");
        for (const leak of leaks) expect(shown, `${value} as ${form}`).not.toContain(leak);
      }
    }
  });

  it("finds a value echoed right after a `%` that reads as an escape with its first characters", () => {
    const redactor = rememberingAll().with("4f2c-a-token-value");
    expect(redactor.redact("off by 100%4f2c-a-token-value")).toBe("off by 100%[redacted]");
    expect(redactor.redact("off by 100%4f2c%2Da-token-value")).toBe("off by 100%[redacted]");
    // Ten characters that fold into seven units (a run of non-ASCII is one), the first two of them joinable.
    const folding = rememberingAll().with("4f密码密码abcd");
    expect(folding.redact("off by 100%4f密码密码abcd")).toBe("off by 100%[redacted]");
  });
});

describe("finding values through their fingerprints", () => {
  // The characters that encode or fold differently, hex digits (a `%` before them reads as an escape) and non-ASCII.
  const alphabet = [..."aZ09fF%+ /_-=.é密😀"];
  const textOf = (chars: string[], minLength: number, maxLength: number) =>
    fc.array(fc.constantFrom(...chars), { minLength, maxLength }).map((picked) => picked.join(""));
  const anyText = (maxLength: number) => textOf(alphabet, 0, maxLength);
  // Mostly without a `%`: a value with one has no fingerprints, and its pattern runs on every text.
  const value = fc.oneof(
    { arbitrary: textOf(alphabet.filter((char) => char !== "%"), 8, 30), weight: 3 },
    { arbitrary: textOf(alphabet, 8, 30), weight: 1 },
  );
  const percent = (char: string, upper: boolean) => {
    const escaped = [...new TextEncoder().encode(char)].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join("");
    return upper ? escaped.toUpperCase() : escaped;
  };
  /** The value as a server may echo it: each character as sent, in another case or percent-encoded, or in base64. */
  const echoOf = (of: string) =>
    fc.oneof(
      fc.array(fc.constantFrom("sent", "case", "upper", "lower", "plus"), { minLength: [...of].length, maxLength: [...of].length }).map((ways) =>
        [...of]
          .map((char, i) => {
            const way = ways[i];
            if (way === "case") return char === char.toLowerCase() ? char.toUpperCase() : char.toLowerCase();
            if (way === "upper" || way === "lower") return percent(char, way === "upper");
            return way === "plus" && char === " " ? "+" : char;
          })
          .join(""),
      ),
      fc.tuple(anyText(2), anyText(2), fc.constantFrom("plain", "url", "percent")).map(([before, after, way]) => {
        const encoded = base64(`${before}${of}${after}`);
        return way === "plain" ? encoded : way === "url" ? urlSafe(encoded) : encoded.replace(/[+/]/g, (char) => percent(char, true));
      }),
    );

  it("redacts exactly what the values' patterns redact, whatever the encoding and the text around it", () => {
    // What the patterns find on their own, each run on the whole text, longest value first.
    const patterns = new Map(shownSecrets.map((secret) => [secret, patternOf(secret)]));
    const byPatterns = (text: string, extra: string) =>
      [...shownSecrets, extra]
        .sort((a, b) => b.length - a.length)
        .reduce((redacted, of) => {
          const pattern = patterns.get(of) ?? patternOf(of);
          return pattern instanceof RegExp ? redacted.replace(pattern, "[redacted]") : pattern.reduce((done, form) => done.split(form).join("[redacted]"), redacted);
        }, text);
    const remembered = rememberingAll();
    fc.assert(
      fc.property(
        value.chain((of) => fc.tuple(fc.constant(of), anyText(12), echoOf(of), anyText(12))),
        ([of, before, echo, after]) => {
          const text = `${before}${echo}${after}`;
          const expected = byPatterns(text, of);
          expect(expected).not.toBe(text);
          expect(remembered.with(of).redact(text)).toBe(expected);
        },
      ),
      { seed, numRuns: 300 },
    );
  });
});
