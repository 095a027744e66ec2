import { formatCount, formatDays, formatMoney, formatPercent } from "../core/format.3eed6561.js";
export function concentration(customers, cashAtRisk, n = 10) {
  if (!(cashAtRisk > 0)) return 0;
  let total = 0;
  for (const c of customers.slice(0, n)) total += c.expectedLateAmount;
  return total / cashAtRisk;
}
export function keyFindings(facts, model, topCustomers) {
  const money = (v) => formatMoney(v, { currency: facts.currency });
  const top = Math.min(10, topCustomers.length);
  const topShare = concentration(topCustomers, facts.cashAtRisk, top);
  const findings = [
    {
      text: `${money(facts.cashAtRisk)} of the ${money(facts.openAr)} open (${formatPercent(facts.cashAtRisk / facts.openAr, 0)}) is expected to be paid late` + (top ? `, and ${top} customers hold ${formatPercent(topShare, 0)} of that risk.` : "."),
      href: "./kpis",
      link: "Where the risk sits"
    },
    {
      text: `The ${model.model.toLowerCase()} model ranks late payers well on invoices it never saw (test AUC ${model.testAuc.toFixed(2)}, ${model.aucGap >= 0 ? `${model.aucGap.toFixed(3)} above` : `${(-model.aucGap).toFixed(3)} below`} ${model.runnerUp.toLowerCase()}): the tenth it rates riskiest is paid late ${model.liftTopDecile.toFixed(1)}\xD7 as often as the average invoice (${formatPercent(model.baseRate, 0)}).`,
      href: "./model",
      link: "How good the prediction is"
    },
    {
      text: `${formatPercent(facts.routineShare, 0)} of open invoices sit with low-risk or loyal customers and can run on standard terms; ${formatPercent(facts.focusShare, 0)} need focused collection \u2014 manual follow-up or credit restriction.`,
      href: "./strategy",
      link: "The collection strategy"
    }
  ];
  return findings;
}
export function nextSteps(facts, model, topCustomers, averageDailySales) {
  const money = (v) => formatMoney(v, { currency: facts.currency });
  const steps = [];
  if (topCustomers.length) {
    const names = topCustomers.slice(0, 3).map((c) => c.customerName);
    steps.push({
      text: `Call the customers with the most cash at risk first \u2014 ${names.join(", ")} \u2014 from the prioritised worklist.`,
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
  steps.push({
    text: `Act on the model's flags: at the chosen threshold ${formatPercent(model.precisionAtThreshold, 0)} of flagged invoices were in fact paid late, and they were ${formatPercent(model.lateCaughtShare, 0)} of all late ones.`,
    href: "./model"
  });
  steps.push({
    text: `Close the gap between DSO (${formatDays(facts.dso, 0)}) and its best possible value (${formatDays(facts.bestPossibleDso, 0)}): each day of DSO ties up about ${money(averageDailySales)} of working capital. Test the levers on the Scenarios page.`,
    href: "./scenarios"
  });
  return steps;
}
