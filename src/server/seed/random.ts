import crypto from "node:crypto";

/** A deterministic id for a seed record, so every run of the seed writes the same rows. */
export function seedId(key: string): string {
  const h = crypto.createHash("sha1").update(`bpm-seed:${key}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
    /** Log-uniform between min and max: many small amounts, few large ones, as in a real budget. */
    logUniform: (min: number, max: number) =>
      Math.exp(Math.log(min) + next() * (Math.log(max) - Math.log(min))),
  };
}
export type Random = ReturnType<typeof createRandom>;
