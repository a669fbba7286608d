/** Where the transport gets the token of each attempt. */
export interface TokenSource {
  /** The token, when it is known without waiting (a fixed token, a cached one that is still fresh). */
  peek?(): string | undefined;
  /** The token for the next attempt. */
  get(): Promise<string>;
  /**
   * Forgets `token` after the API answered 401 to it, so the next `get()` fetches a new one; present only when a new
   * one can differ (client credentials). The transport then retries the call once.
   */
  drop?(token: string): void;
  /**
   * Whether `get()` always settles by itself (a fixed token; an exchange whose attempts have their own timeouts).
   * A `getToken` function of the application's may not: the transport bounds it by `timeoutMs`.
   */
  settles: boolean;
}
