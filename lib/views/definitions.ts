// The report's fixed wording: what each KPI, model feature, customer feature, strategy and segment
// proposal means, and the rules the stages follow, keyed by the names the data files carry. The stages
// ship keys and numbers (lib/pipeline/contract.ts); the pages put these words beside them. A rule whose
// wording holds a setting takes it from the file (`featureGroupDescription` reads the feature options
// model.json ships), so no sentence states a number the data does not.
import type {CardKey, FeatureOptionsSection} from "../pipeline/contract.js";
import type {CustomerFeatureKey} from "../segments/customerFeatures.js";
import type {SegmentLetter} from "../segments/letters.js";
import type {StrategyKey} from "../portfolio/strategy.js";

// KPIs (kpis.json `cards`, lib/portfolio/kpi.ts) --------------------------------------------------------

/** How each KPI card's figure is computed (lib/portfolio/kpi.ts). */
export const kpiFormulas: Record<CardKey, string> = {
  dso: "Receivables at the date are counted back against sales month by month, most recent first (the current month to date, then full calendar months): each month whose sales are fully absorbed adds its days; the last month adds (remaining receivables ÷ its sales) × its days.",
  bestPossibleDso: "The same countback applied to current (not yet due) receivables only, so that DSO − BPDSO is never negative.",
  averageDaysDelinquent: "ADD = DSO − best possible DSO: the days that overdue receivables add.",
  collectionEffectivenessIndex:
    "CEI = (beginning AR + sales − ending total AR) ÷ (beginning AR + sales − ending current AR) × 100, over the month ending at the date. Write-offs leave AR without cash and so count as collected, as in the standard formula.",
  turnover: "Sales over the 12 months ending at the date ÷ average AR, the mean of the 13 month-end balances from 12 months before the date to the date.",
  atRiskRate: "Share of open receivables more than 30 days past due (aging buckets 31–60, 61–90 and 90+).",
  receivables: "Sum of amounts still owed at the end of the date.",
  overdueShare: "Share of open receivables past their due date (every aging bucket but Current)."
};

/** How kpis.json's `agingShift` rows are projected (lib/portfolio/riskOutlook.ts). */
export const agingShiftRule =
  "No new invoices; each open invoice ages by the horizon and stays open with its probability of being neither paid nor written off by then (payment-timing model).";

// Model (model.json, lib/model/) ------------------------------------------------------------------------

/** How the time split keeps labels final (lib/model/split.ts). */
export const splitRule =
  "Invoices are split by invoice date. Each slice keeps only invoices whose due date had passed by the slice's cutoff, " +
  "so every label is final when it is used and no training label uses anything that happened later.";

/** What a feature may know (lib/model/features/). */
export const featureRule =
  "Every feature of an invoice is known on its invoice date: customer history counts only invoices settled before that day, " +
  "open and overdue balances only invoices issued before it; nothing about the invoice's own payment is used.";

/** Why the production model keeps the validation slice's calibration (lib/model/index.ts). */
export const productionCalibrationRule =
  "The production model reuses the calibration mapping fitted on the validation slice for the same family and variant: every labelled " +
  "invoice is in its training data, so none is left to refit the mapping on. meanPLate next to lateRate (both over the production rows) shows whether it still fits.";

/** Each feature group of lib/model/features/catalogue.ts in plain words; {placeholders} name feature options. */
const featureGroupDescriptions: Record<string, string> = {
  amount: "Invoice amount (log of 1 + amount).",
  amountToLimit: "Invoice amount as a share of the customer's credit limit; where the limit is missing, the median share of earlier invoices, flagged.",
  terms: "Payment terms: days from invoice date to due date.",
  creditScore: "Customer's credit score; where missing, the median score of earlier invoices, flagged.",
  industry: "Customer's industry (one column per industry).",
  region: "Customer's region (one column per region).",
  month: "Month of issue, on a circle so that December sits next to January.",
  dayOfMonth: "Day of the month the invoice was issued.",
  monthEnd: "1 if issued in the last {monthEndDays} days of a month.",
  quarterEnd: "1 if issued in the last {monthEndDays} days of a quarter.",
  tenure: "Years since the account was opened; where unknown, years since the customer's first invoice in the ledger, flagged.",
  openBalance: "Customer's invoices issued earlier and still unsettled at the invoice date: log of 1 + their amount, and their count.",
  overdue: "Of those open invoices, the ones already past due at the invoice date: log of 1 + amount, and count.",
  utilisation: "Credit utilisation at the invoice date: open balance ÷ credit limit.",
  history: "How many of the customer's invoices were settled before the invoice date (log of 1 + count), and a flag for none.",
  lateRate: "Share of the customer's earlier settled invoices paid late, overall and over the last {recentWindow}, shrunk towards the ledger-wide rate by {priorWeight} invoices' weight.",
  daysLate: "Average days late (negative: early) of the customer's earlier settled invoices, shrunk towards the ledger-wide average.",
  daysLateSpread: "Spread (standard deviation) of those days late, shrunk towards the ledger-wide spread.",
  lastDaysLate: "Days late of the customer's most recently settled invoice (the ledger-wide average when there is none).",
  trend: "Mean days late of the last {trendWindow} settled invoices minus the mean of all earlier ones (0 with too little history).",
  disputes: "Earlier settled invoices the customer disputed: count and share.",
  partialPayments: "Earlier settled invoices paid in instalments: count and share.",
  reminders: "Share of the customer's earlier settled invoices that needed a reminder.",
  reminderResponse: "Share of reminded earlier invoices paid soon after a reminder, shrunk towards the ledger-wide share.",
  extensions: "Earlier settled invoices on which the customer asked for more time: count and share."
};

/** A feature group in plain words, its settings filled in from model.json's `features.options`; "" for an unknown group. */
export function featureGroupDescription(group: string, options: FeatureOptionsSection): string {
  const text = featureGroupDescriptions[group] ?? "";
  return text.replace(/\{(\w+)\}/g, (match, key: string) => (key in options ? String(options[key as keyof FeatureOptionsSection]) : match));
}

// Segments (segments.json `features`, `proposals`; lib/segments/) ---------------------------------------

/** Each customer behaviour feature in one line (lib/segments/customerFeatures.ts). */
export const customerFeatureDefinitions: Record<CustomerFeatureKey, string> = {
  averageDelay: "Amount-weighted mean of days late over settled invoices (negative: paid early); clustered as sign × log of 1 + |days|.",
  totalInvoiced: "Sum of all invoice amounts in the ledger (clustered as log of 1 + amount).",
  outstanding: "Sum of open amounts at the report date (clustered as log of 1 + amount).",
  onTimeShare: "Share of settled invoices paid on or before the due date.",
  overdueOver30Share: "Aging distribution of the open amount (Current, 1–30, 31–60, 61–90, 90+), summarised as the share more than 30 days past due.",
  partialPaymentRatio: "Share of invoices paid in instalments or partly paid and still open.",
  negotiationFrequency: "Extension requests per invoice.",
  utilisationVelocity: "Least-squares slope of month-end utilisation (open balance ÷ credit limit) over the last 12 months, per month.",
  reminderResponse: "Of settled invoices that got a reminder, the share paid within the reminder window.",
  paymentConsistency: "Standard deviation of days late over settled invoices (lower: more predictable); clustered as log of 1 + days.",
  creditScore: "The customer's latest credit score (300–850).",
  predictedLate: "The payment model's mean predicted probability that the customer's invoices are paid late."
};

/** segments.json's features with their one-line definitions, for the tables that list them. */
export function withDefinitions<F extends {key: CustomerFeatureKey}>(features: readonly F[]): (F & {definition: string})[] {
  return features.map((f) => ({...f, definition: customerFeatureDefinitions[f.key]}));
}

/** The collections treatment each risk × value quadrant calls for (lib/segments/naming.ts). */
export const quadrantActions: Record<SegmentLetter, string> = {
  A: "Reward and keep them: light-touch contact, a named account owner, early-payment discounts or better terms.",
  B: "Focused manual follow-up before and after due dates; secure the exposure (guarantees, credit insurance, staged deliveries).",
  C: "Automate: a standard reminder sequence and self-service payment links.",
  D: "Tighten credit: lower limits or prepayment, monitor closely and escalate early."
};

/** A proposal's action: its quadrant's, or for customers too new to segment (letter null) the invoice-level strategy. */
export function proposalAction(letter: SegmentLetter | null): string {
  return letter ? quadrantActions[letter] : "Apply the invoice-level strategy until enough history has built up to segment the customer.";
}

// Scenarios (scenario.json `forecast`; lib/portfolio/forecast.ts, lib/views/scenarios.ts) ---------------

/** How a scenario's band is drawn (lib/views/scenarios.ts `scenarioForecastRows`). */
export const scenarioBandRule =
  "A scenario's band is the baseline band shifted, week by week, by the scenario's change in expected cash (scenario − baseline); re-simulating per slider move is too slow.";

// Strategy and worklist (strategy.json, worklist.json; lib/portfolio/) ----------------------------------

/** What each strategy is for (lib/portfolio/strategy.ts `strategyDefinitions` holds its actions). */
export const strategySummaries: Record<StrategyKey, string> = {
  loyalty: "Reward reliable, valuable customers: offer longer terms or an early-payment discount; keep contact light.",
  standard: "The existing process: statement and the standard overdue notice.",
  reminders: "Automated reminders before and after the due date; escalate to a person if still unpaid after two weeks.",
  followUp: "A named AR specialist owns the invoice: personal pre-due contact, calls after due, a payment plan if needed.",
  restrict: "Secure the exposure: prepayment or deposit on new orders, early calls, credit hold when overdue."
};

/** The worklist order (lib/portfolio/worklistOrder.ts `compareWorklistPriority`). */
export const worklistPriorityRule = "Highest expected late amount (P(late) × open amount) first; ties by most days overdue, then by invoice id.";
