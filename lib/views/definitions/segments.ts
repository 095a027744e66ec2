// The segmentation's words: what each customer behaviour feature means, the treatment each quadrant calls
// for, and the rules the stage follows — how k was chosen, how a cluster's risk level is read, who is left
// out, which customers the biplot shows, and the hand rule the clusters are compared with, from the
// settings and counts segments.json ships. The Segments, Strategy and Methodology pages print them.
import {formatCount, formatDecimal} from "../../core/format.js";
import type {KChoiceFacts as KChoiceFile, KCurve as KCurveFile} from "../../pipeline/contract.js";
import type {CustomerFeatureKey} from "../../segments/customerFeatures.js";
import type {SegmentLetter} from "../../segments/letters.js";

// Customer features and quadrants (segments.json `features`, `proposals`) ---------------------------------

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

// The rules, in words, from the numbers segments.json ships -----------------------------------------------

/** How k was chosen: the elbow, checked against the mean silhouette. */
export function kChoiceRule(curve: Pick<KCurveFile, "k" | "inertia" | "silhouette">, choice: Pick<KChoiceFile, "k" | "elbowK" | "silhouetteK" | "decidedBy" | "minSilhouette">): string {
  const s = (k: number) => formatDecimal(curve.silhouette[curve.k.indexOf(k)], 2);
  const {k, elbowK, silhouetteK, minSilhouette} = choice;
  const rule = `Elbow of the inertia curve over k = ${Math.min(...curve.k)}–${Math.max(...curve.k)} (the point farthest from the chord between its ends): k = ${elbowK}. `;
  if (elbowK === silhouetteK) return `${rule}The mean silhouette is also highest there (${s(k)}): k = ${k}.`;
  if (choice.decidedBy === "elbow") {
    return `${rule}The mean silhouette is highest at k = ${silhouetteK} (${s(silhouetteK)}); at the elbow it is ${s(elbowK)}, above the ${minSilhouette} floor, so the elbow stands: k = ${k}.`;
  }
  return `${rule}Its mean silhouette (${s(elbowK)}) is below the ${minSilhouette} floor, so the best-silhouette k is used: k = ${k} (${s(k)}).`;
}

/** How a cluster's risk level is read off its mean P(late) (segments.json `riskLevels`). */
export function riskLevelRule({low, high}: {low: number; high: number}, score = "predicted P(late)"): string {
  return `Risk level: the cluster's mean ${score} over its invoices against the mean over all clustered customers' invoices — below ${low}× Low, above ${high}× High, otherwise Medium.`;
}

/** Who is left out of the clustering. */
export function thinHistoryRule(minSettled: number): string {
  return `Customers with fewer than ${minSettled} settled invoices are described but not clustered.`;
}

/** Which customers the biplot shows when it shows a sample of them; null when it shows all. */
export function pcaCapRule(pca: {capped: boolean; points: {length: number}}, clustered: number): string | null {
  return pca.capped ? `${formatCount(pca.points.length)} of ${formatCount(clustered)} clustered customers, chosen by a seeded hash of the customer id.` : null;
}

/** The hand rule the clusters are compared with. */
export function ruleRatingRule({lateDelayDays, valueThreshold}: {lateDelayDays: number; valueThreshold: number | null}): string {
  return (
    `High risk: amount-weighted average delay over ${lateDelayDays} days. ` +
    `High value: total invoiced above the median customer's (${formatCount(valueThreshold)}). ` +
    "A = low risk, high value; B = high risk, high value; C = low risk, low value; D = high risk, low value."
  );
}

/** Why a ledger was not segmented. */
export function unsegmentedReason(file: {customers: {clustered: number}; thinHistory: {minSettled: number}; clusteringFeatures: readonly string[]; minCustomers: number}): string {
  const n = file.customers.clustered, features = file.clusteringFeatures.length;
  const who = n === 1 ? "Only one customer has" : `Only ${formatCount(n)} customers have`;
  const usable = features === 1 ? "one usable feature" : `${features ? formatCount(features) : "no"} usable features`;
  return `${who} ${file.thinHistory.minSettled} or more settled invoices and ${usable}; segmentation needs at least ${file.minCustomers} customers and one feature.`;
}
