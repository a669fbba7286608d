// @ts-check
// A tiny seeded PRNG, so a randomized test run can be replayed from the seed it prints.

/** @type {import("./seeded-random.d.mts").mulberry32} */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @type {import("./seeded-random.d.mts").hashString} */
export function hashString(text) {
  // FNV-1a, 32 bits.
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** @type {import("./seeded-random.d.mts").seedFromEnv} */
export function seedFromEnv(name = "GRANTKIT_SEED", env = process.env) {
  const given = env[name];
  if (given === undefined || given.trim() === "") return Math.floor(Math.random() * 2 ** 32);
  const seed = Number(given);
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    throw new Error(`${name} must be an integer from 0 to 2^32 - 1, got ${JSON.stringify(given)}`);
  }
  return seed;
}

/** @type {import("./seeded-random.d.mts").pickWeighted} */
export function pickWeighted(random, weights) {
  const entries = /** @type {Array<[keyof typeof weights, number]>} */ (Object.entries(weights));
  let left = random() * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [key, weight] of entries) {
    left -= weight;
    if (left < 0) return key;
  }
  // Only reached through rounding at the very top of the range.
  return /** @type {[keyof typeof weights, number]} */ (entries.at(-1))[0];
}
