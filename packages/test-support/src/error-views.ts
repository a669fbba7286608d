// What the credential tests search: every way an error can be shown, and every form a server may echo a credential in.
import { inspect } from "node:util";

/** Everything an error (or any value) shows: JSON, `String()`, `util.inspect` at any depth with hidden fields, message and stack, down its cause chain. */
export function everythingShown(value: unknown): string {
  const shown: string[] = [];
  for (let current = value, depth = 0; current !== undefined && depth < 6; depth++) {
    const error = current instanceof Error ? current : undefined;
    shown.push(
      JSON.stringify(current) ?? "",
      String(current),
      inspect(current, { depth: Infinity, showHidden: true, getters: true }),
      inspect(current, { depth: Infinity, customInspect: false, showHidden: true }),
      error?.message ?? "",
      error?.stack ?? "",
    );
    current = error?.cause;
  }
  return shown.join("\n");
}

const base64Url = (text: string) => text.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

/**
 * A credential in every form a server might echo it: as sent, percent-encoded in upper and lower case,
 * form-encoded, and base64 (plain and URL-safe), alone and inside a longer encoded value such as a Basic header.
 */
export function echoedForms(credential: string): string[] {
  const percent = encodeURIComponent(credential);
  return [
    credential,
    percent,
    percent.replace(/%[0-9A-F]{2}/g, (sequence) => sequence.toLowerCase()),
    new URLSearchParams({ s: credential }).toString().slice(2),
    base64(credential),
    base64Url(base64(credential)),
    base64(`client-id:${credential}`),
    base64Url(base64(`client-id:${credential}`)),
    base64(`ab${credential}`),
  ];
}
