import { randomText } from "./random.js";

/** JSON as base64url, as a JWT's parts are written (UTF-8 first: `btoa` takes only bytes). */
function base64Url(value: unknown): string {
  // One character per byte, in a loop: spread into `fromCharCode`, a long claim (a tenant id of 30,000 emoji) is more
  // arguments than the stack holds.
  let binary = "";
  for (const byte of new TextEncoder().encode(JSON.stringify(value))) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Which API a bearer is for: a Management API token opens nothing on Vantage, and the other way round. */
export type TokenAudience = "management" | "admin";

/** What a bearer the fake knows lets its holder do. */
export interface TokenGrant {
  readonly audience: TokenAudience | "any";
  /** The Management API scopes, or every scope. */
  readonly scopes: ReadonlySet<string> | "every";
  /** The Vantage tenant the token may manage; undefined for every tenant. */
  readonly tenantId: string | undefined;
  /** When it expires, in milliseconds since the epoch. */
  readonly expiresAt: number;
}

/**
 * The bearer tokens the fake has issued, and the fixed one given at start. They outlive `reset()` and
 * `replaceState()`, as a real token outlives a change to the tenant.
 */
export class TokenRegistry {
  readonly #issued = new Map<string, TokenGrant>();
  readonly #random: () => number;
  readonly #now: () => number;

  constructor(random: () => number, now: () => number, fixedToken: string | undefined) {
    this.#random = random;
    this.#now = now;
    if (fixedToken !== undefined) {
      this.#issued.set(fixedToken, { audience: "any", scopes: "every", tenantId: undefined, expiresAt: Number.POSITIVE_INFINITY });
    }
  }

  /**
   * A new token for `grant`, valid for `lifetimeSeconds`: shaped like the vendors' JWTs, with `claims` and its
   * `iat`, `exp` and `jti`, so code that reads a token's expiry or scopes can; its signature is random text.
   */
  issue(grant: Omit<TokenGrant, "expiresAt">, lifetimeSeconds: number, claims: Readonly<Record<string, unknown>>): string {
    const now = this.#now();
    const issuedAt = Math.floor(now / 1000);
    const payload = { ...claims, iat: issuedAt, exp: issuedAt + lifetimeSeconds, jti: randomText(this.#random, 16) };
    const token = `${base64Url({ alg: "RS256", typ: "JWT" })}.${base64Url(payload)}.${randomText(this.#random, 43)}`;
    this.#issued.set(token, { ...grant, expiresAt: now + lifetimeSeconds * 1000 });
    return token;
  }

  /** What the `authorization` header's bearer allows on `audience`, or undefined when it is missing, unknown or expired. */
  check(authorization: string | null, audience: TokenAudience): TokenGrant | undefined {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
    const grant = match?.[1] === undefined ? undefined : this.#issued.get(match[1]);
    if (grant === undefined || (grant.audience !== "any" && grant.audience !== audience)) return undefined;
    return grant.expiresAt > this.#now() ? grant : undefined;
  }
}
