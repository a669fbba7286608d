// A tiny seeded PRNG, so a randomized test run can be replayed from the seed it prints.

/** A generator of numbers in [0, 1), all determined by `seed` (a 32-bit unsigned integer). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit hash of `text`, to derive a seed of its own for each thing a run randomizes. */
export function hashString(text: string): number {
  // FNV-1a, 32 bits.
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The seed of a randomized test run: the integer in the environment variable `name` (default `GRANTKIT_SEED`)
 * when set, else a random one. The caller prints it, so the run can be replayed.
 */
export function seedFromEnv(name = "GRANTKIT_SEED", env: NodeJS.ProcessEnv = process.env): number {
  const given = env[name];
  if (given === undefined || given.trim() === "") return Math.floor(Math.random() * 2 ** 32);
  const seed = Number(given);
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    throw new Error(`${name} must be an integer from 0 to 2^32 - 1, got ${JSON.stringify(given)}`);
  }
  return seed;
}

/** One of the keys of `weights`, each as likely as its weight. */
export function pickWeighted<Key extends string>(random: () => number, weights: Readonly<Record<Key, number>>): Key {
  const entries = Object.entries(weights) as Array<[Key, number]>;
  let left = random() * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [key, weight] of entries) {
    left -= weight;
    if (left < 0) return key;
  }
  // Only reached through rounding at the very top of the range.
  return entries.at(-1)![0];
}
