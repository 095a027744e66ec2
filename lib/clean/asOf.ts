// The report date of a ledger that does not state one: the last day of data. A single typo such as
// 2042 for 2024 must not become that day, so the data is followed from its bulk forward and stops at
// the first long silence; whatever lies beyond is treated as mistyped.
import {formatIsoDay} from "../core/dates.js";
import type {Day} from "../core/dates.js";

export interface AsOfOptions {
  /**
   * Quantile of invoice dates taken as surely inside the data. Low enough that future-dated typos (a few
   * per cent at most) cannot reach it; the walk forward then recovers the real end.
   */
  bulkQuantile?: number;
  /** A gap longer than this between consecutive dates of activity ends the data… */
  maxGapDays?: number;
  /** …unless invoices are sparse: then a gap up to this multiple of their median spacing is allowed. */
  gapMultiple?: number;
}

export interface AsOfInference {
  asOf: Day;
  /** The rule, in words, with the dates it used. */
  rule: string;
  /** Distinct dates after the as-of date that were set aside. */
  ignoredDates: number;
}

/**
 * `invoiceDays` counts invoices per invoice date; `activityDays` holds every other dated event (payments,
 * reminders, write-offs). From the `bulkQuantile` invoice date, the as-of date advances through later
 * dates of any kind while each is within the allowed gap of the previous one: `maxGapDays`, or
 * `gapMultiple` times the median spacing of distinct invoice dates up to the bulk end if that is longer
 * (a small file with monthly invoices). With dense data the bulk end sits days before the true end, and
 * mistyped future dates (a month or more out) lie past a gap.
 */
export function inferAsOf(
  invoiceDays: ReadonlyMap<Day, number>,
  activityDays: ReadonlySet<Day>,
  {bulkQuantile = 0.95, maxGapDays = 28, gapMultiple = 2}: AsOfOptions = {}
): AsOfInference {
  const bulkEnd = lowerQuantile(invoiceDays, bulkQuantile);
  const allowedGap = Math.max(maxGapDays, gapMultiple * medianSpacing(invoiceDays, bulkEnd));
  const later = new Set<Day>();
  for (const day of invoiceDays.keys()) if (day > bulkEnd) later.add(day);
  for (const day of activityDays) if (day > bulkEnd) later.add(day);
  const ascending = Float64Array.from(later).sort();
  let asOf = bulkEnd, i = 0;
  while (i < ascending.length && ascending[i] - asOf <= allowedGap) asOf = ascending[i++];
  const ignoredDates = ascending.length - i;
  const percent = `${+(bulkQuantile * 100).toFixed(2)}th`;
  let rule =
    `Inferred as the last day of data, ${formatIsoDay(asOf)}: the latest invoice, payment, reminder or write-off date ` +
    `reached from the ${percent} percentile of invoice dates (${formatIsoDay(bulkEnd)}) without a gap of more than ${allowedGap} days`;
  if (ignoredDates) {
    rule += `; ${ignoredDates} later ${ignoredDates === 1 ? "date lies" : "dates lie"} beyond such a gap (from ${formatIsoDay(ascending[i])}) and ${ignoredDates === 1 ? "was" : "were"} treated as ${ignoredDates === 1 ? "a typo" : "typos"}`;
  }
  return {asOf, rule: rule + ".", ignoredDates};
}

/** The observed day at rank ⌊p·(n − 1)⌋ of the counted days: a real date, never an interpolation. */
function lowerQuantile(counts: ReadonlyMap<Day, number>, p: number): Day {
  const days = Float64Array.from(counts.keys()).sort();
  let total = 0;
  for (const count of counts.values()) total += count;
  if (!total) throw new RangeError("no invoice dates to infer an as-of date from");
  const rank = Math.floor(p * (total - 1));
  let seen = 0;
  for (const day of days) {
    seen += counts.get(day)!;
    if (seen > rank) return day;
  }
  return days[days.length - 1];
}

/** Median days between consecutive distinct invoice dates up to `end`; 0 with fewer than two. */
function medianSpacing(counts: ReadonlyMap<Day, number>, end: Day): number {
  const days = Float64Array.from([...counts.keys()].filter((day) => day <= end)).sort();
  const gaps = days.slice(1).map((day, i) => day - days[i]).sort();
  if (!gaps.length) return 0;
  const mid = gaps.length >> 1;
  return gaps.length % 2 ? gaps[mid] : Math.round((gaps[mid - 1] + gaps[mid]) / 2);
}
