export function sum(values) {
  let s = 0;
  for (let i = 0; i < values.length; ++i) s += values[i];
  return s;
}
export function mean(values) {
  return values.length ? sum(values) / values.length : NaN;
}
export function weightedMean(values, weights) {
  let s = 0, w = 0;
  for (let i = 0; i < values.length; ++i) {
    s += values[i] * weights[i];
    w += weights[i];
  }
  return w > 0 ? s / w : NaN;
}
export function standardDeviation(values) {
  const n = values.length;
  if (n < 2) return NaN;
  const m = mean(values);
  let ss = 0;
  for (let i = 0; i < n; ++i) ss += (values[i] - m) ** 2;
  return Math.sqrt(ss / (n - 1));
}
export function quantile(values, p) {
  const sorted = Float64Array.from(values).sort();
  return quantileSorted(sorted, p);
}
export function quantileSorted(sorted, p) {
  const n = sorted.length;
  if (!n) return NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  return lo + 1 < n ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}
export function median(values) {
  return quantile(values, 0.5);
}
export function correlation(x, y) {
  const n = x.length;
  const mx = mean(x), my = mean(y);
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; ++i) {
    const dx = x[i] - mx, dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}
export function slope(x, y) {
  const mx = mean(x), my = mean(y);
  let sxy = 0, sxx = 0;
  for (let i = 0; i < x.length; ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  return sxx > 0 ? sxy / sxx : NaN;
}
export function columnScale(x) {
  const { rows, cols, values } = x;
  const means = new Float64Array(cols);
  const scales = new Float64Array(cols);
  for (let i = 0; i < rows; ++i) for (let j = 0; j < cols; ++j) means[j] += values[i * cols + j];
  for (let j = 0; j < cols; ++j) means[j] /= rows || 1;
  for (let i = 0; i < rows; ++i) for (let j = 0; j < cols; ++j) scales[j] += (values[i * cols + j] - means[j]) ** 2;
  for (let j = 0; j < cols; ++j) {
    const sd = Math.sqrt(scales[j] / (rows || 1));
    scales[j] = sd > 1e-12 ? sd : 1;
  }
  return { means, scales };
}
export function standardize(x, { means, scales } = columnScale(x)) {
  const { rows, cols } = x;
  const values = new Float64Array(rows * cols);
  for (let i = 0; i < rows; ++i) {
    for (let j = 0; j < cols; ++j) values[i * cols + j] = (x.values[i * cols + j] - means[j]) / scales[j];
  }
  return { values, rows, cols };
}
export function logistic(z) {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}
export function logit(p, epsilon = 1e-12) {
  const q = Math.min(1 - epsilon, Math.max(epsilon, p));
  return Math.log(q / (1 - q));
}
