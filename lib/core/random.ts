// Seeded randomness. Every function that draws takes a `Random` so that results depend only on the
// seed passed in; nothing here touches Math.random or module state.

/** The report's seed unless AR_SEED sets another: the synthetic ledger's, the model's and the portfolio's draws. */
export const defaultSeed = 20260930;

/** A seeded source of uniform numbers in [0, 1) with the draws the domain code needs. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Box–Muller). */
  normal(mean?: number, sd?: number): number;
  /** Log-normal whose logarithm has the given mean and sd. */
  logNormal(mu: number, sigma: number): number;
  /** Exponential with the given mean. */
  exponential(mean: number): number;
  /** Gamma(shape, scale) by Marsaglia–Tsang. */
  gamma(shape: number, scale?: number): number;
  /** Beta(a, b) from two gammas. */
  beta(a: number, b: number): number;
  /** Bernoulli trial. */
  bernoulli(p: number): boolean;
  /** Poisson count (Knuth for small means, normal approximation for large ones). */
  poisson(mean: number): number;
  /** One element chosen with the given (unnormalised) weights. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** One element chosen uniformly. */
  pick<T>(items: readonly T[]): T;
  /** Fisher–Yates shuffle of a copy. */
  shuffle<T>(items: readonly T[]): T[];
  /** An independent stream derived from this one, so that adding draws in one part of a program does not shift another's. */
  fork(label: string): Random;
}

/** Hash a string to 32 bits (FNV-1a), for seeds and forks. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; ++i) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** sfc32: small, fast, and passes PractRand far beyond what a ledger of a million rows needs. */
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** A `Random` seeded by a number or a string. */
export function createRandom(seed: number | string): Random {
  const s = typeof seed === "string" ? hashString(seed) : seed >>> 0;
  const uniform = sfc32(0x9e3779b9, 0x243f6a88, 0xb7e15162, s);
  for (let i = 0; i < 15; ++i) uniform(); // warm up: the first outputs of sfc32 correlate with the seed
  let spareNormal: number | undefined;

  const random: Random = {
    next: uniform,
    int: (n) => Math.floor(uniform() * n),
    normal(mean = 0, sd = 1) {
      if (spareNormal !== undefined) {
        const z = spareNormal;
        spareNormal = undefined;
        return mean + sd * z;
      }
      let u = 0;
      while (u === 0) u = uniform();
      const v = uniform();
      const r = Math.sqrt(-2 * Math.log(u));
      spareNormal = r * Math.sin(2 * Math.PI * v);
      return mean + sd * r * Math.cos(2 * Math.PI * v);
    },
    logNormal: (mu, sigma) => Math.exp(random.normal(mu, sigma)),
    exponential: (mean) => -mean * Math.log(1 - uniform()),
    gamma(shape, scale = 1) {
      if (shape < 1) return random.gamma(shape + 1, scale) * Math.pow(uniform(), 1 / shape);
      const d = shape - 1 / 3;
      const c = 1 / Math.sqrt(9 * d);
      for (;;) {
        let x: number, v: number;
        do {
          x = random.normal();
          v = 1 + c * x;
        } while (v <= 0);
        v = v * v * v;
        const u = uniform();
        if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
      }
    },
    beta(a, b) {
      const x = random.gamma(a);
      return x / (x + random.gamma(b));
    },
    bernoulli: (p) => uniform() < p,
    poisson(mean) {
      if (mean > 30) return Math.max(0, Math.round(random.normal(mean, Math.sqrt(mean))));
      const limit = Math.exp(-mean);
      let k = 0;
      let p = uniform();
      while (p > limit) {
        ++k;
        p *= uniform();
      }
      return k;
    },
    weighted(items, weights) {
      let total = 0;
      for (const w of weights) total += w;
      let r = uniform() * total;
      for (let i = 0; i < items.length; ++i) {
        r -= weights[i];
        if (r < 0) return items[i];
      }
      return items[items.length - 1];
    },
    pick: (items) => items[Math.floor(uniform() * items.length)],
    shuffle(items) {
      const copy = items.slice();
      for (let i = copy.length - 1; i > 0; --i) {
        const j = Math.floor(uniform() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
    fork: (label) => createRandom((hashString(label) ^ Math.floor(uniform() * 4294967296)) >>> 0)
  };
  return random;
}
