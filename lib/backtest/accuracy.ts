// How far a weekly cash forecast was from the cash that came in: the measures a treasury team quotes.
//
//   WAPE      Σ |actual − forecast| ÷ Σ actual      (weighted absolute percentage error: big weeks count more)
//   bias      (Σ forecast − Σ actual) ÷ Σ actual    (positive: the forecast promised more than came in)
//   coverage  share of weeks whose actual lies inside the forecast's band, ends included
//
// A 10–90 % band should hold about 80 % of weeks: one that always covers is too wide to plan with, one
// that rarely does is too narrow to trust. Over 13 weeks coverage moves in steps of 1/13 and its
// sampling error is large, so "near 80 %" is judged with `coverageTolerance`.

/** Σ |actual − forecast| ÷ Σ actual; NaN when nothing came in. */
export function wape(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  checkLengths(actual, forecast, "wape");
  let error = 0, total = 0;
  for (let k = 0; k < actual.length; ++k) {
    error += Math.abs(actual[k] - forecast[k]);
    total += actual[k];
  }
  return total > 0 ? error / total : NaN;
}

/** (Σ forecast − Σ actual) ÷ Σ actual; NaN when nothing came in. */
export function forecastBias(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  checkLengths(actual, forecast, "forecastBias");
  let difference = 0, total = 0;
  for (let k = 0; k < actual.length; ++k) {
    difference += forecast[k] - actual[k];
    total += actual[k];
  }
  return total > 0 ? difference / total : NaN;
}

/** Share of weeks with low ≤ actual ≤ high; NaN with no weeks. */
export function bandCoverage(actual: ArrayLike<number>, low: ArrayLike<number>, high: ArrayLike<number>): number {
  checkLengths(actual, low, "bandCoverage");
  checkLengths(actual, high, "bandCoverage");
  let inside = 0;
  for (let k = 0; k < actual.length; ++k) if (actual[k] >= low[k] && actual[k] <= high[k]) ++inside;
  return actual.length ? inside / actual.length : NaN;
}

/**
 * How far coverage may sit from its target and still count as right: one binomial standard error of a
 * share of `weeks` weeks, √(p(1 − p)/weeks). At 80 % over 13 weeks that is 0.11: 9 to 11 weeks in the band
 * read as right, 12 or 13 as too wide, 8 or fewer as too narrow.
 */
export function coverageTolerance(target: number, weeks: number): number {
  return weeks > 0 ? Math.sqrt((target * (1 - target)) / weeks) : NaN;
}

export type CoverageVerdict = "right" | "too wide" | "too narrow";

export function coverageVerdict(coverage: number, target: number, weeks: number): CoverageVerdict {
  const tolerance = coverageTolerance(target, weeks);
  // A hair of slack: 11/13 − 0.8 and the tolerance are equal in exact arithmetic.
  if (coverage > target + tolerance + 1e-9) return "too wide";
  if (coverage < target - tolerance - 1e-9) return "too narrow";
  return "right";
}

function checkLengths(a: ArrayLike<number>, b: ArrayLike<number>, name: string): void {
  if (a.length !== b.length) throw new Error(`${name}: ${a.length} actual values for ${b.length} forecast ones`);
}
