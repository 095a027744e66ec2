// Leak-free invoice features: for every invoice, what was known on the day it was issued, as one dense
// row of a matrix the models read.
//
// Leakage. The target is "settled after the due date", so nothing derived from an invoice's own outcome
// — paid date, days to pay or late, status, payments, instalments, disputes, reminders, extension,
// write-off (`outcomeFields`) — is ever one of its features: those facts are only known later. Other
// invoices contribute only through what had happened by the start of the issue day: history features
// read invoices *settled strictly before* it (a same-day settlement is not "before"), open and overdue
// balances read invoices *issued strictly before* it and not settled before it. One chronological pass
// over all events (lib/model/features/timeline.ts) enforces both rules for every customer at once.
//
// Missing values. Every column is finite:
// - credit score missing on an invoice → the median score of invoices issued before it (a running median,
//   so later invoices cannot leak in), `creditScoreFallback` before any is known; flagged in
//   `creditScoreMissing`.
// - credit limit missing (or ≤ 0) → amount ÷ limit and utilisation take the running medians of earlier
//   invoices (0 before any); flagged in `creditLimitMissing`.
// - account-opening date missing → tenure counts from the customer's first invoice in the ledger;
//   flagged in `tenureMissing`.
// - no settled history → rates and averages are the ledger-wide values known at the date (the
//   customer's own history is blended with them by `priorWeight` pseudo-invoices), trend 0; flagged in
//   `noHistory`.
// - an optional column the ledger lacks altogether (`ledger.available`) → its groups are dropped and
//   listed in `dropped` with the reason.
// Open balances count the full amount of each open invoice: when the instalments of a partly paid
// invoice arrived is not recorded, so using its paid amount would leak later payments.
import {calendarParts, daysToMonthEnd} from "../../core/dates.js";
import type {Day} from "../../core/dates.js";
import type {Invoice, Ledger} from "../../input/ledger.js";
import type {Matrix} from "../learners/types.js";
import {availabilityColumns, groupSpecs, numericColumns, numericIndex, rawValueNames} from "./catalogue.js";
import type {CategoricalField, GroupSpec, RawValueName} from "./catalogue.js";
import {emptySnapshot, ledgerSlot, paymentHistories, readHistory, recordSettlement} from "./history.js";
import type {SettledOutcome} from "./history.js";
import {runningMedian} from "./runningMedian.js";
import {DUE, ISSUE, QUERY, SETTLE, timeline} from "./timeline.js";

export type {RawValueName} from "./catalogue.js";
export {rawValueNames} from "./catalogue.js";

/** Invoice fields that describe its outcome, known only after it is issued: never features of it. */
export const outcomeFields = [
  "paidDate",
  "paidAmount",
  "lastPaymentDate",
  "installments",
  "disputed",
  "remindersSent",
  "lastReminderDate",
  "extensionRequested",
  "writeOffDate",
  "status",
  "settledDate",
  "openAmount",
  "daysToPay",
  "daysLate",
  "paidLate",
  "daysOverdue",
  "agingBucket",
  "partialPayment",
  "paidAfterReminder"
] as const satisfies readonly (keyof Invoice)[];

export interface FeatureOptions {
  /** Weight, in invoices, of the ledger-wide behaviour blended into each customer's rates and averages. Default 5. */
  priorWeight?: number;
  /** Settled invoices in the "last N" window of `recentLateRate`. Default 10. */
  recentWindow?: number;
  /** Latest settled invoices compared with the earlier ones in `daysLateTrend`. Default 3. */
  trendWindow?: number;
  /** Last days of a month that count as month-end (and of a quarter's last month as quarter-end). Default 3. */
  monthEndDays?: number;
  /** Most one-hot columns per categorical field; rarer values share an "Other" column. Default 12. */
  maxCategories?: number;
  /** Credit score imputed before any invoice with a score has been issued. Default 650. */
  creditScoreFallback?: number;
  /**
   * Only invoices issued before this day choose the one-hot categories, so that a model validated on
   * later invoices never learns which categories the later ones bring. The model stage passes its training
   * cut; default null: every invoice of the ledger.
   */
  categoriesKnownBefore?: Day | null;
}

export const defaultFeatureOptions: Readonly<Required<FeatureOptions>> = {
  priorWeight: 5,
  recentWindow: 10,
  trendWindow: 3,
  monthEndDays: 3,
  maxCategories: 12,
  creditScoreFallback: 650,
  categoriesKnownBefore: null
};

export interface FeatureGroup {
  name: string;
  kind: "numeric" | "onehot";
  /** Indices into `featureNames`: permute these together. */
  columns: readonly number[];
  names: readonly string[];
  /** A one-hot group's category per column. */
  categories?: readonly string[];
}

export interface DroppedGroup {
  group: string;
  columns: readonly string[];
  reason: string;
}

/** Per-invoice untransformed values (Float32: display precision is plenty), NaN where unknown. */
export type RawValues = Record<RawValueName, Float32Array>;

export interface InvoiceFeatures {
  /** One row per invoice, in ledger order. */
  x: Matrix;
  featureNames: readonly string[];
  featureGroups: readonly FeatureGroup[];
  dropped: readonly DroppedGroup[];
  raw: RawValues;
  options: Readonly<Required<FeatureOptions>>;
}

/** Builds the features of every invoice of a ledger. O(n log n) time; memory ≈ the output matrix. */
export function invoiceFeatures(ledger: Pick<Ledger, "invoices" | "available">, options: FeatureOptions = {}): InvoiceFeatures {
  const settings = resolveOptions(options);
  const {invoices} = ledger;
  const n = invoices.length;
  const layout = featureLayout(ledger, settings);
  const cols = layout.names.length;
  const values = new Float64Array(n * cols);
  const raw = rawValueColumns(n);

  const {customerOf, customers} = customerIndex(invoices);
  const history = paymentHistories(customers, settings);
  const openBalance = new Float64Array(customers);
  const openCount = new Int32Array(customers);
  const overdueBalance = new Float64Array(customers);
  const overdueCount = new Int32Array(customers);
  const firstSeen = new Float64Array(customers).fill(NaN);
  // Running medians only where something is missing: feeding them is most of the imputation's cost.
  const imputeScore = invoices.some((invoice) => usableScore(invoice) === null);
  const imputeLimit = invoices.some((invoice) => usableLimit(invoice) === null);
  const scoreMedian = runningMedian(imputeScore ? n : 1);
  const amountToLimitMedian = runningMedian(imputeLimit ? n : 1);
  const utilisationMedian = runningMedian(imputeLimit ? n : 1);
  const utilisationAtIssue = new Float64Array(n);
  const scratch = new Float64Array(numericColumns.length);
  const w = settings.priorWeight;
  const at = numericIndex;

  // Reused for every read and settlement: a million short-lived objects would cost more in garbage
  // collection over a heap holding a million invoices than the features themselves.
  const snapshot = emptySnapshot();
  const outcome: SettledOutcome = {daysLate: 0, disputed: false, partialPayment: false, reminded: false, paidAfterReminder: false, extensionRequested: false};
  let calendarDay = NaN;
  let calendar = issueCalendar(0, settings.monthEndDays);
  // Ledger-wide history, the prior for customers with little of their own.
  let priorLateRate = 0.5, priorMeanDaysLate = 0, priorVariance = 0, priorResponse = 0.5;
  const events = timeline(invoices);
  for (let e = 0; e < events.length; ++e) {
    const i = events.invoices[e];
    const invoice = invoices[i];
    const c = customerOf[i];
    switch (events.kinds[e]) {
      case QUERY: {
        const day = events.days[e];
        if (day !== calendarDay) {
          // Queries come before any other event of their day, so day-level values hold for all of them.
          calendarDay = day;
          calendar = issueCalendar(day, settings.monthEndDays);
          const all = readHistory(history, ledgerSlot(history), snapshot);
          priorLateRate = (all.late + 1) / (all.settled + 2);
          priorMeanDaysLate = all.settled ? all.meanDaysLate : 0;
          priorVariance = all.settled > 1 ? all.sdDaysLate ** 2 : 0;
          priorResponse = (all.paidAfterReminder + 1) / (all.reminded + 2);
        }
        if (Number.isNaN(firstSeen[c])) firstSeen[c] = day;
        const {amount} = invoice;
        const limit = usableLimit(invoice);
        const score = usableScore(invoice);
        const utilisation = limit === null ? NaN : openBalance[c] / limit;
        utilisationAtIssue[i] = utilisation;

        scratch[at.logAmount] = Math.log1p(Math.max(0, amount));
        scratch[at.amountToLimit] = limit === null ? orElse(amountToLimitMedian.value(), 0) : amount / limit;
        scratch[at.creditLimitMissing] = limit === null ? 1 : 0;
        scratch[at.termsDays] = invoice.dueDate - invoice.invoiceDate;
        scratch[at.creditScore] = score ?? orElse(scoreMedian.value(), settings.creditScoreFallback);
        scratch[at.creditScoreMissing] = score === null ? 1 : 0;
        scratch[at.monthSin] = calendar.monthSin;
        scratch[at.monthCos] = calendar.monthCos;
        scratch[at.dayOfMonth] = calendar.dayOfMonth;
        scratch[at.monthEnd] = calendar.monthEnd;
        scratch[at.quarterEnd] = calendar.quarterEnd;
        const tenureDays = invoice.customerSince === null ? NaN : Math.max(0, day - invoice.customerSince);
        scratch[at.tenureYears] = (Number.isNaN(tenureDays) ? day - firstSeen[c] : tenureDays) / 365.25;
        scratch[at.tenureMissing] = Number.isNaN(tenureDays) ? 1 : 0;
        scratch[at.logOpenBalance] = Math.log1p(Math.max(0, openBalance[c]));
        scratch[at.openCount] = openCount[c];
        scratch[at.logOverdueBalance] = Math.log1p(Math.max(0, overdueBalance[c]));
        scratch[at.overdueCount] = overdueCount[c];
        scratch[at.utilisation] = limit === null ? orElse(utilisationMedian.value(), 0) : utilisation;

        const own = readHistory(history, c, snapshot);
        const settled = own.settled;
        const ownVariance = settled > 1 ? own.sdDaysLate ** 2 : 0;
        scratch[at.logPriorSettled] = Math.log1p(settled);
        scratch[at.noHistory] = settled ? 0 : 1;
        scratch[at.lateRate] = shrink(own.late, settled, priorLateRate, w);
        scratch[at.recentLateRate] = shrink(own.recentLate, own.recentCount, priorLateRate, w);
        scratch[at.meanDaysLate] = shrink(settled ? own.meanDaysLate * settled : 0, settled, priorMeanDaysLate, w);
        scratch[at.sdDaysLate] = Math.sqrt(shrink(ownVariance * Math.max(0, settled - 1), Math.max(0, settled - 1), priorVariance, w));
        scratch[at.lastDaysLate] = settled ? own.lastDaysLate : priorMeanDaysLate;
        scratch[at.daysLateTrend] = orElse(own.daysLateTrend, 0);
        scratch[at.priorDisputes] = own.disputes;
        scratch[at.priorDisputeShare] = settled ? own.disputes / settled : 0;
        scratch[at.priorPartialPayments] = own.partialPayments;
        scratch[at.priorPartialShare] = settled ? own.partialPayments / settled : 0;
        scratch[at.priorReminderShare] = settled ? own.reminded / settled : 0;
        scratch[at.reminderResponse] = shrink(own.paidAfterReminder, own.reminded, priorResponse, w);
        scratch[at.priorExtensions] = own.extensions;
        scratch[at.priorExtensionShare] = settled ? own.extensions / settled : 0;

        const base = i * cols;
        for (let k = 0; k < layout.numericTargets.length; ++k) values[base + layout.numericTargets[k]] = scratch[layout.numericSources[k]];
        for (const onehot of layout.onehots) {
          const code = categoryCode(onehot.vocabulary, invoice[onehot.field]);
          if (code >= 0) values[base + onehot.offset + code] = 1;
        }

        raw.amount[i] = amount;
        raw.creditLimit[i] = limit ?? NaN;
        raw.amountToLimit[i] = limit === null ? NaN : amount / limit;
        raw.termsDays[i] = invoice.dueDate - invoice.invoiceDate;
        raw.creditScore[i] = score ?? NaN;
        raw.tenureDays[i] = tenureDays;
        raw.month[i] = calendar.month;
        raw.dayOfMonth[i] = calendar.dayOfMonth;
        raw.monthEnd[i] = calendar.monthEnd;
        raw.quarterEnd[i] = calendar.quarterEnd;
        raw.openBalance[i] = openBalance[c];
        raw.openCount[i] = openCount[c];
        raw.overdueBalance[i] = overdueBalance[c];
        raw.overdueCount[i] = overdueCount[c];
        raw.utilisation[i] = utilisation;
        raw.priorSettled[i] = settled;
        raw.priorLate[i] = own.late;
        raw.recentCount[i] = own.recentCount;
        raw.recentLate[i] = own.recentLate;
        raw.meanDaysLate[i] = own.meanDaysLate;
        raw.sdDaysLate[i] = own.sdDaysLate;
        raw.lastDaysLate[i] = own.lastDaysLate;
        raw.daysLateTrend[i] = own.daysLateTrend;
        raw.priorDisputes[i] = own.disputes;
        raw.priorPartialPayments[i] = own.partialPayments;
        raw.priorReminded[i] = own.reminded;
        raw.priorPaidAfterReminder[i] = own.paidAfterReminder;
        raw.priorExtensions[i] = own.extensions;
        break;
      }
      case ISSUE: {
        openBalance[c] += invoice.amount;
        ++openCount[c];
        const score = usableScore(invoice);
        if (imputeScore && score !== null) scoreMedian.add(score);
        const limit = usableLimit(invoice);
        if (imputeLimit && limit !== null) {
          amountToLimitMedian.add(invoice.amount / limit);
          utilisationMedian.add(utilisationAtIssue[i]);
        }
        break;
      }
      case DUE: {
        if (unpaidAfterDue(invoice)) {
          overdueBalance[c] += invoice.amount;
          ++overdueCount[c];
        }
        break;
      }
      case SETTLE: {
        openBalance[c] -= invoice.amount;
        --openCount[c];
        if (unpaidAfterDue(invoice)) {
          overdueBalance[c] -= invoice.amount;
          --overdueCount[c];
        }
        recordSettlement(history, c, settledOutcome(invoice, outcome));
        break;
      }
    }
  }

  return {
    x: {values, rows: n, cols},
    featureNames: layout.names,
    featureGroups: layout.groups,
    dropped: layout.dropped,
    raw,
    options: settings
  };
}

/** Raw values of one invoice plus its categories, the input of plain-words factors (lib/model/factors.ts). */
export type FactorValues = Record<RawValueName, number> & {industry: string | null; region: string | null};

export function factorValues(features: InvoiceFeatures, row: number): FactorValues {
  const values = {industry: null, region: null} as FactorValues;
  for (const name of rawValueNames) values[name] = features.raw[name][row];
  for (const group of features.featureGroups) {
    if (group.kind !== "onehot" || (group.name !== "industry" && group.name !== "region")) continue;
    const base = row * features.x.cols;
    const k = group.columns.findIndex((column) => features.x.values[base + column] === 1);
    values[group.name] = k >= 0 ? group.categories![k] : null;
  }
  return values;
}

/** All raw value columns as views of one buffer (one allocation, not 28). */
function rawValueColumns(n: number): RawValues {
  const buffer = new ArrayBuffer(n * rawValueNames.length * 4);
  return Object.fromEntries(rawValueNames.map((name, k) => [name, new Float32Array(buffer, k * n * 4, n)])) as RawValues;
}

function resolveOptions(options: FeatureOptions): Required<FeatureOptions> {
  const settings: Required<FeatureOptions> = {...defaultFeatureOptions};
  for (const [key, value] of Object.entries(options) as [keyof FeatureOptions, number | undefined][]) if (value !== undefined) (settings[key] as number | null) = value;
  const {priorWeight, recentWindow, trendWindow, monthEndDays, maxCategories} = settings;
  if (!(priorWeight >= 0)) throw new Error(`features: priorWeight must be ≥ 0, not ${priorWeight}`);
  for (const [name, value] of Object.entries({recentWindow, trendWindow, monthEndDays, maxCategories})) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`features: ${name} must be a positive integer, not ${value}`);
  }
  return settings;
}

/** (sum + weight × prior) ÷ (count + weight): a customer's own average pulled towards a prior. */
function shrink(sum: number, count: number, prior: number, weight: number): number {
  return count + weight > 0 ? (sum + weight * prior) / (count + weight) : prior;
}

function orElse(value: number, fallback: number): number {
  return Number.isNaN(value) ? fallback : value;
}

function usableLimit(invoice: Invoice): number | null {
  const limit = invoice.creditLimit;
  return limit !== null && Number.isFinite(limit) && limit > 0 ? limit : null;
}

function usableScore(invoice: Invoice): number | null {
  const score = invoice.creditScore;
  return score !== null && Number.isFinite(score) ? score : null;
}

/** Still unpaid at the end of its due day (a write-off after the due date counts). */
function unpaidAfterDue(invoice: Invoice): boolean {
  return invoice.settledDate === null || invoice.settledDate > invoice.dueDate;
}

/** The outcome of a settled invoice, written into `out`: no allocation per settlement. */
function settledOutcome(invoice: Invoice, out: SettledOutcome): SettledOutcome {
  out.daysLate = invoice.settledDate! - invoice.dueDate;
  out.disputed = invoice.disputed;
  out.partialPayment = invoice.partialPayment;
  out.reminded = invoice.remindersSent > 0;
  out.paidAfterReminder = invoice.paidAfterReminder === true;
  out.extensionRequested = invoice.extensionRequested;
  return out;
}

interface IssueCalendar {
  month: number;
  dayOfMonth: number;
  monthSin: number;
  monthCos: number;
  monthEnd: number;
  quarterEnd: number;
}

function issueCalendar(day: Day, monthEndDays: number): IssueCalendar {
  const {month, day: dayOfMonth} = calendarParts(day);
  const angle = (2 * Math.PI * (month - 1)) / 12;
  const monthEnd = daysToMonthEnd(day) < monthEndDays ? 1 : 0;
  return {month, dayOfMonth, monthSin: Math.sin(angle), monthCos: Math.cos(angle), monthEnd, quarterEnd: monthEnd && month % 3 === 0 ? 1 : 0};
}

function customerIndex(invoices: readonly Invoice[]): {customerOf: Int32Array; customers: number} {
  const ids = new Map<string, number>();
  const customerOf = new Int32Array(invoices.length);
  for (let i = 0; i < invoices.length; ++i) {
    const id = invoices[i].customerId;
    let c = ids.get(id);
    if (c === undefined) ids.set(id, (c = ids.size));
    customerOf[i] = c;
  }
  return {customerOf, customers: ids.size};
}

// Column layout ------------------------------------------------------------------------------------

const unknownCategory = "Unknown";
const otherCategory = "Other";

interface Vocabulary {
  categories: string[];
  codes: Map<string, number>;
}

/**
 * The categories of a field among the invoices issued before `knownBefore` (all when null), most common
 * first up to `maxCategories` (ties by name); the rest share an "Other" column. A category first seen on
 * or after `knownBefore` goes to "Other" when there is one and otherwise sets no column, as scikit-learn's
 * OneHotEncoder does with handle_unknown="infrequent_if_exist": the columns, and every value of an
 * earlier invoice, are what the training slice could know.
 */
function vocabulary(invoices: readonly Invoice[], field: CategoricalField, maxCategories: number, knownBefore: Day | null): Vocabulary {
  const counts = new Map<string, number>();
  for (const invoice of invoices) {
    if (knownBefore !== null && invoice.invoiceDate >= knownBefore) continue;
    const label = categoryLabel(invoice[field]);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  let categories = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  if (categories.length > maxCategories) categories = [...categories.slice(0, maxCategories - 1), otherCategory];
  const codes = new Map(categories.map((category, k) => [category, k]));
  return {categories, codes};
}

function categoryLabel(value: string | null): string {
  const label = value?.trim();
  return label ? label : unknownCategory;
}

/** The column of a value within its group, or -1 for a category the vocabulary never saw and no "Other". */
function categoryCode(vocabulary: Vocabulary, value: string | null): number {
  return vocabulary.codes.get(categoryLabel(value)) ?? vocabulary.codes.get(otherCategory) ?? -1;
}

interface Layout {
  names: string[];
  groups: FeatureGroup[];
  dropped: DroppedGroup[];
  /** Output column ← scratch position, for the numeric columns. */
  numericTargets: Int32Array;
  numericSources: Int32Array;
  onehots: {offset: number; field: CategoricalField; vocabulary: Vocabulary}[];
}

function featureLayout({invoices, available}: Pick<Ledger, "invoices" | "available">, settings: Required<FeatureOptions>): Layout {
  const names: string[] = [];
  const groups: FeatureGroup[] = [];
  const dropped: DroppedGroup[] = [];
  const targets: number[] = [];
  const sources: number[] = [];
  const onehots: Layout["onehots"] = [];
  for (const spec of groupSpecs) {
    if (spec.needs && !available[spec.needs]) {
      dropped.push({group: spec.name, columns: spec.kind === "onehot" ? [`${spec.name}=*`] : spec.columns, reason: `the ledger has no ${availabilityColumns[spec.needs]} data`});
      continue;
    }
    const offset = names.length;
    if (spec.kind === "onehot") {
      const field = spec.field!;
      const vocab = vocabulary(invoices, field, settings.maxCategories, settings.categoriesKnownBefore);
      names.push(...vocab.categories.map((category) => `${spec.name}=${category}`));
      onehots.push({offset, field, vocabulary: vocab});
      groups.push(group(spec, offset, names, vocab.categories));
    } else {
      for (const column of spec.columns) {
        targets.push(names.length);
        sources.push(numericIndex[column]);
        names.push(column);
      }
      groups.push(group(spec, offset, names));
    }
  }
  return {names, groups, dropped, numericTargets: Int32Array.from(targets), numericSources: Int32Array.from(sources), onehots};
}

function group(spec: GroupSpec, offset: number, names: string[], categories?: string[]): FeatureGroup {
  const columns = Array.from({length: names.length - offset}, (_, k) => offset + k);
  return {name: spec.name, kind: spec.kind, columns, names: names.slice(offset), ...(categories ? {categories} : {})};
}
