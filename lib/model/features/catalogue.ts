// The feature catalogue: every column the feature builder can produce, grouped into the units that
// permutation importance permutes together and that explanations put into words, with the optional
// ledger column each group needs.
import type {Availability} from "../../input/ledger.js";

/** Numeric columns, in output order (one-hot columns are inserted where their groups stand). */
export const numericColumns = [
  "logAmount",
  "amountToLimit",
  "creditLimitMissing",
  "termsDays",
  "creditScore",
  "creditScoreMissing",
  "monthSin",
  "monthCos",
  "dayOfMonth",
  "monthEnd",
  "quarterEnd",
  "tenureYears",
  "tenureMissing",
  "logOpenBalance",
  "openCount",
  "logOverdueBalance",
  "overdueCount",
  "utilisation",
  "logPriorSettled",
  "noHistory",
  "lateRate",
  "recentLateRate",
  "meanDaysLate",
  "sdDaysLate",
  "lastDaysLate",
  "daysLateTrend",
  "priorDisputes",
  "priorDisputeShare",
  "priorPartialPayments",
  "priorPartialShare",
  "priorReminderShare",
  "reminderResponse",
  "priorExtensions",
  "priorExtensionShare"
] as const;

export type NumericColumn = (typeof numericColumns)[number];

/** Position of each numeric column in a scratch row of all of them. */
export const numericIndex = Object.fromEntries(numericColumns.map((name, i) => [name, i])) as Record<NumericColumn, number>;

export type CategoricalField = "industry" | "region";

export interface GroupSpec {
  name: string;
  kind: "numeric" | "onehot";
  /** Plain-words meaning; {placeholders} are filled from the feature options. */
  description: string;
  columns: readonly NumericColumn[];
  /** The categorical invoice field a one-hot group encodes. */
  field?: CategoricalField;
  /** The optional ledger data the group cannot do without. */
  needs?: keyof Availability;
}

export const groupSpecs: readonly GroupSpec[] = [
  {name: "amount", kind: "numeric", columns: ["logAmount"], description: "Invoice amount (log of 1 + amount)."},
  {
    name: "amountToLimit",
    kind: "numeric",
    columns: ["amountToLimit", "creditLimitMissing"],
    needs: "creditLimit",
    description: "Invoice amount as a share of the customer's credit limit; where the limit is missing, the median share of earlier invoices, flagged."
  },
  {name: "terms", kind: "numeric", columns: ["termsDays"], description: "Payment terms: days from invoice date to due date."},
  {
    name: "creditScore",
    kind: "numeric",
    columns: ["creditScore", "creditScoreMissing"],
    needs: "creditScore",
    description: "Customer's credit score; where missing, the median score of earlier invoices, flagged."
  },
  {name: "industry", kind: "onehot", columns: [], field: "industry", needs: "industry", description: "Customer's industry (one column per industry)."},
  {name: "region", kind: "onehot", columns: [], field: "region", needs: "region", description: "Customer's region (one column per region)."},
  {name: "month", kind: "numeric", columns: ["monthSin", "monthCos"], description: "Month of issue, on a circle so that December sits next to January."},
  {name: "dayOfMonth", kind: "numeric", columns: ["dayOfMonth"], description: "Day of the month the invoice was issued."},
  {name: "monthEnd", kind: "numeric", columns: ["monthEnd"], description: "1 if issued in the last {monthEndDays} days of a month."},
  {name: "quarterEnd", kind: "numeric", columns: ["quarterEnd"], description: "1 if issued in the last {monthEndDays} days of a quarter."},
  {
    name: "tenure",
    kind: "numeric",
    columns: ["tenureYears", "tenureMissing"],
    needs: "customerSince",
    description: "Years since the account was opened; where unknown, years since the customer's first invoice in the ledger, flagged."
  },
  {
    name: "openBalance",
    kind: "numeric",
    columns: ["logOpenBalance", "openCount"],
    description: "Customer's invoices issued earlier and still unsettled at the invoice date: log of 1 + their amount, and their count."
  },
  {
    name: "overdue",
    kind: "numeric",
    columns: ["logOverdueBalance", "overdueCount"],
    description: "Of those open invoices, the ones already past due at the invoice date: log of 1 + amount, and count."
  },
  {
    name: "utilisation",
    kind: "numeric",
    columns: ["utilisation"],
    needs: "creditLimit",
    description: "Credit utilisation at the invoice date: open balance ÷ credit limit."
  },
  {
    name: "history",
    kind: "numeric",
    columns: ["logPriorSettled", "noHistory"],
    description: "How many of the customer's invoices were settled before the invoice date (log of 1 + count), and a flag for none."
  },
  {
    name: "lateRate",
    kind: "numeric",
    columns: ["lateRate", "recentLateRate"],
    description: "Share of the customer's earlier settled invoices paid late, overall and over the last {recentWindow}, shrunk towards the ledger-wide rate by {priorWeight} invoices' weight."
  },
  {
    name: "daysLate",
    kind: "numeric",
    columns: ["meanDaysLate"],
    description: "Average days late (negative: early) of the customer's earlier settled invoices, shrunk towards the ledger-wide average."
  },
  {
    name: "daysLateSpread",
    kind: "numeric",
    columns: ["sdDaysLate"],
    description: "Spread (standard deviation) of those days late, shrunk towards the ledger-wide spread."
  },
  {
    name: "lastDaysLate",
    kind: "numeric",
    columns: ["lastDaysLate"],
    description: "Days late of the customer's most recently settled invoice (the ledger-wide average when there is none)."
  },
  {
    name: "trend",
    kind: "numeric",
    columns: ["daysLateTrend"],
    description: "Mean days late of the last {trendWindow} settled invoices minus the mean of all earlier ones (0 with too little history)."
  },
  {
    name: "disputes",
    kind: "numeric",
    columns: ["priorDisputes", "priorDisputeShare"],
    needs: "disputes",
    description: "Earlier settled invoices the customer disputed: count and share."
  },
  {
    name: "partialPayments",
    kind: "numeric",
    columns: ["priorPartialPayments", "priorPartialShare"],
    needs: "installments",
    description: "Earlier settled invoices paid in instalments: count and share."
  },
  {
    name: "reminders",
    kind: "numeric",
    columns: ["priorReminderShare"],
    needs: "reminders",
    description: "Share of the customer's earlier settled invoices that needed a reminder."
  },
  {
    name: "reminderResponse",
    kind: "numeric",
    columns: ["reminderResponse"],
    needs: "reminders",
    description: "Share of reminded earlier invoices paid soon after a reminder, shrunk towards the ledger-wide share."
  },
  {
    name: "extensions",
    kind: "numeric",
    columns: ["priorExtensions", "priorExtensionShare"],
    needs: "extensions",
    description: "Earlier settled invoices on which the customer asked for more time: count and share."
  }
];

/** The raw columns behind each optional attribute, for saying why a group was dropped. */
export const availabilityColumns: Record<keyof Availability, string> = {
  industry: "industry",
  region: "region",
  creditScore: "credit_score",
  creditLimit: "credit_limit",
  customerSince: "customer_since",
  disputes: "disputed",
  reminders: "reminders_sent",
  extensions: "extension_requested",
  installments: "installments"
};

/**
 * Untransformed per-invoice values behind the features, for explanations in plain words. NaN where
 * there is nothing to say (no credit limit, no history…); history values are never shrunk or imputed.
 */
export const rawValueNames = [
  "amount",
  "creditLimit",
  "amountToLimit",
  "termsDays",
  "creditScore",
  "tenureDays",
  "month",
  "dayOfMonth",
  "monthEnd",
  "quarterEnd",
  "openBalance",
  "openCount",
  "overdueBalance",
  "overdueCount",
  "utilisation",
  "priorSettled",
  "priorLate",
  "recentCount",
  "recentLate",
  "meanDaysLate",
  "sdDaysLate",
  "lastDaysLate",
  "daysLateTrend",
  "priorDisputes",
  "priorPartialPayments",
  "priorReminded",
  "priorPaidAfterReminder",
  "priorExtensions"
] as const;

export type RawValueName = (typeof rawValueNames)[number];
