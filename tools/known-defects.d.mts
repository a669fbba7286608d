/** What a call was given, as far as the core's known defects care. */
export interface CallParts {
  /** Every argument of the call, its options among them. */
  args: readonly unknown[];
  /** The query the call passes, if it takes one (`params.query` of a raw call). */
  query?: unknown;
  /** For a raw call: its method (`"GET"`), path template and init. */
  raw?: { method: string; path: unknown; init: unknown };
}

/**
 * The known core defect a call given `call` would reach, described with its smallest failing call; `undefined` when
 * it reaches none and the property must hold.
 */
export function knownCallDefect(call: CallParts): string | undefined;

/**
 * The known core defect a client made with `options` reaches, when it is made or at its first call. `bearer` is the
 * token the options give (the `token`, or what `getToken` returns); `rootUrls` are the options that become the API
 * root (`baseUrl`; the admin client's `baseUrl` and `apiUrl`).
 */
export function knownOptionDefect(options: unknown, bearer: string | undefined, rootUrls: unknown[]): string | undefined;
