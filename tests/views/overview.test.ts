import {describe, expect, test} from "vitest";
import {concentration, keyFindings, nextSteps} from "../../lib/views/overview.js";
import type {ModelNarrative, OverviewFacts} from "../../lib/views/overview.js";

const facts: OverviewFacts = {
  currency: "USD",
  openAr: 1_000_000,
  dso: 50,
  bestPossibleDso: 38,
  cashAtRisk: 250_000,
  routineShare: 0.64,
  focusShare: 0.27,
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
});
