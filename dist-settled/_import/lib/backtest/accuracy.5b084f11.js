export function wape(actual, forecast) {
  checkLengths(actual, forecast, "wape");
  let error = 0, total = 0;
  for (let k = 0; k < actual.length; ++k) {
    error += Math.abs(actual[k] - forecast[k]);
    total += actual[k];
  }
  return total > 0 ? error / total : NaN;
}
export function forecastBias(actual, forecast) {
  checkLengths(actual, forecast, "forecastBias");
  let difference = 0, total = 0;
  for (let k = 0; k < actual.length; ++k) {
    difference += forecast[k] - actual[k];
    total += actual[k];
  }
  return total > 0 ? difference / total : NaN;
}
export function bandCoverage(actual, low, high) {
  checkLengths(actual, low, "bandCoverage");
  checkLengths(actual, high, "bandCoverage");
  let inside = 0;
  for (let k = 0; k < actual.length; ++k) if (actual[k] >= low[k] && actual[k] <= high[k]) ++inside;
  return actual.length ? inside / actual.length : NaN;
}
export function coverageTolerance(target, weeks) {
  return weeks > 0 ? Math.sqrt(target * (1 - target) / weeks) : NaN;
}
export function coverageVerdict(coverage, target, weeks) {
  const tolerance = coverageTolerance(target, weeks);
  if (coverage > target + tolerance + 1e-9) return "too wide";
  if (coverage < target - tolerance - 1e-9) return "too narrow";
  return "right";
}
function checkLengths(a, b, name) {
  if (a.length !== b.length) throw new Error(`${name}: ${a.length} actual values for ${b.length} forecast ones`);
}
