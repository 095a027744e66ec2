// Two dates a report needs. The last day of data: a single typo such as 2042 for 2024 must not become
// that day, so the data is followed from its bulk forward and stops at the first long silence; whatever
// lies beyond is treated as mistyped. And the report date (as-of date): given, the last day of data, or
// for a fully settled export an earlier date the report is replayed on (see `chooseAsOf`).
import {formatIsoDay} from "../core/dates.js";
import type {Day} from "../core/dates.js";
import {InputError} from "../core/errors.js";

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

// ——— The report date ———

/**
 * Days after the report date the backtest scores the report on: 13 weeks, the horizon of the cash
 * forecast. A ledger whose last day leaves no open invoice is replayed this far back.
 */
export const knownFutureDays = 91;

/**
 * Fewest invoices paid late, and fewest paid on time, among those open on a date for the report on it to
 * be scored. With 20 of each, the standard error of the open book's ROC AUC (Hanley & McNeil 1982) at a
 * typical 0.75 is 0.077, so two standard errors still clear a coin flip's 0.5; with 10 of each it is
 * 0.11, and a useful ranking could not be told from a useless one.
 */
export const minOutcomesToScore = 20;

/**
 * How the report date was chosen: given (AR_AS_OF, the mapping file, or the generator's report date);
 * the last day of data, as for an export with open invoices; or, for a fully settled export, replayed at
 * an earlier date so there is an open book to act on and a known future to score it against.
 */
export type AsOfKind = "given" | "end-of-data" | "replayed";

export interface AsOfChoice {
  asOf: Day;
  kind: AsOfKind;
  /** The rule, in words, with the dates it used. */
  rule: string;
  /** The last day of data: the history runs to here. */
  endOfData: Day;
}

/** What the choice reads of an invoice of the history (derived as of its last day of data). */
type HistoryInvoice = {invoiceDate: Day; dueDate: Day; settledDate: Day | null; paidLate: boolean | null; openAmount: number};

export interface AsOfChoiceOptions {
  /** A report date the user asked for. */
  given?: Day;
  /** Where it came from, for the message if it is out of range ("AR_AS_OF"). Default "as-of date". */
  givenSource?: string;
  /** The rule that found the last day of data, quoted when the report is dated on it. */
  endOfDataRule: string;
  horizonDays?: number;
  minOutcomes?: number;
}

/**
 * The report date of a history that runs to `endOfData`. A given date must lie between the first invoice
 * and the last day of data (an InputError otherwise). Without one: the last day of data if any invoice
 * is open on it; else the latest date that leaves `horizonDays` of known future with at least
 * `minOutcomes` late and `minOutcomes` on-time invoices open on it — failing that, the date (leaving the
 * horizon, if the ledger is long enough) with the most of the scarcer kind, so the report still builds
 * and the Backtest page says why it cannot score. The known future is where the ledger still records the
 * business: up to the last day of data, and no later than the last invoice (a settled export often runs
 * on for months of payments after its last invoice, when DSO and aging no longer mean what they did).
 */
export function chooseAsOf(invoices: readonly HistoryInvoice[], endOfData: Day, options: AsOfChoiceOptions): AsOfChoice {
  const {given, givenSource = "as-of date", endOfDataRule, horizonDays = knownFutureDays, minOutcomes = minOutcomesToScore} = options;
  let first = Infinity;
  for (const invoice of invoices) if (invoice.invoiceDate < first) first = invoice.invoiceDate;
  if (given !== undefined) {
    const range = `choose a date from ${formatIsoDay(first)} to ${formatIsoDay(endOfData)}`;
    if (given < first) throw new InputError({file: givenSource, value: formatIsoDay(given), reason: `is before the first invoice (${formatIsoDay(first)}); ${range}`});
    if (given > endOfData) throw new InputError({file: givenSource, value: formatIsoDay(given), reason: `is after the last activity in the data (${formatIsoDay(endOfData)}); ${range}`});
    return {asOf: given, kind: "given", rule: `Given: ${formatIsoDay(given)}.`, endOfData};
  }
  if (invoices.some((invoice) => invoice.settledDate === null && invoice.openAmount > 0)) return {asOf: endOfData, kind: "end-of-data", rule: endOfDataRule, endOfData};

  const {late, onTime} = openOutcomesByDay(invoices, first, endOfData);
  const scarcer = (day: Day) => Math.min(late[day - first], onTime[day - first]);
  const knownUntil = Math.min(endOfData, lastInvoiceDate(invoices));
  const lastCandidate = knownUntil - horizonDays >= first ? knownUntil - horizonDays : knownUntil - 1;
  let best = Math.max(first, lastCandidate);
  for (let day = best; day >= first; --day) {
    if (scarcer(day) >= minOutcomes) return {asOf: day, kind: "replayed", rule: replayedRule(day, endOfData, knownUntil, horizonDays, minOutcomes, null), endOfData};
    if (scarcer(day) > scarcer(best)) best = day;
  }
  const counts = {late: late[best - first], onTime: onTime[best - first]};
  return {asOf: best, kind: "replayed", rule: replayedRule(best, endOfData, knownUntil, horizonDays, minOutcomes, counts), endOfData};
}

/** The latest invoice date: the ledger records new business up to here. */
export function lastInvoiceDate(invoices: readonly {invoiceDate: Day}[]): Day {
  let last = -Infinity;
  for (const invoice of invoices) if (invoice.invoiceDate > last) last = invoice.invoiceDate;
  return last;
}

/** Per day from `first` to `end`: invoices open at the end of the day that were in the end paid late, and on time. */
function openOutcomesByDay(invoices: readonly HistoryInvoice[], first: Day, end: Day): {late: Int32Array; onTime: Int32Array} {
  const length = end - first + 1;
  const lateDiff = new Int32Array(length + 1), onTimeDiff = new Int32Array(length + 1);
  for (const {invoiceDate, dueDate, settledDate, paidLate} of invoices) {
    // Open from its issue day up to the day before it is settled; still open at the end: late once due.
    const closes = settledDate ?? end + 1;
    const late = settledDate !== null ? paidLate : dueDate < end ? true : null;
    if (late === null || closes <= invoiceDate) continue;
    const diff = late ? lateDiff : onTimeDiff;
    diff[invoiceDate - first] += 1;
    diff[Math.min(length, closes - first)] -= 1;
  }
  const late = new Int32Array(length), onTime = new Int32Array(length);
  for (let k = 0, l = 0, o = 0; k < length; ++k) (late[k] = l += lateDiff[k]), (onTime[k] = o += onTimeDiff[k]);
  return {late, onTime};
}

function replayedRule(asOf: Day, endOfData: Day, knownUntil: Day, horizonDays: number, minOutcomes: number, shortfall: {late: number; onTime: number} | null): string {
  const weeks = `${Math.round(horizonDays / 7)} weeks`;
  const start = `No invoice is open on the last day of data (${formatIsoDay(endOfData)}), so the report is replayed as of ${formatIsoDay(asOf)}`;
  const future = knownUntil < endOfData ? `${weeks} of known future before the last invoice (${formatIsoDay(knownUntil)})` : `${weeks} of known future`;
  if (!shortfall) return `${start}: the latest date that leaves ${future} and at least ${minOutcomes} invoices paid late and ${minOutcomes} paid on time open on it to score.`;
  const leaves = knownUntil - asOf >= horizonDays ? `leaving ${future}` : `the ledger being shorter than ${weeks} past its first invoice`;
  return (
    `${start}, ${leaves}: no date has ${minOutcomes} invoices paid late and ${minOutcomes} paid on time open on it, ` +
    `and this one has the most (${shortfall.late} late, ${shortfall.onTime} on time).`
  );
}
