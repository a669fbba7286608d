/** Everything an error (or any value) shows: JSON, `String()`, `util.inspect` at any depth with hidden fields, message and stack, down its cause chain. */
export function everythingShown(value: unknown): string;

/**
 * A credential in every form a server might echo it: as sent, percent-encoded in upper and lower case,
 * form-encoded, and base64 (plain and URL-safe), alone and inside a longer encoded value such as a Basic header.
 */
export function echoedForms(credential: string): string[];
