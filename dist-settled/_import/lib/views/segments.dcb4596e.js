import { formatCount, formatDays, formatDecimal, formatMoney, formatPercent } from "../core/format.3eed6561.js";
const numberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
export function countWord(n) {
  return Number.isInteger(n) && n >= 0 && n < numberWords.length ? numberWords[n] : formatCount(n);
}
export function joinAnd(parts) {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}
export function quadrantPhrase(label) {
  return label.split("\xB7").map((part) => part.trim().toLowerCase()).join(", ");
}
const finite = (v) => v !== null && v !== void 0 && Number.isFinite(v);
function largest(rows, value) {
  let best, bestValue = -Infinity;
  for (const row of rows) {
    const v = value(row);
    if (finite(v) && v > bestValue) [best, bestValue] = [row, v];
  }
  return best;
}
export function delayPhrase(days, subject = "pay") {
  if (!finite(days)) return null;
  return `${subject} ${formatDays(Math.abs(days))} ${days > 0 ? "late" : "early"} on average`;
}
export function segmentsLede({ customers, minSettled, k, clusters, currency, chosen = true, decidedBy = "elbow" }) {
  const money = (v) => formatMoney(v, { currency });
  const groups = clusters.map((c) => `${c.name} (${quadrantPhrase(c.label)}, ${formatCount(c.customers)} customers)`);
  const sentences = [
    `${formatCount(customers.clustered)} of the ${formatCount(customers.total)} customers have at least ${countWord(minSettled)} settled invoices, enough history to group by how they pay; ${!chosen ? "at this k there are" : decidedBy === "elbow" ? "the elbow rule finds" : "the silhouette check finds"} ${countWord(k)} behaviour groups: ${joinAnd(groups)}.`
  ];
  const exposure = largest(clusters, (c) => c.outstanding);
  if (exposure && finite(exposure.outstandingShare)) {
    const steady = exposure.riskLevel === "Low" ? `, and its customers pay reliably (mean predicted P(late) ${formatPercent(exposure.meanPLate)})` : "";
    sentences.push(
      `The open amount sits mostly with ${exposure.name}: ${money(exposure.outstanding)}, ${formatPercent(exposure.outstandingShare, 0)} of it, from ${formatPercent(exposure.customerShare, 0)} of the customers${steady}.`
    );
  }
  const riskiest = largest(clusters, (c) => c.meanPLate);
  if (riskiest && riskiest !== exposure && finite(riskiest.outstanding)) {
    const delay = delayPhrase(riskiest.means.averageDelay);
    sentences.push(
      `The riskiest money is ${riskiest.name}\u2019s ${money(riskiest.outstanding)} (${formatPercent(riskiest.outstandingShare, 0)}): its ${formatCount(riskiest.customers)} customers ${delay ? `${delay} and ` : ""}carry a mean predicted P(late) of ${formatPercent(riskiest.meanPLate, 0)}.`
    );
  }
  return sentences.join(" ");
}
export function elbowFinding(curve, choice) {
  const i = curve.k.indexOf(choice.elbowK);
  const first = curve.inertia[0], at = curve.inertia[i];
  const drop = finite(first) && finite(at) && first > 0 ? ` (within-cluster spread ${formatPercent(1 - at / first, 0)} below k = ${curve.k[0]})` : "";
  return `The curve bends at k = ${choice.elbowK}${drop}: more segments buy little after that`;
}
export function silhouetteFinding(curve, choice) {
  const s = (k) => curve.silhouette[curve.k.indexOf(k)];
  if (choice.silhouetteK === choice.k) return `Clusters separate best at k = ${choice.k} (mean silhouette ${formatDecimal(s(choice.k), 2)})`;
  return `Separation peaks at k = ${choice.silhouetteK} (${formatDecimal(s(choice.silhouetteK), 2)}), but k = ${choice.k} still separates clearly (${formatDecimal(s(choice.k), 2)})`;
}
export const featureDirections = {
  averageDelay: { high: "pay later", low: "pay earlier" },
  totalInvoiced: { high: "are invoiced more", low: "are invoiced less" },
  outstanding: { high: "owe more", low: "owe less" },
  onTimeShare: { high: "pay more invoices on time", low: "pay fewer invoices on time" },
  overdueOver30Share: { high: "have more of their balance over 30 days past due", low: "have less of their balance over 30 days past due" },
  partialPaymentRatio: { high: "pay in parts more often", low: "pay in parts less often" },
  negotiationFrequency: { high: "ask for extensions more often", low: "ask for extensions less often" },
  utilisationVelocity: { high: "use their credit line increasingly", low: "use their credit line less and less" },
  reminderResponse: { high: "respond to reminders more", low: "respond to reminders less" },
  paymentConsistency: { high: "pay less predictably", low: "pay more predictably" },
  creditScore: { high: "have higher credit scores", low: "have lower credit scores" },
  predictedLate: { high: "are more likely to pay late", low: "are less likely to pay late" }
};
function direction(feature, label, up) {
  const d = featureDirections[feature];
  return d ? up ? d.high : d.low : `have ${up ? "higher" : "lower"} ${label.toLowerCase()}`;
}
export function definingLoadings(loadings, component, { threshold = 0.3, most = 4 } = {}) {
  const ranked = loadings.filter((l) => finite(l[component])).sort((a, b) => Math.abs(b[component]) - Math.abs(a[component]));
  const strong = ranked.filter((l) => Math.abs(l[component]) >= threshold).slice(0, most);
  return strong.length ? strong : ranked.slice(0, 1);
}
export function biplotFinding(loadings, explained) {
  const side = (component) => joinAnd(definingLoadings(loadings, component).map((l) => direction(l.feature, l.label, l[component] > 0)));
  const parts = [];
  if (loadings.length && finite(explained[0])) parts.push(`Customers further right ${side("pc1")} (PC1, ${formatPercent(explained[0], 0)} of the variance)`);
  if (loadings.length && finite(explained[1])) parts.push(`customers higher up ${side("pc2")} (PC2, ${formatPercent(explained[1], 0)})`);
  return parts.length ? `${parts.join("; ")}.` : "";
}
export function exposureFinding(clusters) {
  const exposure = largest(clusters, (c) => c.outstanding);
  if (!exposure) return "Where the open amount sits";
  return `${exposure.name} holds ${formatPercent(exposure.outstandingShare, 0)} of the open amount with ${formatPercent(exposure.customerShare, 0)} of the customers`;
}
export function profileFinding(cells) {
  const top = largest(cells, (c) => Math.abs(c.z));
  if (!top) return "Feature profile per cluster";
  return `${top.cluster} departs most from the average: its customers ${direction(top.feature, top.label, top.z > 0)} (${formatDecimal(Math.abs(top.z), 1)} standard deviations ${top.z > 0 ? "above" : "below"})`;
}
export function clusterTotals(clusters) {
  let customers = 0, invoices = 0, invoicedAmount = 0, outstanding = 0, pLate = 0, rated = 0;
  for (const c of clusters) {
    customers += c.customers;
    invoices += c.invoices;
    invoicedAmount += c.invoicedAmount ?? 0;
    outstanding += c.outstanding ?? 0;
    if (finite(c.meanPLate)) [pLate, rated] = [pLate + c.meanPLate * c.invoices, rated + c.invoices];
  }
  return { customers, invoices, invoicedAmount, outstanding, meanPLate: rated ? pLate / rated : NaN };
}
export function disagreements(agreement) {
  const out = [];
  agreement.crossTab.forEach(
    (row, i) => row.forEach((n, j) => {
      if (i !== j && n > 0) out.push({ clusterLetter: agreement.letters[i], ruleLetter: agreement.letters[j], customers: n });
    })
  );
  return out.sort((a, b) => b.customers - a.customers || a.clusterLetter.localeCompare(b.clusterLetter) || a.ruleLetter.localeCompare(b.ruleLetter));
}
export function agreementFinding(agreement) {
  if (!finite(agreement.share) || agreement.customers === 0) return "No customers to compare.";
  const same = Math.round(agreement.share * agreement.customers);
  let text = `The clusters and the rule give the same letter to ${formatCount(same)} of the ${formatCount(agreement.customers)} customers (${formatPercent(agreement.share, 0)}).`;
  const [top, next] = disagreements(agreement);
  if (top) {
    text += ` The largest disagreement: ${formatCount(top.customers)} customers in a ${top.clusterLetter} cluster whom the rule rates ${top.ruleLetter}`;
    text += next ? `, then ${formatCount(next.customers)} ${next.clusterLetter} rated ${next.ruleLetter}.` : ".";
  }
  return text;
}
export function thinHistoryFinding(thin, shownOutstanding, total, currency) {
  if (thin.count === 0) return `Every customer has at least ${countWord(thin.minSettled)} settled invoices, so all are clustered.`;
  const listed = thin.shown < thin.count ? `The ${formatCount(thin.shown)} with the largest open amounts are listed; together they owe ${formatMoney(shownOutstanding, { currency })}.` : `Together they owe ${formatMoney(shownOutstanding, { currency })}.`;
  return `${formatCount(thin.count)} of the ${formatCount(total)} customers have fewer than ${countWord(thin.minSettled)} settled invoices: too little history to say how they pay, so they are not clustered on noise. ${listed}`;
}
