export const riskBands = ["low", "medium", "high"];
export const riskBandLabels = { low: "Low risk", medium: "Medium risk", high: "High risk" };
export const defaultRiskCutoffs = Object.freeze({ medium: 0.3, high: 0.6 });
export function checkRiskCutoffs(cutoffs) {
  const { medium, high } = cutoffs;
  if (!(medium >= 0 && medium <= high && high <= 1)) throw new Error(`risk cut-offs must satisfy 0 \u2264 medium \u2264 high \u2264 1 (got ${medium}, ${high})`);
  return cutoffs;
}
export function riskBand(pLate, cutoffs = defaultRiskCutoffs) {
  if (pLate >= cutoffs.high) return "high";
  if (pLate >= cutoffs.medium) return "medium";
  return "low";
}
export function riskCutoffRule(cutoffs = defaultRiskCutoffs) {
  return `low < ${cutoffs.medium.toFixed(2)} \u2264 medium < ${cutoffs.high.toFixed(2)} \u2264 high`;
}
