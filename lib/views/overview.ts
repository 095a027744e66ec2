// The home page's key findings and next steps, written from the report's numbers so that the words can
// never drift from the data. Each finding links to the page that proves it.
import {formatCount, formatDays, formatMoney, formatPercent} from "../core/format.js";
import type {KpisFile, ModelFile, OverviewFactsFile, ReportFiles} from "../pipeline/contract.js";
import {riskWords} from "./risk.js";
import {thresholds} from "./thresholds.js";

/** The fields of overview-facts.json this module reads. */
export type OverviewFacts = Pick<
  ReportFiles["overview-facts"],
  "currency" | "openAr" | "openInvoices" | "overdueShare" | "dso" | "bestPossibleDso" | "cashAtRisk" | "predictedLateRate" | "routineShare" | "focusShare" | "strategyMix" | "riskSource"
>;

/** The fields of model.json's `narrative` this module reads (no runner-up for a stage with one family). */
export type ModelNarrative = Pick<
  ModelFile["narrative"],
  "model" | "testAuc" | "runnerUp" | "aucGap" | "baseRate" | "liftTopDecile" | "lateCaughtShare" | "precisionAtThreshold"
>;

/** The fields of a kpis.json top risky customer this module reads. */
export type RiskyCustomer = Pick<KpisFile["topRiskyCustomers"][number], "customerName" | "expectedLateAmount">;

export interface Finding {
  text: string;
  href: string;
  link: string;
}

/** Share of the cash at risk held by the first `n` customers of a list sorted by expected late amount. */
export function concentration(customers: readonly RiskyCustomer[], cashAtRisk: number, n = 10): number {
  if (!(cashAtRisk > 0)) return 0;
  let total = 0;
  for (const c of customers.slice(0, n)) total += c.expectedLateAmount;
  return total / cashAtRisk;
}

/** How well a test ROC AUC ranks late payers, in words ("well"), by `thresholds`' rankingVeryWell, -Well, -Fair and -Weak. */
export function rankingWords(auc: number): string {
  if (auc >= thresholds.rankingVeryWell.value) return "very well";
  if (auc >= thresholds.rankingWell.value) return "well";
  if (auc >= thresholds.rankingFair.value) return "fairly well";
  if (auc >= thresholds.rankingWeak.value) return "weakly";
  return "barely better than chance";
}

/** Whether the report has anything open to speak of. */
export function hasOpenBook(facts: Pick<OverviewFacts, "openAr" | "openInvoices">): boolean {
  return facts.openInvoices > 0 && facts.openAr > 0;
}

/** The page's opening: what is owed, how much is overdue, how much is expected late — or that nothing is open. */
/** `modelName` tells a report without a model (lib/model/names.ts `noModelName`), whose risk is its stand-in rule's. */
export function overviewLede(facts: OverviewFacts & Partial<Pick<OverviewFactsFile, "modelName">>, asOf: string): string {
  const money = (v: number) => formatMoney(v, {currency: facts.currency});
  if (!hasOpenBook(facts)) return `As of ${asOf} nothing is owed: every invoice in the ledger has been paid or written off. The model and the collection rules below apply to the next ones.`;
  const invoices = `${formatCount(facts.openInvoices)} open ${facts.openInvoices === 1 ? "invoice" : "invoices"}`;
  const weighting =
    facts.riskSource === "model"
      ? "Weighting each open invoice by the model's probability that it is paid late"
      : "With no payment history to fit a model on, counting each open invoice already past due as late and weighting the others by the share already past due";
  return `As of ${asOf}, ${money(facts.openAr)} is owed across ${invoices}. ${formatPercent(facts.overdueShare, 0)} of it is already overdue. ${weighting}, ${money(facts.cashAtRisk)} is expected to arrive after its due date.`;
}

/** The late-rate card: a rate of the open invoices, or that none is open to score, titled by where the risk comes from. */
export function predictedLateCard(facts: OverviewFacts): {title: string; value: string; note: string} {
  const words = riskWords(facts.riskSource);
  if (!hasOpenBook(facts)) return {title: words.rateTitle, value: "None open", note: "no open invoice to score"};
  const mean = facts.riskSource === "model" ? "mean P(late) of open invoices" : "mean rule-based risk of open invoices (1 once past due)";
  return {title: words.rateTitle, value: formatPercent(facts.predictedLateRate.invoices, 0), note: `${mean}; ${formatPercent(facts.predictedLateRate.amountWeighted, 0)} weighted by amount`};
}

/** The cash-at-risk card's note: what the figure multiplies. */
export function cashAtRiskNote(facts: Pick<OverviewFacts, "riskSource">): string {
  return `expected to arrive late: ${facts.riskSource === "model" ? "P(late)" : "rule-based risk"} × open amount`;
}

/** `model` is null when the ledger had no payment history; `noModelSummary` then says how risk was judged. */
export function keyFindings(facts: OverviewFacts, model: ModelNarrative | null, topCustomers: readonly RiskyCustomer[], noModelSummary = ""): Finding[] {
  const modelOrNote = model === null ? {text: noModelSummary, href: "./model", link: "Why there is no model"} : modelFinding(model);
  return [riskFinding(facts, topCustomers), modelOrNote, strategyFinding(facts)];
}

function riskFinding(facts: OverviewFacts, topCustomers: readonly RiskyCustomer[]): Finding {
  const link = {href: "./kpis", link: "Where the risk sits"};
  const money = (v: number) => formatMoney(v, {currency: facts.currency});
  if (!hasOpenBook(facts)) return {text: "Nothing is open at the report date, so no cash is at risk of arriving late.", ...link};
  const top = Math.min(10, topCustomers.length);
  const holders = top === 1 ? `${topCustomers[0].customerName} holds` : `${top} customers hold`;
  const who = top && facts.cashAtRisk > 0 ? `, and ${holders} ${formatPercent(concentration(topCustomers, facts.cashAtRisk, top), 0)} of that risk.` : ".";
  return {text: `${money(facts.cashAtRisk)} of the ${money(facts.openAr)} open (${formatPercent(facts.cashAtRisk / facts.openAr, 0)}) is expected to be paid late${who}`, ...link};
}

function modelFinding(model: ModelNarrative): Finding {
  const gap = model.aucGap;
  const against =
    model.runnerUp === null || gap === null ? "" : `, ${gap >= 0 ? `${gap.toFixed(3)} above` : `${(-gap).toFixed(3)} below`} ${model.runnerUp.toLowerCase()}`;
  return {
    text:
      `The ${model.model.toLowerCase()} model ranks late payers ${rankingWords(model.testAuc)} on invoices it never saw (test AUC ${model.testAuc.toFixed(2)}${against}): ` +
      `the tenth it rates riskiest is paid late ${model.liftTopDecile.toFixed(1)}× as often as the average invoice (${formatPercent(model.baseRate, 0)}).`,
    href: "./model",
    link: "How good the prediction is"
  };
}

function strategyFinding(facts: OverviewFacts): Finding {
  const link = {href: "./strategy", link: "The collection strategy"};
  if (!hasOpenBook(facts)) return {text: "With no open invoice there is nothing to collect: the strategy rules will apply to the next ones.", ...link};
  return {
    text:
      `${formatPercent(facts.routineShare, 0)} of open invoices sit with low-risk or loyal customers and can run on standard terms; ` +
      `${formatPercent(facts.focusShare, 0)} need focused collection — manual follow-up or credit restriction.`,
    ...link
  };
}

/** The strategy-mix chart's title: "64% of open invoices can run on standard terms; 27% need focused collection". */
export function strategyMixFinding(facts: Pick<OverviewFacts, "routineShare" | "focusShare" | "openAr" | "openInvoices">): string {
  if (!hasOpenBook(facts)) return "No open invoices to assign a collection strategy to";
  return `${formatPercent(facts.routineShare, 0)} of open invoices can run on standard terms; ${formatPercent(facts.focusShare, 0)} need focused collection`;
}

export interface NextStep {
  text: string;
  href: string;
}

/** `averageDailySales`: what one day of DSO ties up in receivables. */
export function nextSteps(facts: OverviewFacts, model: ModelNarrative | null, topCustomers: readonly RiskyCustomer[], averageDailySales: number): NextStep[] {
  const money = (v: number) => formatMoney(v, {currency: facts.currency});
  const steps: NextStep[] = [];
  if (!(facts.cashAtRisk > 0)) {
    // Nothing is expected to be paid late: there is no one to call first.
  } else if (topCustomers.length === 1) {
    steps.push({text: `Call ${topCustomers[0].customerName}, the one customer with cash at risk, from the prioritised worklist.`, href: "./strategy#worklist"});
  } else if (topCustomers.length) {
    const names = topCustomers.slice(0, 3).map((c) => c.customerName);
    steps.push({
      text: `Call the customers with the most cash at risk first — ${names.join(", ")} — from the prioritised worklist.`,
      href: "./strategy#worklist"
    });
  }
  const restrict = facts.strategyMix.find((s) => s.strategy === "restrict");
  if (restrict && restrict.invoices) {
    steps.push({
      text: `Review credit for the ${formatCount(restrict.invoices)} open ${restrict.invoices === 1 ? "invoice" : "invoices"} in the high-risk band (${formatPercent(restrict.amountShare, 0)} of open value): prepayment or a hold before new orders.`,
      href: "./strategy"
    });
  }
  if (model) {
    const caught = `and they were ${formatPercent(model.lateCaughtShare, 0)} of all late ones`;
    steps.push({
      text:
        model.precisionAtThreshold >= thresholds.usefulLift.value * model.baseRate
          ? `Act on the model's flags: at the chosen threshold ${formatPercent(model.precisionAtThreshold, 0)} of flagged invoices were in fact paid late, ${caught}.`
          : `Use the model's flags with care: at the chosen threshold ${formatPercent(model.precisionAtThreshold, 0)} of flagged invoices were paid late, against ${formatPercent(model.baseRate, 0)} of all invoices, ${caught}.`,
      href: "./model"
    });
  }
  const gap = facts.dso === null || facts.bestPossibleDso === null ? NaN : facts.dso - facts.bestPossibleDso;
  if (hasOpenBook(facts) && gap >= thresholds.dsoAtBest.value) {
    steps.push({
      text: `Close the gap between DSO (${formatDays(facts.dso, 0)}) and its best possible value (${formatDays(facts.bestPossibleDso, 0)}): each day of DSO ties up about ${money(averageDailySales)} of working capital. Test the levers on the Scenarios page.`,
      href: "./scenarios"
    });
  } else if (hasOpenBook(facts) && gap >= 0) {
    steps.push({
      text: `Keep DSO (${formatDays(facts.dso, 0)}) where it is: it is within a day of its best possible value, so overdue invoices tie up little working capital. The Scenarios page shows what slower payers would cost.`,
      href: "./scenarios"
    });
  }
  return steps;
}
