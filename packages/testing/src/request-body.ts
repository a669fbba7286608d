/** A body as the fake reads it: undefined for none, or what it parsed, or the reason it could not. */
export type ParsedBody = { readonly parsed: true; readonly value: unknown } | { readonly parsed: false; readonly message: string };

/**
 * A request's body, read as its `content-type` says: a form (the token endpoints take one) or JSON. A repeated form
 * field is refused, as OAuth servers do.
 */
export function parseBody(text: string, contentType: string | null): ParsedBody {
  if (text === "") return { parsed: true, value: undefined };
  if (/^application\/x-www-form-urlencoded\b/i.test(contentType ?? "")) {
    const form = new URLSearchParams(text);
    const fields: Record<string, string> = {};
    for (const [name, value] of form) {
      if (name in fields) return { parsed: false, message: `repeats the field ${name}` };
      fields[name] = value;
    }
    return { parsed: true, value: fields };
  }
  try {
    return { parsed: true, value: JSON.parse(text) };
  } catch {
    return { parsed: false, message: "must be JSON" };
  }
}
