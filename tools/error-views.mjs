// @ts-check
// What the credential tests search: every way an error can be shown, and every form a server may echo a credential in.
import { inspect } from "node:util";

/** @type {import("./error-views.d.mts").everythingShown} */
export function everythingShown(value) {
  const shown = [];
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

/** @param {string} text */
const base64Url = (text) => text.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
/** @param {string} text */
const base64 = (text) => Buffer.from(text, "utf8").toString("base64");

/** @type {import("./error-views.d.mts").echoedForms} */
export function echoedForms(credential) {
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
