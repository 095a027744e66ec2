// The segmentation's rules in words, from the settings and counts segments.json ships: how k was chosen,
// how a cluster's risk level is read, who is left out, which customers the biplot shows, and the hand
// rule the clusters are compared with. The Segments and Methodology pages both print them.
import {formatCount, formatDecimal} from "../core/format.js";
import type {KChoiceFacts as KChoiceFile, KCurve as KCurveFile} from "../pipeline/contract.js";

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
