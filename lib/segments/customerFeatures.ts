// Customer behaviour features for segmentation: how each customer pays, summarised from its cleaned
// invoices as of the report date, and the standardised vector k-means clusters on.
import {addMonths, endOfMonth, startOfMonth} from "../core/dates.js";
import type {Day} from "../core/dates.js";
import {agingBuckets} from "../input/ledger.js";
import type {AgingBucket, Availability, Invoice} from "../input/ledger.js";
import type {Matrix} from "../model/learners/types.js";
import {ascending, mean, sum} from "d3";
import {median, slope, standardDeviation} from "../core/stats.js";

export const customerFeatureKeys = [
  "averageDelay",
  "totalInvoiced",
  "outstanding",
  "onTimeShare",
  "overdueOver30Share",
  "partialPaymentRatio",
  "negotiationFrequency",
  "utilisationVelocity",
  "reminderResponse",
  "paymentConsistency",
  "creditScore",
  "predictedLate"
] as const;

export type CustomerFeatureKey = (typeof customerFeatureKeys)[number];

export interface CustomerFeatureSpec {
  key: CustomerFeatureKey;
  label: string;
  unit: "days" | "currency" | "share" | "per invoice" | "per month" | "score" | "probability";
  /** How the raw value is transformed before standardising. */
  transform: "none" | "log1p" | "signedLog1p";
  /** Whether the feature enters k-means by default. */
  clustering: boolean;
  /** The optional ledger data the feature cannot do without. */
  needs?: keyof Availability;
}

// Clustering inputs, and why. k-means weighs every standardised column equally, so the set decides what
// "similar" means; it is kept to stable payment habits and the account's size:
// - Amounts are log1p-transformed and the average delay sign-preserving log1p-transformed (its spread
//   too): a handful of very large accounts or very late payers would otherwise get clusters of their own.
// - The aging distribution is described (five shares) but not clustered: its shares sum to one, so
//   five columns would be collinear, and even its one-number summary (share over 30 days past due) is
//   zero for most customers (93 % on the synthetic ledger): a snapshot of where the report date falls,
//   not a habit the average delay does not already measure.
// - Utilisation velocity is a trend (where exposure is heading), not a payment habit; it changes sign
//   from one quarter to the next, and is shown beside the segment for monitoring.
// - Response to reminders is undefined for customers never reminded (the best payers); imputing them
//   puts a fifth of customers (on the synthetic ledger) on one made-up value.
// - Credit score and the model's predicted P(late) describe clusters but do not form them: the score is a
//   bureau attribute rather than payment behaviour, and P(late) is itself a function of the behaviour
//   features, so it would count them twice and make segments move whenever the model is retrained.
// `clusterOn` overrides the choice; a feature the ledger cannot supply is dropped and reported either way.
export const customerFeatureSpecs: readonly CustomerFeatureSpec[] = [
  {
    key: "averageDelay",
    label: "Average payment delay",
    unit: "days",
    transform: "signedLog1p",
    clustering: true
  },
  {
    key: "totalInvoiced",
    label: "Total invoiced",
    unit: "currency",
    transform: "log1p",
    clustering: true
  },
  {
    key: "outstanding",
    label: "Outstanding amount",
    unit: "currency",
    transform: "log1p",
    clustering: true
  },
  {
    key: "onTimeShare",
    label: "On-time share",
    unit: "share",
    transform: "none",
    clustering: true
  },
  {
    key: "overdueOver30Share",
    label: "Aging: share over 30 days",
    unit: "share",
    transform: "none",
    clustering: false
  },
  {
    key: "partialPaymentRatio",
    label: "Partial-payment ratio",
    unit: "share",
    transform: "none",
    clustering: true,
    needs: "installments"
  },
  {
    key: "negotiationFrequency",
    label: "Negotiation frequency",
    unit: "per invoice",
    transform: "none",
    clustering: true,
    needs: "extensions"
  },
  {
    key: "utilisationVelocity",
    label: "Credit-utilisation velocity",
    unit: "per month",
    transform: "none",
    clustering: false,
    needs: "creditLimit"
  },
  {
    key: "reminderResponse",
    label: "Response to reminders",
    unit: "share",
    transform: "none",
    clustering: false,
    needs: "reminders"
  },
  {
    key: "paymentConsistency",
    label: "Payment consistency",
    unit: "days",
    transform: "log1p",
    clustering: true
  },
  {
    key: "creditScore",
    label: "Credit score",
    unit: "score",
    transform: "none",
    clustering: false,
    needs: "creditScore"
  },
  {
    key: "predictedLate",
    label: "Predicted P(late)",
    unit: "probability",
    transform: "none",
    clustering: false
  }
];

export const customerFeatureSpec = Object.fromEntries(customerFeatureSpecs.map((spec) => [spec.key, spec])) as Record<
  CustomerFeatureKey,
  CustomerFeatureSpec
>;

/** Raw feature values; null where the customer has no data for it (e.g. never reminded). */
export type CustomerFeatureValues = Record<CustomerFeatureKey, number | null>;

export interface CustomerProfile {
  customerId: string;
  name: string;
  invoiceCount: number;
  settledCount: number;
  /** Raw (untransformed) feature values. */
  features: CustomerFeatureValues;
  /** Share of the open amount per aging bucket (all zero when nothing is open). */
  aging: Record<AgingBucket, number>;
  /** Standardised (transformed, imputed) value of every available feature, clustering or not. */
  z: Partial<Record<CustomerFeatureKey, number>>;
  /** The standardised clustering vector, in `clusteringFeatures` order (empty for thin history). */
  vector: Float64Array;
}

export interface UnavailableFeature {
  key: CustomerFeatureKey;
  reason: string;
}

export interface CustomerFeatureTable {
  /** Customers with enough history, by customer id: the rows of `matrix`. */
  profiles: CustomerProfile[];
  /** Customers with fewer than `minSettled` settled invoices: described, not clustered. */
  thinHistory: CustomerProfile[];
  /** Every feature that could be computed. */
  availableFeatures: CustomerFeatureKey[];
  /** The columns of `matrix` and of each profile's `vector`. */
  clusteringFeatures: CustomerFeatureKey[];
  unavailable: UnavailableFeature[];
  /** Requested clustering features left out because every clustered customer has the same value. */
  constant: CustomerFeatureKey[];
  /** Per feature, how many clustered customers had no value and got the median. */
  imputed: Partial<Record<CustomerFeatureKey, number>>;
  /** Per available feature, the transformed-scale mean and population sd used to standardise. */
  scale: Partial<Record<CustomerFeatureKey, {mean: number; sd: number; median: number}>>;
  /** Standardised clustering vectors, one row per profile. */
  matrix: Matrix;
  minSettled: number;
}

export interface CustomerFeatureOptions {
  /** The report date. */
  asOf: Day;
  /** Fewer settled invoices than this: not clustered (default 5). */
  minSettled?: number;
  /** Mean predicted P(late) per customer id, from the payment model. */
  predictedLate?: ReadonlyMap<string, number>;
  /** What the source ledger carries; a false flag drops the features that need it. */
  available?: Partial<Availability>;
  /** Features to cluster on (default: those whose spec says so); unavailable ones are dropped. */
  clusterOn?: readonly CustomerFeatureKey[];
  /** Month-ends in the utilisation slope (default 12). */
  velocityMonths?: number;
  /** Fewest month-ends a utilisation slope needs (default 3). */
  minVelocityPoints?: number;
}

/** Behaviour features per customer, and the standardised clustering matrix of those with enough history. */
export function customerFeatures(invoices: readonly Invoice[], options: CustomerFeatureOptions): CustomerFeatureTable {
  const {asOf, minSettled = 5, predictedLate, available = {}, velocityMonths = 12, minVelocityPoints = 3} = options;
  const monthEnds = monthEndsBefore(asOf, velocityMonths);
  const byCustomer = groupByCustomer(invoices);
  const profiles: CustomerProfile[] = [];
  const thinHistory: CustomerProfile[] = [];
  for (const [customerId, own] of byCustomer) {
    const profile = describeCustomer(customerId, own, monthEnds, minVelocityPoints, predictedLate);
    (profile.settledCount >= minSettled ? profiles : thinHistory).push(profile);
  }

  const unavailable: UnavailableFeature[] = [];
  const availableFeatures: CustomerFeatureKey[] = [];
  for (const spec of customerFeatureSpecs) {
    const reason = unavailability(spec, available, profiles, predictedLate);
    if (reason) unavailable.push({key: spec.key, reason});
    else availableFeatures.push(spec.key);
  }

  const scale: CustomerFeatureTable["scale"] = {};
  const imputed: CustomerFeatureTable["imputed"] = {};
  for (const key of availableFeatures) {
    const column = profiles.map((p) => transformed(key, p.features[key]));
    const present = column.filter((v): v is number => v !== null);
    const mid = present.length ? median(present) : 0;
    const filled = column.map((v) => v ?? mid);
    const missing = column.length - present.length;
    if (missing) imputed[key] = missing;
    const m = mean(filled) ?? 0;
    // The population deviation (÷ n, as scikit-learn's StandardScaler); d3's deviation divides by n − 1.
    const sd = Math.sqrt(filled.reduce((s, v) => s + (v - m) ** 2, 0) / (filled.length || 1));
    scale[key] = {mean: m, sd, median: mid};
    for (let i = 0; i < profiles.length; ++i) profiles[i].z[key] = sd > 1e-12 ? (filled[i] - m) / sd : 0;
  }

  const requested = options.clusterOn ?? customerFeatureSpecs.filter((s) => s.clustering).map((s) => s.key);
  const clusteringFeatures: CustomerFeatureKey[] = [];
  const constant: CustomerFeatureKey[] = [];
  for (const key of requested) {
    if (!availableFeatures.includes(key) || clusteringFeatures.includes(key)) continue;
    // A constant column carries no information and only adds a zero dimension.
    if (!(scale[key]!.sd > 1e-12)) {
      constant.push(key);
      continue;
    }
    clusteringFeatures.push(key);
  }

  const cols = clusteringFeatures.length;
  const values = new Float64Array(profiles.length * cols);
  profiles.forEach((profile, i) => {
    profile.vector = Float64Array.from(clusteringFeatures, (key) => profile.z[key]!);
    values.set(profile.vector, i * cols);
  });

  return {
    profiles,
    thinHistory,
    availableFeatures,
    clusteringFeatures,
    unavailable,
    constant,
    imputed,
    scale,
    matrix: {values, rows: profiles.length, cols},
    minSettled
  };
}

function transformed(key: CustomerFeatureKey, value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  switch (customerFeatureSpec[key].transform) {
    case "log1p":
      return Math.log1p(Math.max(0, value));
    case "signedLog1p":
      return Math.sign(value) * Math.log1p(Math.abs(value));
    default:
      return value;
  }
}

function unavailability(
  spec: CustomerFeatureSpec,
  available: Partial<Availability>,
  profiles: readonly CustomerProfile[],
  predictedLate: ReadonlyMap<string, number> | undefined
): string | undefined {
  if (spec.key === "predictedLate" && !predictedLate) return "no model predictions were passed in";
  if (spec.needs && available[spec.needs] === false) return `the ledger has no ${columnWords[spec.needs]} column`;
  if (profiles.length && profiles.every((p) => p.features[spec.key] === null)) {
    return spec.needs ? `no customer has ${columnWords[spec.needs]} data` : "no customer has a value";
  }
  return undefined;
}

const columnWords: Record<keyof Availability, string> = {
  industry: "industry",
  region: "region",
  creditScore: "credit score",
  creditLimit: "credit limit",
  customerSince: "customer-since date",
  disputes: "dispute",
  reminders: "reminder",
  extensions: "extension-request",
  installments: "instalment"
};

function groupByCustomer(invoices: readonly Invoice[]): Map<string, Invoice[]> {
  const groups = new Map<string, Invoice[]>();
  for (const invoice of invoices) {
    const group = groups.get(invoice.customerId);
    if (group) group.push(invoice);
    else groups.set(invoice.customerId, [invoice]);
  }
  // Customers by id and each one's invoices by date and id, so that neither the profile order nor the
  // floating-point sums (and so nothing clustered from them) depend on file order.
  for (const group of groups.values()) group.sort((a, b) => a.invoiceDate - b.invoiceDate || ascending(a.invoiceId, b.invoiceId));
  return new Map([...groups].sort(([a], [b]) => ascending(a, b)));
}


/** The last `count` month-ends on or before `asOf`, oldest first. */
export function monthEndsBefore(asOf: Day, count: number): Day[] {
  const last = endOfMonth(asOf) === asOf ? asOf : startOfMonth(asOf) - 1;
  const ends: Day[] = [];
  for (let back = count - 1; back >= 0; --back) ends.push(endOfMonth(addMonths(startOfMonth(last), -back)));
  return ends;
}

function describeCustomer(
  customerId: string,
  invoices: readonly Invoice[],
  monthEnds: readonly Day[],
  minVelocityPoints: number,
  predictedLate: ReadonlyMap<string, number> | undefined
): CustomerProfile {
  let latest = invoices[0];
  let total = 0, outstanding = 0, partial = 0, extensions = 0;
  let settledAmount = 0, weightedDelay = 0, onTime = 0, reminded = 0, responded = 0;
  const delays: number[] = [];
  const agingAmount = Object.fromEntries(agingBuckets.map((b) => [b, 0])) as Record<AgingBucket, number>;
  let creditLimit: number | null = null, creditScore: number | null = null, limitDate = -Infinity, scoreDate = -Infinity;
  for (const invoice of invoices) {
    if (invoice.invoiceDate >= latest.invoiceDate) latest = invoice;
    if (invoice.creditLimit !== null && invoice.invoiceDate >= limitDate) [creditLimit, limitDate] = [invoice.creditLimit, invoice.invoiceDate];
    if (invoice.creditScore !== null && invoice.invoiceDate >= scoreDate) [creditScore, scoreDate] = [invoice.creditScore, invoice.invoiceDate];
    total += invoice.amount;
    outstanding += invoice.openAmount;
    if (invoice.partialPayment) ++partial;
    if (invoice.extensionRequested) ++extensions;
    if (invoice.agingBucket !== null) agingAmount[invoice.agingBucket] += invoice.openAmount;
    if (invoice.daysLate === null) continue;
    delays.push(invoice.daysLate);
    settledAmount += invoice.amount;
    weightedDelay += invoice.amount * invoice.daysLate;
    if (invoice.paidLate === false) ++onTime;
    if (invoice.paidAfterReminder !== null) {
      ++reminded;
      if (invoice.paidAfterReminder) ++responded;
    }
  }
  const settled = delays.length;
  const openTotal = sum(agingBuckets, (b) => agingAmount[b]);
  const aging = Object.fromEntries(agingBuckets.map((b) => [b, openTotal > 0 ? agingAmount[b] / openTotal : 0])) as Record<AgingBucket, number>;
  const features: CustomerFeatureValues = {
    averageDelay: settled ? (settledAmount > 0 ? weightedDelay / settledAmount : mean(delays) ?? NaN) : null,
    totalInvoiced: total,
    outstanding,
    onTimeShare: settled ? onTime / settled : null,
    overdueOver30Share: aging["31–60"] + aging["61–90"] + aging["90+"],
    partialPaymentRatio: partial / invoices.length,
    negotiationFrequency: extensions / invoices.length,
    utilisationVelocity: creditLimit !== null && creditLimit > 0 ? utilisationVelocity(invoices, creditLimit, monthEnds, minVelocityPoints) : null,
    reminderResponse: reminded ? responded / reminded : null,
    paymentConsistency: settled >= 2 ? standardDeviation(delays) : null,
    creditScore,
    predictedLate: predictedLate?.get(customerId) ?? null
  };
  return {
    customerId,
    name: latest.customerName,
    invoiceCount: invoices.length,
    settledCount: settled,
    features,
    aging,
    z: {},
    vector: new Float64Array(0)
  };
}


/**
 * Slope of month-end utilisation per month. Month-ends before the customer's first invoice are skipped,
 * since a new account's climb from zero is not a change in behaviour. The ledger keeps only the last
 * payment, so an invoice counts in full until its last payment date (earlier instalments are unseen).
 */
export function utilisationVelocity(
  invoices: readonly Invoice[],
  creditLimit: number,
  monthEnds: readonly Day[],
  minPoints = 3
): number | null {
  let first = Infinity;
  for (const invoice of invoices) first = Math.min(first, invoice.invoiceDate);
  const months: number[] = [];
  const utilisation: number[] = [];
  monthEnds.forEach((day, index) => {
    if (day < first) return;
    months.push(index);
    utilisation.push(openBalanceAt(invoices, day) / creditLimit);
  });
  return months.length >= minPoints ? slope(months, utilisation) : null;
}

/** The customer's open balance at the end of `day`. */
export function openBalanceAt(invoices: readonly Invoice[], day: Day): number {
  let balance = 0;
  for (const invoice of invoices) {
    if (invoice.invoiceDate > day) continue;
    if (invoice.settledDate !== null && invoice.settledDate <= day) continue;
    const received = invoice.lastPaymentDate !== null && invoice.lastPaymentDate <= day ? invoice.paidAmount : 0;
    balance += Math.max(0, invoice.amount - received);
  }
  return balance;
}
