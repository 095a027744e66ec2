// The feature catalogue: every column the feature builder can produce, grouped into the units that
// permutation importance permutes together and that explanations put into words, with the optional
// ledger column each group needs. What each group means, in words, is lib/views/definitions/model.ts
// `featureGroupDescription`: the pages write it; model.json ships the group names and feature options.
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
  columns: readonly NumericColumn[];
  /** The categorical invoice field a one-hot group encodes. */
  field?: CategoricalField;
  /** The optional ledger data the group cannot do without. */
  needs?: keyof Availability;
}

export const groupSpecs: readonly GroupSpec[] = [
  {name: "amount", kind: "numeric", columns: ["logAmount"]},
  {name: "amountToLimit", kind: "numeric", columns: ["amountToLimit", "creditLimitMissing"], needs: "creditLimit"},
  {name: "terms", kind: "numeric", columns: ["termsDays"]},
  {name: "creditScore", kind: "numeric", columns: ["creditScore", "creditScoreMissing"], needs: "creditScore"},
  {name: "industry", kind: "onehot", columns: [], field: "industry", needs: "industry"},
  {name: "region", kind: "onehot", columns: [], field: "region", needs: "region"},
  {name: "month", kind: "numeric", columns: ["monthSin", "monthCos"]},
  {name: "dayOfMonth", kind: "numeric", columns: ["dayOfMonth"]},
  {name: "monthEnd", kind: "numeric", columns: ["monthEnd"]},
  {name: "quarterEnd", kind: "numeric", columns: ["quarterEnd"]},
  {name: "tenure", kind: "numeric", columns: ["tenureYears", "tenureMissing"], needs: "customerSince"},
  {name: "openBalance", kind: "numeric", columns: ["logOpenBalance", "openCount"]},
  {name: "overdue", kind: "numeric", columns: ["logOverdueBalance", "overdueCount"]},
  {name: "utilisation", kind: "numeric", columns: ["utilisation"], needs: "creditLimit"},
  {name: "history", kind: "numeric", columns: ["logPriorSettled", "noHistory"]},
  {name: "lateRate", kind: "numeric", columns: ["lateRate", "recentLateRate"]},
  {name: "daysLate", kind: "numeric", columns: ["meanDaysLate"]},
  {name: "daysLateSpread", kind: "numeric", columns: ["sdDaysLate"]},
  {name: "lastDaysLate", kind: "numeric", columns: ["lastDaysLate"]},
  {name: "trend", kind: "numeric", columns: ["daysLateTrend"]},
  {name: "disputes", kind: "numeric", columns: ["priorDisputes", "priorDisputeShare"], needs: "disputes"},
  {name: "partialPayments", kind: "numeric", columns: ["priorPartialPayments", "priorPartialShare"], needs: "installments"},
  {name: "reminders", kind: "numeric", columns: ["priorReminderShare"], needs: "reminders"},
  {name: "reminderResponse", kind: "numeric", columns: ["reminderResponse"], needs: "reminders"},
  {name: "extensions", kind: "numeric", columns: ["priorExtensions", "priorExtensionShare"], needs: "extensions"}
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
