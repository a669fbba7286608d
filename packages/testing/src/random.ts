/** A seeded generator of numbers in [0, 1) (mulberry32): a seed replays the same ids and the same faults. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** `length` letters and digits drawn from `random`. */
export function randomText(random: () => number, length: number): string {
  let text = "";
  for (let index = 0; index < length; index++) text += ALPHANUMERIC[Math.floor(random() * ALPHANUMERIC.length)];
  return text;
}
