// The Segments page's sentences, written from segments.json so that the words follow the data: the lede,
// the chart titles that state each finding, and the comparison with the rule-based rating. The file
// already carries each cluster's summary and the three headline observations; these add what the page
// needs around them.
import {formatCount, formatDays, formatDecimal, formatMoney, formatPercent} from "../core/format.js";
import {listWords as joinAnd} from "../core/text.js";
import type {ClusterRow as ClusterFile, KChoiceFacts as KChoiceFile, KCurve as KCurveFile, PcaLoadingRow, RatingAgreementSection} from "../pipeline/contract.js";
import {thresholds} from "./thresholds.js";

/** The fields of a cluster row (segments.json → perK[i].clusters[j]) this module reads. */
export type ClusterRow = Pick<ClusterFile, "cluster" | "letter" | "name" | "label" | "proposal" | "customers" | "invoices" | "invoicedAmount" | "amountShare" | "customerShare" | "outstanding" | "outstandingShare" | "meanPLate" | "riskLevel" | "means">;

export type KCurve = Pick<KCurveFile, "k" | "inertia" | "silhouette">;

export type KChoiceFacts = Pick<KChoiceFile, "k" | "elbowK" | "silhouetteK" | "decidedBy">;

export type Loading = PcaLoadingRow;

export type Agreement = RatingAgreementSection;

const numberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/** "four" for 4; digits above twelve. */
export function countWord(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < numberWords.length ? numberWords[n] : formatCount(n);
}

export {listWords as joinAnd} from "../core/text.js";

/** "Low risk · High value" → "low risk, high value" (for use inside a sentence). */
export function quadrantPhrase(label: string): string {
  return label
    .split("·")
    .map((part) => part.trim().toLowerCase())
    .join(", ");
}

const finite = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);

function largest<T>(rows: readonly T[], value: (row: T) => number | null | undefined): T | undefined {
  let best: T | undefined, bestValue = -Infinity;
  for (const row of rows) {
    const v = value(row);
    if (finite(v) && v > bestValue) [best, bestValue] = [row, v];
  }
  return best;
}

/** "pays 41.0 days late" / "pays 2.5 days early" from an amount-weighted average delay. */
export function delayPhrase(days: number | null | undefined, subject: "pays" | "pay" = "pay"): string | null {
  if (!finite(days)) return null;
  return `${subject} ${formatDays(Math.abs(days))} ${days > 0 ? "late" : "early"} on average`;
}

export interface LedeInput {
  customers: {clustered: number; total: number};
  minSettled: number;
  k: number;
  clusters: readonly ClusterRow[];
  currency: string;
  /** Whether k is the rule's choice (the lede then says so). */
  chosen?: boolean;
  /** Which criterion settled k (default the elbow). */
  decidedBy?: "elbow" | "silhouette";
  /** The invoice score in words, by where risk comes from (lib/views/risk.ts); default "predicted P(late)". */
  score?: string;
}

/**
 * The page's lede: how many behaviour groups, what they are, where the open amount sits and where the
 * riskiest money is.
 */
export function segmentsLede({customers, minSettled, k, clusters, currency, chosen = true, decidedBy = "elbow", score = "predicted P(late)"}: LedeInput): string {
  const money = (v: number | null) => formatMoney(v, {currency});
  const groups = clusters.map((c) => `${c.name} (${quadrantPhrase(c.label)}, ${formatCount(c.customers)} ${c.customers === 1 ? "customer" : "customers"})`);
  const sentences = [
    `${formatCount(customers.clustered)} of the ${formatCount(customers.total)} customers have at least ${countWord(minSettled)} settled invoices, ` +
      `enough history to group by how they pay; ${!chosen ? "at this k there are" : decidedBy === "elbow" ? "the elbow rule finds" : "the silhouette check finds"} ${countWord(k)} behaviour groups: ${joinAnd(groups)}.`
  ];
  const exposure = largest(clusters, (c) => c.outstanding);
  const open = exposure !== undefined && exposure.outstanding! > 0;
  if (exposure && !open) sentences.push("None of them has anything open at the report date.");
  else if (exposure && finite(exposure.outstandingShare)) {
    const steady = exposure.riskLevel === "Low" ? `, and its customers pay reliably (mean ${score} ${formatPercent(exposure.meanPLate)})` : "";
    const where = exposure.outstandingShare > thresholds.mostlyShare.value ? "sits mostly with" : "sits in no one group: the largest part is with";
    sentences.push(
      `The open amount ${where} ${exposure.name}: ${money(exposure.outstanding)}, ${formatPercent(exposure.outstandingShare, 0)} of it, ` +
        `from ${formatPercent(exposure.customerShare, 0)} of the customers${steady}.`
    );
  }
  const riskiest = largest(clusters, (c) => c.meanPLate);
  if (open && riskiest && riskiest !== exposure && finite(riskiest.outstanding)) {
    const delay = delayPhrase(riskiest.means.averageDelay);
    sentences.push(
      `The riskiest money is ${riskiest.name}’s ${money(riskiest.outstanding)} (${formatPercent(riskiest.outstandingShare, 0)}): ` +
        `its ${formatCount(riskiest.customers)} customers ${delay ? `${delay} and ` : ""}carry a mean ${score} of ${formatPercent(riskiest.meanPLate, 0)}.`
    );
  }
  return sentences.join(" ");
}

/** The elbow chart's title: where the inertia curve bends, and whether more segments buy little after it. */
export function elbowFinding(curve: KCurve, choice: KChoiceFacts): string {
  const i = curve.k.indexOf(choice.elbowK);
  const last = curve.k.length - 1;
  const first = curve.inertia[0], at = curve.inertia[i], end = curve.inertia[last];
  if (!(finite(first) && finite(at) && first > 0)) return `The curve bends at k = ${choice.elbowK}`;
  const drop = ` (within-cluster spread ${formatPercent(1 - at / first, 0)} below k = ${curve.k[0]})`;
  if (i <= 0 || i >= last || !finite(end)) return `The curve bends at k = ${choice.elbowK}${drop}`;
  // Average fall in spread per extra segment, as a share of the spread at the smallest k.
  const before = (first - at) / first / (curve.k[i] - curve.k[0]);
  const after = (at - end) / first / (curve.k[last] - curve.k[i]);
  const pace = `each extra segment lowers the spread by ${formatPercent(after, 0)} of k = ${curve.k[0]}'s, against ${formatPercent(before, 0)} before it`;
  return after <= thresholds.elbowFlattening.value * before
    ? `The curve bends at k = ${choice.elbowK}${drop}: more segments buy little after that — ${pace}`
    : `The curve bends only softly at k = ${choice.elbowK}${drop}: ${pace}`;
}

export type Separation = "clear" | "weak" | "none";

/** How clearly a mean silhouette separates clusters: Kaufman and Rousseeuw's bands (`thresholds.silhouette*`). */
export function separation(silhouette: number | null | undefined): Separation {
  if (!finite(silhouette) || silhouette <= thresholds.silhouetteWeak.value) return "none";
  return silhouette >= thresholds.silhouetteClear.value ? "clear" : "weak";
}

/** The silhouette chart's title: where separation is best, and how clearly the chosen k separates. */
export function silhouetteFinding(curve: KCurve, choice: KChoiceFacts): string {
  const s = (k: number) => curve.silhouette[curve.k.indexOf(k)];
  const at = s(choice.k);
  const value = formatDecimal(at, 2);
  if (choice.silhouetteK === choice.k) {
    const how = {clear: ", and clearly so", weak: ", though only weakly", none: ", and even there hardly at all"}[separation(at)];
    return `Clusters separate best at k = ${choice.k} (mean silhouette ${value})${how}`;
  }
  const how = {clear: "still separates clearly", weak: "separates only weakly", none: "hardly separates"}[separation(at)];
  return `Separation peaks at k = ${choice.silhouetteK} (${formatDecimal(s(choice.silhouetteK), 2)}); k = ${choice.k} ${how} (${value})`;
}

/** How a feature reads at the high and the low end, for sentences about directions. */
export const featureDirections: Record<string, {high: string; low: string}> = {
  averageDelay: {high: "pay later", low: "pay earlier"},
  totalInvoiced: {high: "are invoiced more", low: "are invoiced less"},
  outstanding: {high: "owe more", low: "owe less"},
  onTimeShare: {high: "pay more invoices on time", low: "pay fewer invoices on time"},
  overdueOver30Share: {high: "have more of their balance over 30 days past due", low: "have less of their balance over 30 days past due"},
  partialPaymentRatio: {high: "pay in parts more often", low: "pay in parts less often"},
  negotiationFrequency: {high: "ask for extensions more often", low: "ask for extensions less often"},
  utilisationVelocity: {high: "use their credit line increasingly", low: "use their credit line less and less"},
  reminderResponse: {high: "respond to reminders more", low: "respond to reminders less"},
  paymentConsistency: {high: "pay less predictably", low: "pay more predictably"},
  creditScore: {high: "have higher credit scores", low: "have lower credit scores"},
  predictedLate: {high: "are more likely to pay late", low: "are less likely to pay late"}
};

function direction(feature: string, label: string, up: boolean): string {
  const d = featureDirections[feature];
  return d ? (up ? d.high : d.low) : `have ${up ? "higher" : "lower"} ${label.toLowerCase()}`;
}

/** The features that define a component: |loading| ≥ `threshold`, at most `most`, else the strongest one. */
export function definingLoadings(loadings: readonly Loading[], component: "pc1" | "pc2", {threshold = 0.3, most = 4} = {}): Loading[] {
  const ranked = loadings.filter((l) => finite(l[component])).sort((a, b) => Math.abs(b[component]!) - Math.abs(a[component]!));
  const strong = ranked.filter((l) => Math.abs(l[component]!) >= threshold).slice(0, most);
  return strong.length ? strong : ranked.slice(0, 1);
}

/** What moving right (PC1) and up (PC2) on the biplot means, in the features' own words. */
export function biplotFinding(loadings: readonly Loading[], explained: readonly (number | null)[]): string {
  const side = (component: "pc1" | "pc2") => joinAnd(definingLoadings(loadings, component).map((l) => direction(l.feature, l.label, l[component]! > 0)));
  const parts: string[] = [];
  if (loadings.length && finite(explained[0])) parts.push(`Customers further right ${side("pc1")} (PC1, ${formatPercent(explained[0], 0)} of the variance)`);
  if (loadings.length && finite(explained[1])) parts.push(`customers higher up ${side("pc2")} (PC2, ${formatPercent(explained[1], 0)})`);
  return parts.length ? `${parts.join("; ")}.` : "";
}

/** The exposure chart's title: which cluster holds the open amount, against its share of customers. */
export function exposureFinding(clusters: readonly ClusterRow[]): string {
  const exposure = largest(clusters, (c) => c.outstanding);
  if (!exposure || !(exposure.outstanding! > 0)) return "No cluster has anything open at the report date";
  return `${exposure.name} holds ${formatPercent(exposure.outstandingShare, 0)} of the open amount with ${formatPercent(exposure.customerShare, 0)} of the customers`;
}

/** The exposure KPI card: the cluster that owes most, or that none owes anything. */
export function exposureKpi(clusters: readonly ClusterRow[], currency: string): {title: string; value: string; note: string} {
  const exposure = largest(clusters, (c) => c.outstanding);
  if (!exposure || !(exposure.outstanding! > 0)) return {title: "Open amount", value: formatMoney(0, {currency}), note: "no cluster has anything open"};
  return {title: `Largest exposure: ${exposure.name}`, value: formatMoney(exposure.outstanding, {currency}), note: `${formatPercent(exposure.outstandingShare, 0)} of the open amount · ${exposure.label}`};
}

/** The cluster table's title: each cluster's share of the open amount, or that nothing is open. */
export function clusterTableTitle(k: number, clusters: readonly ClusterRow[]): string {
  const head = `${formatCount(clusters.length)} clusters at k = ${k}`;
  if (!clusters.some((c) => c.outstanding! > 0)) return `${head}; none has anything open at the report date`;
  return `${head}: ${clusters.map((c) => `${c.name} ${formatPercent(c.outstandingShare, 0)}`).join(", ")} of the open amount`;
}

export interface ProfileCell {
  cluster: string;
  feature: string;
  label: string;
  z: number;
}

/** The profile chart's title: the strongest departure from the average customer. */
export function profileFinding(cells: readonly ProfileCell[]): string {
  const top = largest(cells, (c) => Math.abs(c.z));
  if (!top) return "Feature profile per cluster";
  return (
    `${top.cluster} departs most from the average: its customers ${direction(top.feature, top.label, top.z > 0)} ` +
    `(${formatDecimal(Math.abs(top.z), 1)} standard deviations ${top.z > 0 ? "above" : "below"})`
  );
}

export interface ClusterTotals {
  customers: number;
  invoices: number;
  invoicedAmount: number;
  outstanding: number;
  /** Invoice-weighted mean P(late) (each cluster's is a mean over its invoices). */
  meanPLate: number;
}

/** The cluster table's total row. */
export function clusterTotals(clusters: readonly ClusterRow[]): ClusterTotals {
  let customers = 0, invoices = 0, invoicedAmount = 0, outstanding = 0, pLate = 0, rated = 0;
  for (const c of clusters) {
    customers += c.customers;
    invoices += c.invoices;
    invoicedAmount += c.invoicedAmount ?? 0;
    outstanding += c.outstanding ?? 0;
    if (finite(c.meanPLate)) [pLate, rated] = [pLate + c.meanPLate * c.invoices, rated + c.invoices];
  }
  return {customers, invoices, invoicedAmount, outstanding, meanPLate: rated ? pLate / rated : NaN};
}

export interface Disagreement {
  clusterLetter: string;
  ruleLetter: string;
  customers: number;
}

/** Off-diagonal cells of the cross-tab, largest first. */
export function disagreements(agreement: Agreement): Disagreement[] {
  const out: Disagreement[] = [];
  agreement.crossTab.forEach((row, i) =>
    row.forEach((n, j) => {
      if (i !== j && n > 0) out.push({clusterLetter: agreement.letters[i], ruleLetter: agreement.letters[j], customers: n});
    })
  );
  return out.sort((a, b) => b.customers - a.customers || a.clusterLetter.localeCompare(b.clusterLetter) || a.ruleLetter.localeCompare(b.ruleLetter));
}

/** How far the clusters and the rule agree, and the largest disagreement. */
export function agreementFinding(agreement: Agreement): string {
  if (!finite(agreement.share) || agreement.customers === 0) return "No customers to compare.";
  const same = Math.round(agreement.share * agreement.customers);
  let text =
    `The clusters and the rule give the same letter to ${formatCount(same)} of the ${formatCount(agreement.customers)} customers ` +
    `(${formatPercent(agreement.share, 0)}).`;
  const [top, next] = disagreements(agreement);
  if (top) {
    const article = /^[AEFHILMNORSX]/.test(top.clusterLetter) ? "an" : "a";
    text += ` The largest disagreement: ${formatCount(top.customers)} ${top.customers === 1 ? "customer" : "customers"} in ${article} ${top.clusterLetter} cluster whom the rule rates ${top.ruleLetter}`;
    text += next ? `, then ${formatCount(next.customers)} ${next.clusterLetter} rated ${next.ruleLetter}.` : ".";
  }
  return text;
}

/** The sentence above the thin-history list. */
export function thinHistoryFinding(
  thin: {count: number; minSettled: number; shown: number},
  shownOutstanding: number,
  total: number,
  currency: string
): string {
  if (thin.count === 0) return `Every customer has at least ${countWord(thin.minSettled)} settled invoices, so all are clustered.`;
  const listed = !(shownOutstanding > 0)
    ? "None of them owes anything at the report date."
    : thin.shown < thin.count
      ? `The ${formatCount(thin.shown)} with the largest open amounts are listed; together they owe ${formatMoney(shownOutstanding, {currency})}.`
      : `Together they owe ${formatMoney(shownOutstanding, {currency})}.`;
  return (
    `${formatCount(thin.count)} of the ${formatCount(total)} customers have fewer than ${countWord(thin.minSettled)} settled invoices: ` +
    `too little history to say how they pay, so they are not clustered on noise. ${listed}`
  );
}

// ---------------------------------------------------------------------------------------------------
// The cluster table in words, from the numbers segments.json ships (the rules behind it:
// lib/views/definitions/segments.ts)

/** Who a cluster's customers are and how they pay, for its card (the heading names it, the proposal follows). */
export function clusterDescription(c: Pick<ClusterFile, "customers" | "means" | "amountShare" | "outstanding" | "dso" | "meanPLate">, currency: string, score = "predicted P(late)"): string {
  const delay = c.means.averageDelay;
  const onTime = c.means.onTimeShare;
  const one = c.customers === 1;
  const pay = one ? "pays" : "pay";
  const habit = !finite(delay) ? "" : delay <= 0 ? `${pay} on average ${formatDays(-delay)} early` : `${pay} on average ${formatDays(delay)} late`;
  const who = `${formatCount(c.customers)} ${one ? "customer" : "customers"}${habit ? ` who ${habit}${finite(onTime) ? `, ${formatPercent(onTime, 0)} of invoices on time` : ""}` : ""}`;
  return (
    `${who}; ${formatPercent(c.amountShare)} of the amount invoiced, ${formatMoney(c.outstanding, {currency})} outstanding ` +
    `(DSO ${formatDays(c.dso, 0)}), mean ${score} ${formatPercent(c.meanPLate)}.`
  );
}

export type ObservationKind = "largestExposure" | "highestDelay" | "steadiestPayers";

export interface SegmentObservation {
  kind: ObservationKind;
  /** The cluster's name ("A", "B2"). */
  name: string;
  text: string;
}

/** The clusters that stand out — the largest exposure, the highest delay, the steadiest payers — in a sentence each. */
export function segmentObservations(clusters: readonly ClusterFile[], currency: string, score = "predicted P(late)"): SegmentObservation[] {
  const money = (v: number | null) => formatMoney(v, {currency});
  const out: SegmentObservation[] = [];
  const onTime = (c: ClusterFile) => c.means.onTimeShare;
  const exposure = largest(clusters, (c) => c.outstanding);
  // With nothing open there is no exposure to name ("owes $0, 0.0%").
  if (exposure && exposure.outstanding! > 0) {
    out.push({
      kind: "largestExposure",
      name: exposure.name,
      text: `Largest exposure: ${exposure.name} (${exposure.label}) owes ${money(exposure.outstanding)}, ${formatPercent(exposure.outstandingShare)} of the segmented customers' open amount, across ${formatCount(exposure.customers)} customers.`
    });
  }
  const delayed = largest(clusters, (c) => c.means.averageDelay);
  if (delayed) {
    const days = delayed.means.averageDelay!;
    const share = onTime(delayed);
    out.push({
      kind: "highestDelay",
      name: delayed.name,
      text:
        `Highest delay: ${delayed.name} (${delayed.label}) pays on average ${formatDays(days)} ${days >= 0 ? "late" : "early"} (amount-weighted)` +
        `${finite(share) ? `, with ${formatPercent(share, 0)} of invoices on time` : ""}; mean ${score} ${formatPercent(delayed.meanPLate)}.`
    });
  }
  // The steadiest payers have the lowest spread of delays: the largest negated spread.
  const steady = largest(clusters, (c) => (finite(c.means.paymentConsistency) ? -c.means.paymentConsistency : null));
  if (steady) {
    const share = onTime(steady);
    out.push({
      kind: "steadiestPayers",
      name: steady.name,
      text:
        `Steadiest payers: ${steady.name} (${steady.label}), whose payment delays vary least (standard deviation ${formatDays(steady.means.paymentConsistency)})` +
        `${finite(share) ? ` and ${formatPercent(share, 0)} of invoices are paid on time` : ""}.`
    });
  }
  return out;
}
