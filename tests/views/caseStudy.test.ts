import {describe, expect, test} from "vitest";
import {
  dataLimitation, imbalanceOpening, modelResult, problemFigures, segmentFeatures, segmentResult, sourceStage, sourceStep, strategyResult
} from "../../lib/views/caseStudy.js";
import type {CaseStudyNarrative} from "../../lib/views/caseStudy.js";

const synthetic = {synthetic: true, invoices: 24_816, source: {file: "synthetic-ledger-seed-1.csv"}};
const csv = {synthetic: false, invoices: 4000, source: {file: "invoices.csv"}};

describe("the case study's data-dependent sentences", () => {
  test("the source: generated, or read from the user's file", () => {
    expect(sourceStage(synthetic)).toEqual({name: "Generate", detail: "24,816 invoices, seeded"});
    expect(sourceStage(csv)).toEqual({name: "Read", detail: "invoices.csv"});
    expect(sourceStep(synthetic)).toContain("and dirt.");
    expect(sourceStep(csv)).toBe("the invoice export invoices.csv as it came, recognising its headers, delimiter and date format.");
    expect(`${sourceStep(csv)} ${dataLimitation(csv)}`).not.toMatch(/synthetic|generat|dirt/i);
    expect(dataLimitation(synthetic)).toMatch(/^The data is synthetic\./);
  });

  test("customer features: how many the ledger supports", () => {
    const features = (available: boolean[]) => available.map((a) => ({available: a}));
    expect(segmentFeatures({features: features(Array(12).fill(true)), clusteringFeatures: Array(8).fill("x")})).toBe(
      "12 behaviour features per customer, of which k-means clusters on 8 (the others describe the segments)"
    );
    expect(segmentFeatures({features: features([...Array(7).fill(true), ...Array(5).fill(false)]), clusteringFeatures: Array(5).fill("x")})).toBe(
      "12 behaviour features per customer (7 of them in this ledger), of which k-means clusters on 5 (the others describe the segments)"
    );
    // One customer: nothing to cluster, rather than "clusters on 0".
    expect(segmentFeatures({available: false, features: features(Array(12).fill(true)), clusteringFeatures: []})).toBe(
      "12 behaviour features per customer, though this ledger has too few customers with enough history to cluster"
    );
  });

  test("segments: the largest exposure, or that nothing is open", () => {
    expect(segmentResult(4, {label: "Low risk · High value", openShare: 0.87})).toBe("4 behaviour groups; the largest exposure sits in Low risk · High value (87% of open value).");
    expect(segmentResult(4, {label: "Low risk · High value", openShare: 0})).toBe("4 behaviour groups; none has anything open at the report date.");
    expect(segmentResult(null, null)).toBe("Too few customers with history to segment.");
  });

  const n: CaseStudyNarrative = {
    model: "Gradient-boosted trees",
    runnerUp: "Random forest",
    testAuc: 0.8391,
    runnerUpTestAuc: 0.8111,
    aucGap: 0.028,
    bestOnTest: "Gradient-boosted trees",
    choiceConfirmedOnTest: true,
    baseRate: 0.21
  };
  const test_ = {invoices: 5818, from: "2025-11-03"};

  test("the model against its runner-up: beat, trailed, or about as well (the narrow lead)", () => {
    expect(modelResult(n, test_)).toBe(
      "Gradient-boosted trees beat random forest by 0.028 ROC AUC on the test slice (5,818 invoices issued 2025-11-03 or later). The model chosen on validation also had the best test PR AUC."
    );
    // The CSV build used to print "beat random forest by -0.023 AUC".
    expect(modelResult({...n, model: "Logistic regression", aucGap: -0.0234, testAuc: 0.7934, runnerUpTestAuc: 0.8168}, test_)).toMatch(/^Logistic regression trailed random forest by 0\.023 ROC AUC/);
    expect(modelResult({...n, aucGap: 0.0029, runnerUpTestAuc: 0.8362}, test_)).toMatch(/^Gradient-boosted trees and random forest ranked late payers about as well as each other .*: ROC AUC 0\.839 against 0\.836\./);
    expect(modelResult({...n, choiceConfirmedOnTest: false, bestOnTest: "Logistic regression"}, test_)).toContain("On test, logistic regression had the higher PR AUC");
  });

  test("the problem and the strategy result in this ledger's figures, or that nothing is open", () => {
    const facts = {currency: "USD", openAr: 3_700_000, openInvoices: 400, overdueShare: 0.11, dso: 46, bestPossibleDso: 40, routineShare: 0.81, focusShare: 0.08};
    expect(problemFigures(facts, "2025-06-30")).toBe("11% of the $3.7M owed on 2025-06-30 is past due, and DSO runs 6 days above its best possible value.");
    expect(problemFigures({...facts, dso: 40.4}, "2025-06-30")).toContain("and DSO is within a day of its best possible value.");
    const none = {...facts, openAr: 0, openInvoices: 0, overdueShare: 0, dso: 0, bestPossibleDso: 0};
    expect(problemFigures(none, "2025-06-30")).toMatch(/^On 2025-06-30 nothing was owed/);
    expect(strategyResult(facts)).toEqual({detail: "8% need focus", result: "81% of open invoices can run on standard or loyalty terms; 8% need manual follow-up or credit restriction."});
    expect(strategyResult(none).detail).toBe("nothing open");
  });

  test("'Only' for a clear minority of late invoices, not for a near balance", () => {
    expect(imbalanceOpening(0.18)).toBe("Only 18% of test invoices are late.");
    expect(imbalanceOpening(0.45)).toBe("45% of test invoices are late, so late and on-time invoices are not far from balanced.");
  });
});
