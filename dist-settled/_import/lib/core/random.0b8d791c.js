export function hashString(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; ++i) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
function sfc32(a, b, c, d) {
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b | 0) + d | 0;
    d = d + 1 | 0;
    a = b ^ b >>> 9;
    b = c + (c << 3) | 0;
    c = c << 21 | c >>> 11;
    c = c + t | 0;
    return (t >>> 0) / 4294967296;
  };
}
export function createRandom(seed) {
  const s = typeof seed === "string" ? hashString(seed) : seed >>> 0;
  const uniform = sfc32(2654435769, 608135816, 3084996962, s);
  for (let i = 0; i < 15; ++i) uniform();
  let spareNormal;
  const random = {
    next: uniform,
    int: (n) => Math.floor(uniform() * n),
    normal(mean = 0, sd = 1) {
      if (spareNormal !== void 0) {
        const z = spareNormal;
        spareNormal = void 0;
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
      for (; ; ) {
        let x, v;
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
