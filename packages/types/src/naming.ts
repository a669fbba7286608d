// The type helpers that give the generated types their readable names (see vendor/*.ts). Not exported by the package.

/**
 * A request body or query as the clients take it: an optional field also takes `undefined`, meaning "left out" (so
 * `{ audience: cfg.audience }` compiles under `exactOptionalPropertyTypes`), and a list may be read-only
 * (`as const`): the clients only read it.
 */
export type Input<T> = {
  // biome-ignore lint/complexity/noBannedTypes: `{} extends Pick<T, K>` asks whether key K is optional.
  [K in keyof T]: ReadableList<T[K]> | ({} extends Pick<T, K> ? undefined : never);
};
type ReadableList<Value> = Value extends readonly unknown[] ? Readonly<Value> : Value;

/** The generated type `T`, by a name an interface can extend (an interface cannot extend `Schemas["X"]` itself). */
export type Spec<T> = T;

/**
 * `Generated` with the fields of `Named` typed by name (`ClientGrant[]` rather than the generated structure). Each
 * must be a field of `Generated`, of the same type, so the spec still decides what the field is.
 */
export type Renamed<Generated, Named extends { [K in keyof Named]: K extends keyof Generated ? Generated[K] : never }> = Omit<
  Generated,
  keyof Named
> &
  Named;
