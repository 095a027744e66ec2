// The home page's key findings and next steps, written from the report's numbers so that the words can
// never drift from the data. Each finding links to the page that proves it.
import {formatCount, formatDays, formatMoney, formatPercent} from "../core/format.js";
import type {KpisFile, ModelFile, OverviewFactsFile} from "../pipeline/contract.js";

/** The fields of overview-facts.json this module reads. */
export type OverviewFacts = Pick<OverviewFactsFile, "currency" | "openAr" | "dso" | "bestPossibleDso" | "cashAtRisk" | "routineShare" | "focusShare" | "strategyMix">;

/**
 * The fields of model.json's `narrative` this module reads. The model stage fits three families, so the
 * choice always has a runner-up to be compared with (the file allows none, for a stage with one family).
 */
export type ModelNarrative = Pick<ModelFile["narrative"], "model" | "testAuc" | "baseRate" | "liftTopDecile" | "lateCaughtShare" | "precisionAtThreshold"> & {
  runnerUp: string;
  aucGap: number;
};

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

/** `model` is null when the ledger had no payment history; `noModelRule` then says how risk was judged. */
export function keyFindings(facts: OverviewFacts, model: ModelNarrative | null, topCustomers: readonly RiskyCustomer[], noModelRule = ""): Finding[] {
  const money = (v: number) => formatMoney(v, {currency: facts.currency});
  const top = Math.min(10, topCustomers.length);
  const topShare = concentration(topCustomers, facts.cashAtRisk, top);
  const findings: Finding[] = [
    {
      text:
        `${money(facts.cashAtRisk)} of the ${money(facts.openAr)} open (${formatPercent(facts.cashAtRisk / facts.openAr, 0)}) is expected to be paid late` +
        (top ? `, and ${top} customers hold ${formatPercent(topShare, 0)} of that risk.` : "."),
      href: "./kpis",
      link: "Where the risk sits"
    },
    model === null
      ? {text: noModelRule, href: "./model", link: "Why there is no model"}
      : {
      text:
        `The ${model.model.toLowerCase()} model ranks late payers well on invoices it never saw (test AUC ${model.testAuc.toFixed(2)}, ` +
        `${model.aucGap >= 0 ? `${model.aucGap.toFixed(3)} above` : `${(-model.aucGap).toFixed(3)} below`} ${model.runnerUp.toLowerCase()}): ` +
        `the tenth it rates riskiest is paid late ${model.liftTopDecile.toFixed(1)}× as often as the average invoice (${formatPercent(model.baseRate, 0)}).`,
      href: "./model",
      link: "How good the prediction is"
    },
    {
      text:
        `${formatPercent(facts.routineShare, 0)} of open invoices sit with low-risk or loyal customers and can run on standard terms; ` +
        `${formatPercent(facts.focusShare, 0)} need focused collection — manual follow-up or credit restriction.`,
      href: "./strategy",
      link: "The collection strategy"
    }
  ];
  return findings;
}

export interface NextStep {
  text: string;
  href: string;
}

/** `averageDailySales`: what one day of DSO ties up in receivables. */
export function nextSteps(facts: OverviewFacts, model: ModelNarrative | null, topCustomers: readonly RiskyCustomer[], averageDailySales: number): NextStep[] {
  const money = (v: number) => formatMoney(v, {currency: facts.currency});
  const steps: NextStep[] = [];
  if (topCustomers.length) {
    const names = topCustomers.slice(0, 3).map((c) => c.customerName);
    steps.push({
      text: `Call the customers with the most cash at risk first — ${names.join(", ")} — from the prioritised worklist.`,
      href: "./strategy#worklist"
    });
  }
  const restrict = facts.strategyMix.find((s) => s.strategy === "restrict");
  if (restrict && restrict.invoices) {
    steps.push({
      text: `Review credit for the ${formatCount(restrict.invoices)} open invoices in the high-risk band (${formatPercent(restrict.amountShare, 0)} of open value): prepayment or a hold before new orders.`,
      href: "./strategy"
    });
  }
  if (model) steps.push({
    text: `Act on the model's flags: at the chosen threshold ${formatPercent(model.precisionAtThreshold, 0)} of flagged invoices were in fact paid late, and they were ${formatPercent(model.lateCaughtShare, 0)} of all late ones.`,
    href: "./model"
  });
  steps.push({
    text: `Close the gap between DSO (${formatDays(facts.dso, 0)}) and its best possible value (${formatDays(facts.bestPossibleDso, 0)}): each day of DSO ties up about ${money(averageDailySales)} of working capital. Test the levers on the Scenarios page.`,
    href: "./scenarios"
  });
  return steps;
}
