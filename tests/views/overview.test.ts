import {describe, expect, test} from "vitest";
import {cashAtRiskNote, concentration, keyFindings, nextSteps, overviewLede, predictedLateCard, rankingWords, strategyMixFinding} from "../../lib/views/overview.js";
import type {ModelNarrative, OverviewFacts} from "../../lib/views/overview.js";

const facts: OverviewFacts = {
  currency: "USD",
  openAr: 1_000_000,
  openInvoices: 400,
  overdueShare: 0.2,
  predictedLateRate: {invoices: 0.3, amountWeighted: 0.25},
  dso: 50,
  bestPossibleDso: 38,
  cashAtRisk: 250_000,
  routineShare: 0.64,
  focusShare: 0.27,
  riskSource: "model",
  strategyMix: [
    {strategy: "loyalty", label: "Loyalty", invoices: 200, invoiceShare: 0.5, amountShare: 0.6},
    {strategy: "restrict", label: "High risk", invoices: 80, invoiceShare: 0.2, amountShare: 0.15}
  ]
};
const model: ModelNarrative = {
  model: "Gradient-boosted trees",
  testAuc: 0.8391,
  runnerUp: "Logistic regression",
  aucGap: 0.0097,
  baseRate: 0.2136,
  liftTopDecile: 3.6351,
  lateCaughtShare: 0.5656,
  precisionAtThreshold: 0.626
};
const customers = [
  {customerName: "Acme", expectedLateAmount: 50_000},
  {customerName: "Bolt", expectedLateAmount: 30_000},
  {customerName: "Cato", expectedLateAmount: 20_000}
];

describe("overview findings", () => {
  test("concentration: share of the cash at risk in the first n customers", () => {
    expect(concentration(customers, 250_000, 2)).toBeCloseTo(0.32, 10);
    expect(concentration(customers, 0)).toBe(0);
  });

  test("the three findings state the numbers they were given, with links", () => {
    const [risk, prediction, strategy] = keyFindings(facts, model, customers);
    expect(risk.text).toBe("$250K of the $1M open (25%) is expected to be paid late, and 3 customers hold 40% of that risk.");
    expect(risk.href).toBe("./kpis");
    expect(prediction.text).toBe(
      "The gradient-boosted trees model ranks late payers well on invoices it never saw (test AUC 0.84, 0.010 above logistic regression): the tenth it rates riskiest is paid late 3.6× as often as the average invoice (21%)."
    );
    expect(strategy.text).toBe("64% of open invoices sit with low-risk or loyal customers and can run on standard terms; 27% need focused collection — manual follow-up or credit restriction.");
  });

  test("a model behind its runner-up on test says so", () => {
    expect(keyFindings(facts, {...model, aucGap: -0.004}, customers)[1].text).toContain("0.004 below logistic regression");
  });

  test("next steps name the top customers and the high-risk invoices", () => {
    const steps = nextSteps(facts, model, customers, 20_000);
    expect(steps[0].text).toContain("Acme, Bolt, Cato");
    expect(steps[1].text).toContain("80 open invoices in the high-risk band (15% of open value)");
    expect(steps[3].text).toContain("$20K of working capital");
    expect(nextSteps(facts, model, [], 20_000).some((s) => s.text.includes("Call"))).toBe(false);
  });

  test("contrary data: the ranking word follows test AUC on Hosmer and Lemeshow's scale", () => {
    expect([0.95, 0.84, 0.75, 0.65, 0.55].map(rankingWords)).toEqual(["very well", "well", "fairly well", "weakly", "barely better than chance"]);
    const weak = keyFindings(facts, {...model, testAuc: 0.63}, customers)[1].text;
    expect(weak).toContain("ranks late payers weakly on invoices it never saw (test AUC 0.63");
    expect(weak).not.toContain("well");
  });

  test("contrary data: flags no better than twice the base rate are to be used with care", () => {
    const steps = nextSteps(facts, {...model, precisionAtThreshold: 0.3}, customers, 20_000);
    expect(steps[2].text).toBe("Use the model's flags with care: at the chosen threshold 30% of flagged invoices were paid late, against 21% of all invoices, and they were 57% of all late ones.");
  });

  test("contrary data: DSO within a day of its best is not a gap to close", () => {
    const steps = nextSteps({...facts, dso: 38.6, bestPossibleDso: 38}, model, customers, 20_000);
    expect(steps.at(-1)!.text).toMatch(/^Keep DSO \(39 days\) where it is: it is within a day of its best possible value/);
    expect(steps.some((s) => s.text.startsWith("Close the gap"))).toBe(false);
  });
});

describe("degenerate books", () => {
  const empty: OverviewFacts = {...facts, openAr: 0, openInvoices: 0, cashAtRisk: 0, overdueShare: 0, dso: 0, bestPossibleDso: 0, routineShare: 0, focusShare: 0, strategyMix: []};

  test("nothing open: no '$0 of the $0 open (–)', no shares of nothing, no DSO gap", () => {
    const [risk, , strategy] = keyFindings(empty, model, []);
    expect(risk.text).toBe("Nothing is open at the report date, so no cash is at risk of arriving late.");
    expect(strategy.text).toBe("With no open invoice there is nothing to collect: the strategy rules will apply to the next ones.");
    expect(strategyMixFinding(empty)).toBe("No open invoices to assign a collection strategy to");
    const steps = nextSteps(empty, model, [], 20_000);
    expect(steps.map((s) => s.text).join(" ")).not.toMatch(/DSO|\$0|–/);
  });

  test("the lede and the predicted-late card, open or not", () => {
    expect(overviewLede(facts, "2026-09-30")).toBe(
      "As of 2026-09-30, $1M is owed across 400 open invoices. 20% of it is already overdue. Weighting each open invoice by the model's probability that it is paid late, $250K is expected to arrive after its due date."
    );
    expect(overviewLede({...facts, openInvoices: 1}, "2026-09-30")).toContain("across 1 open invoice.");
    expect(overviewLede(empty, "2026-09-30")).toBe("As of 2026-09-30 nothing is owed: every invoice in the ledger has been paid or written off. The model and the collection rules below apply to the next ones.");
    expect(predictedLateCard(facts)).toEqual({title: "Predicted late rate", value: "30%", note: "mean P(late) of open invoices; 25% weighted by amount"});
    expect(predictedLateCard(empty)).toEqual({title: "Predicted late rate", value: "None open", note: "no open invoice to score"});
  });

  test("without a payment history the words say the risk comes from the past-due rule, not a model", () => {
    const snapshot = {...facts, riskSource: "rule" as const};
    const lede = overviewLede(snapshot, "2026-09-30");
    expect(lede).not.toMatch(/model's probability|predict/);
    expect(lede).toMatch(/With no payment history to fit a model on, counting each open invoice already past due as late and weighting the others by the share already past due, \$250K is expected to arrive after its due date\.$/);
    expect(predictedLateCard(snapshot)).toEqual({title: "Late rate by the past-due rule", value: "30%", note: "mean rule-based risk of open invoices (1 once past due); 25% weighted by amount"});
    expect([cashAtRiskNote(facts), cashAtRiskNote(snapshot)]).toEqual(["expected to arrive late: P(late) × open amount", "expected to arrive late: rule-based risk × open amount"]);
  });

  test("a single customer is named, not counted as '1 customers'", () => {
    const [risk] = keyFindings(facts, model, customers.slice(0, 1));
    expect(risk.text).toBe("$250K of the $1M open (25%) is expected to be paid late, and Acme holds 20% of that risk.");
    const steps = nextSteps({...facts, strategyMix: [{...facts.strategyMix[1], invoices: 1}]}, model, customers.slice(0, 1), 20_000);
    expect(steps[0].text).toBe("Call Acme, the one customer with cash at risk, from the prioritised worklist.");
    expect(steps[1].text).toContain("the 1 open invoice in the high-risk band");
  });
});

