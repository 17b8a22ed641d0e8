/** A small seeded PRNG (mulberry32) with the helpers the demo generators need. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Uniform in [min, max). */
  float(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks a key by weight, e.g. { blue: 60, yellow: 30 }. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
  /** An independent stream derived from this seed and a label, unaffected by how much this one was used. */
  fork(label: string | number): Rng;
}

/** FNV-1a: a stable 32-bit hash for turning seed strings into PRNG state. */
export function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRng(seed: string | number): Rng {
  const label = String(seed);
  let state = hashSeed(label);
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    float: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: (weights) => {
      const entries = Object.entries(weights) as [never, number][];
      let roll = next() * entries.reduce((sum, [, w]) => sum + w, 0);
      for (const [key, w] of entries) {
        roll -= w;
        if (roll < 0) return key;
      }
      return entries[entries.length - 1]![0];
    },
    fork: (sub) => createRng(`${label}/${sub}`),
  };
  return rng;
}

/**
 * Splits `total` into integers proportional to `weights` (largest remainder), so the parts always
 * sum to exactly `total`. With `min`, every part gets at least that many first.
 */
export function apportion(total: number, weights: readonly number[], min = 0): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const base = min * n;
  if (base > total) throw new Error(`cannot give ${n} parts at least ${min} out of ${total}`);
  const rest = total - base;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (w / sum) * rest : rest / n));
  const parts = exact.map((x) => Math.floor(x));
  let left = rest - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) parts[order[k]![1]]! += 1;
  return parts.map((p) => p + min);
}

/**
 * Streaming exact selection (Knuth's algorithm S): call `take()` once per item, in order; exactly
 * `wanted` of the `total` calls answer true, without holding the items.
 */
export function exactSelector(rng: Rng, wanted: number, total: number): { take(): boolean } {
  let seen = 0;
  let chosen = 0;
  return {
    take() {
      const yes = seen < total && rng.next() * (total - seen) < wanted - chosen;
      seen += 1;
      if (yes) chosen += 1;
      return yes;
    },
  };
}
