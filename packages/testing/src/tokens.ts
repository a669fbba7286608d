import { randomText } from "./random.js";

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

  /** A new opaque token for `grant`, valid for `lifetimeSeconds`. */
  issue(grant: Omit<TokenGrant, "expiresAt">, lifetimeSeconds: number): string {
    const token = `fake_${randomText(this.#random, 40)}`;
    this.#issued.set(token, { ...grant, expiresAt: this.#now() + lifetimeSeconds * 1000 });
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
