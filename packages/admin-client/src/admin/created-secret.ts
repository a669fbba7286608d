import { responseParseError, type Answer } from "@grantkit/client/core";
import type { ClientSecret } from "@grantkit/types/admin";

/**
 * The values, kept off the objects themselves: a value in an own property (or a `#private` field, which browser
 * dev tools display) would show wherever the object is logged, inspected or serialized.
 */
const values = new WeakMap<SecretRecord, string>();

/** Node's `util.inspect` (so `console.log`) looks for this method; the symbol is global, no `node:util` needed. */
const inspectCustom = Symbol.for("nodejs.util.inspect.custom");

type Inspect = (value: unknown, options?: unknown) => string;

/**
 * A client secret as the API created it: the spec's `ClientSecret`, read-only. `value` is readable
 * (`secret.value`) but never shown: not by `JSON.stringify`, `String()`, `console.log`/`util.inspect`, spreading
 * or `Object.keys` (so `{ ...secret }` has no `value`: read it explicitly). Store `value` safely right away: the API
 * never shows it again, only `valueDisplay`.
 */
export interface CreatedClientSecret extends Readonly<ClientSecret> {
  /** Everything but `value`. */
  toJSON(): Omit<ClientSecret, "value">;
}

/** The one implementation of {@link CreatedClientSecret}; not exported, so only an API answer can make one. */
class SecretRecord implements CreatedClientSecret {
  /** The secret's description, when it has one. (Declared only: no own `description: undefined` without one.) */
  declare readonly description?: string;
  /** The first three characters of the secret: all the API shows of it after today. */
  readonly valueDisplay: string;
  /** When the secret starts being valid (ISO-8601). */
  readonly startTime: string;
  /** When the secret expires (ISO-8601). */
  readonly expiration: string;

  constructor(secret: ClientSecret) {
    if (secret.description !== undefined) this.description = secret.description;
    this.valueDisplay = secret.valueDisplay;
    this.startTime = secret.startTime;
    this.expiration = secret.expiration;
    values.set(this, secret.value);
  }

  /** The secret itself, shown by the API only in the answer that created it. */
  get value(): string {
    return values.get(this) as string;
  }

  /** Everything but `value`. */
  toJSON(): Omit<ClientSecret, "value"> {
    const { description, valueDisplay, startTime, expiration } = this;
    return description === undefined ? { valueDisplay, startTime, expiration } : { description, valueDisplay, startTime, expiration };
  }

  toString(): string {
    return `[client secret ${this.valueDisplay}…, valid from ${this.startTime} to ${this.expiration}]`;
  }

  [inspectCustom](_depth: number, options: unknown, inspect?: Inspect): unknown {
    // Older Node versions pass no `inspect`: an object without the value is then inspected in its place.
    return inspect ? `CreatedClientSecret ${inspect(this.toJSON(), options)}` : this.toJSON();
  }
}

/**
 * Reads the answer of a secret creation. An answer that is not the documented secret is a `ResponseParseError`
 * naming the missing field, never echoing the body (which may hold the value).
 */
export function readCreatedSecret(data: unknown, answer: Answer): CreatedClientSecret {
  const record = (data && typeof data === "object" ? data : {}) as Record<string, unknown>;
  const text = (key: string) => typeof record[key] === "string";
  // `valueDisplay` may be empty (the spec sets only its maximum); an empty `value` would be no secret at all.
  const missing = (["value", "valueDisplay", "startTime", "expiration"] as const).find(
    (key) => !text(key) || (key !== "valueDisplay" && record[key] === ""),
  );
  const badDescription = record.description !== undefined && !text("description");
  if (missing !== undefined || badDescription) {
    const field = missing ?? "description";
    throw responseParseError(answer, `a client secret without a valid \`${field}\` (body not shown: it may hold the secret)`);
  }
  return new SecretRecord(record as unknown as ClientSecret);
}
