/** A generator of numbers in [0, 1), all determined by `seed` (a 32-bit unsigned integer). */
export function mulberry32(seed: number): () => number;

/** A 32-bit hash of `text`, to derive a seed of its own for each thing a run randomizes. */
export function hashString(text: string): number;

/**
 * The seed of a randomized test run: the integer in the environment variable `name` (default `GRANTKIT_SEED`)
 * when set, else a random one. The caller prints it, so the run can be replayed.
 */
export function seedFromEnv(name?: string, env?: NodeJS.ProcessEnv): number;

/** One of the keys of `weights`, each as likely as its weight. */
export function pickWeighted<Key extends string>(random: () => number, weights: Readonly<Record<Key, number>>): Key;
