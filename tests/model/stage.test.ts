import {beforeAll, describe, expect, test} from "vitest";
import {invoiceFeatures} from "../../lib/model/features/index.js";
import type {Ledger} from "../../lib/input/ledger.js";
import {smoteWithProvenance} from "../../lib/model/learners/imbalance.js";
import {createRandom} from "../../lib/core/random.js";
import {syntheticLedger} from "../../lib/pipeline/source.js";
import {familyKeys, modelStage, variantKeys} from "../../lib/model/index.js";
import type {ComparisonRow, ModelStage} from "../../lib/model/index.js";
import {fitFamily, defaultFamilySettings, variantTrainingSet} from "../../lib/model/families.js";
import {chooseThreshold, selectFamily, selectVariant} from "../../lib/model/selection.js";
import type {Candidate} from "../../lib/model/selection.js";
import {liftAtTop} from "../../lib/model/evaluation.js";
import {sliceDataset, timeSplit} from "../../lib/model/split.js";
import {formatIsoDay} from "../../lib/core/dates.js";
import {confusionFromBins} from "../../lib/model/metrics.js";
import type {ScoreBins} from "../../lib/model/metrics.js";
import {splitSentence} from "../../lib/views/definitions/model.js";

// A small ledger (6,000 invoices, 240 customers) keeps each run of the whole stage to a few seconds.
const ledger = syntheticLedger({invoices: 6000, customers: 240, seed: 5}).ledger;
const seed = 7;

/** The same ledger with the outcome of every settled test-slice invoice flipped: late ↔ on time. */
function flipOutcomes(source: Ledger, indices: ArrayLike<number>): Ledger {
  const invoices = source.invoices.slice();
  for (let k = 0; k < indices.length; ++k) {
    const i = indices[k];
    const invoice = invoices[i];
    if (invoice.settledDate === null || invoice.settledDate > source.asOf) continue;
    const settled = invoice.settledDate > invoice.dueDate ? invoice.dueDate : Math.min(source.asOf, invoice.dueDate + 20);
    invoices[i] = {
      ...invoice,
      settledDate: settled,
      paidDate: invoice.paidDate === null ? null : settled,
      writeOffDate: invoice.writeOffDate === null ? null : settled,
      daysLate: settled - invoice.dueDate,
      paidLate: settled > invoice.dueDate
    };
  }
  return {...source, invoices};
}

let stage: ModelStage;
let model: any;
let bins: any;
beforeAll(() => {
  stage = modelStage(ledger, {seed});
  model = stage.files.model;
  bins = stage.files["score-bins"];
});

describe("modelStage files", () => {
  test("the model file has the documented sections", () => {
    expect(Object.keys(stage.files).sort()).toEqual(["model", "score-bins"]);
    expect(Object.keys(model)).toEqual([
      "modelName", "split", "features", "comparison", "selection", "calibration", "threshold", "curves", "importance", "baseRate", "narrative", "production", "settings"
    ]);
    expect(model.split.asOf).toBe("2026-09-30");
    // A ledger of thousands of invoices keeps the default shares and the default's cuts.
    expect(model.split.shares).toEqual({train: 0.6, validation: 0.15, test: 0.25});
    expect(model.split.defaultShortfall).toBeNull();
    const plain = timeSplit(ledger);
    expect([model.split.validationStart, model.split.testStart]).toEqual([plain.validationStart, plain.testStart].map(formatIsoDay));
    expect(splitSentence(model.split)).toMatch(/^Trained on [\d,]+ invoices issued \d{4}-\d\d-\d\d to/);
    expect(model.split.slices.map((s: any) => s.name)).toEqual(["train", "validation", "test", "production", "scored"]);
    expect(model.features.columns).toBe(model.features.groups.reduce((sum: number, g: any) => sum + g.columns, 0));
    expect(model.features.groups[0]).toEqual({name: "amount", kind: "numeric", columns: 1, columnNames: ["logAmount"]});
    expect(model.features.options).toEqual({recentWindow: 10, trendWindow: 3, priorWeight: 5, monthEndDays: 3});
    expect(model.features.dropped).toEqual([]);
  });

  test("one comparison row per family × variant, each with every metric", () => {
    const rows: ComparisonRow[] = model.comparison;
    expect(rows.map((r) => `${r.family}/${r.variant}`)).toEqual(familyKeys.flatMap((f) => variantKeys.map((v) => `${f}/${v}`)));
    const metricFields = [
      "validationAuc", "validationPrAuc", "testAuc", "testPrAuc", "testBrier", "testLogLoss", "calibratedBrier", "calibratedLogLoss",
      "accuracyAt50", "precisionAt50", "recallAt50", "f1At50", "threshold", "accuracyAtThreshold", "precisionAtThreshold", "recallAtThreshold",
      "f1AtThreshold", "flaggedAtThreshold"
    ] as const;
    for (const row of rows) {
      for (const field of metricFields) expect(row[field], `${row.family}/${row.variant} ${field}`).toEqual(expect.any(Number));
      expect(row.testAuc!).toBeGreaterThan(0.6);
      expect(["none", "platt", "isotonic"]).toContain(row.calibration);
    }
    expect(rows.filter((r) => r.selected)).toHaveLength(1);
    expect(rows.filter((r) => r.familyChoice)).toHaveLength(3);
    const selected = rows.find((r) => r.selected)!;
    expect(selected).toMatchObject({family: model.selection.family, variant: model.selection.variant, familyChoice: true});
    expect(model.modelName).toBe(selected.familyName);
    expect(stage.scores.modelName).toBe(selected.familyName);
  });

  test("selection, calibration and threshold state their rules and figures", () => {
    expect(model.selection).toMatchObject({tolerance: 0.002, margin: expect.any(Number)});
    expect(model.selection.runnerUp.family).not.toBe(model.selection.family);
    expect(model.calibration).toMatchObject({method: expect.stringMatching(/^(none|platt|isotonic)$/), brierBefore: expect.any(Number), brierAfter: expect.any(Number)});
    for (const table of [model.calibration.binsBefore, model.calibration.binsAfter]) {
      expect(table.count.reduce((a: number, b: number) => a + b, 0)).toBe(model.narrative.testInvoices);
    }
    expect(model.threshold.value).toBeGreaterThan(0);
    expect(model.threshold.value).toBeLessThan(1);
    // The threshold is a bin edge, so the slider's bins reproduce it exactly.
    expect(Math.abs(model.threshold.value * bins.bins - Math.round(model.threshold.value * bins.bins))).toBeLessThan(1e-9);
  });

  test("curves and importance for every family", () => {
    expect(model.curves.map((c: any) => c.family)).toEqual([...familyKeys]);
    for (const curve of model.curves) {
      expect(curve.roc.length).toBeLessThanOrEqual(200);
      expect(curve.pr.length).toBeLessThanOrEqual(200);
      expect(curve.roc.falsePositiveRate).toHaveLength(curve.roc.length);
      expect(curve.roc.truePositiveRate.at(-1)).toBe(1);
      expect(curve.auc).toBeGreaterThan(0.6);
    }
    const groups = invoiceFeatures(ledger).featureGroups.length;
    for (const entry of model.importance) {
      expect(entry.groups).toHaveLength(groups);
      const means = entry.groups.map((g: any) => g.mean);
      expect(means).toEqual([...means].sort((a, b) => b - a));
      expect(entry.groups[0].mean).toBeGreaterThan(0.01);
    }
  });

  test("score bins add up to the test slice and reproduce the reported figures at the threshold", () => {
    expect(bins.positives).toHaveLength(bins.bins);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(bins.positives) + sum(bins.negatives)).toBe(bins.n);
    expect(sum(bins.positives)).toBe(bins.late);
    expect(sum(bins.positiveAmount) + sum(bins.negativeAmount)).toBeCloseTo(bins.amountTotal, 0);
    expect(bins.n).toBe(model.narrative.testInvoices);
    const binned: ScoreBins = {bins: bins.bins, positives: bins.positives, negatives: bins.negatives, positiveAmount: bins.positiveAmount, negativeAmount: bins.negativeAmount};
    const cells = confusionFromBins(binned, bins.threshold);
    const selected = model.comparison.find((r: ComparisonRow) => r.selected);
    expect(cells.tp / (cells.tp + cells.fn)).toBeCloseTo(selected.recallAtThreshold, 4);
    expect(cells.flagged).toBe(model.narrative.flaggedCount);
  });

  test("JSON-ready: no NaN, Infinity, typed arrays or undefined; each file under 150 KB", () => {
    for (const [name, value] of Object.entries(stage.files)) {
      const text = JSON.stringify(value);
      expect(JSON.parse(text), name).toEqual(value);
      expect(text.length, name).toBeLessThan(150_000);
    }
  });
});

describe("modelStage scores", () => {
  test("P(late) for every invoice, in [0, 1]", () => {
    expect(stage.scores.pLate).toHaveLength(ledger.invoices.length);
    for (const p of stage.scores.pLate) expect(p >= 0 && p <= 1).toBe(true);
  });

  test("factors for every scored invoice: one to three plain phrases", () => {
    const scored = timeSplit(ledger).scored.indices;
    expect([...stage.scores.factors.keys()].sort((a, b) => a - b)).toEqual(Array.from(scored).sort((a, b) => a - b));
    let empty = 0;
    for (const phrases of stage.scores.factors.values()) {
      expect(phrases.length).toBeLessThanOrEqual(3);
      if (!phrases.length) ++empty;
      for (const phrase of phrases) expect(phrase).toMatch(/^[\w$€£-][^\n]*$/);
    }
    expect(empty).toBeLessThan(scored.length * 0.02);
  });

  test("tables for the peer check: training and test rows, calibrated test scores per family", () => {
    const {tables} = stage;
    expect(tables.train.x.rows).toBe(tables.train.y.length);
    expect(tables.test.x.cols).toBe(tables.featureNames.length);
    for (const family of familyKeys) expect(tables.testScores[family]).toHaveLength(tables.test.y.length);
    const selected = model.comparison.find((r: ComparisonRow) => r.selected);
    expect(tables.testVariants[selected.family as "logistic"]).toBe(selected.variant);
  });

  test("timings are reported outside the files", () => {
    expect(stage.timings.fits).toHaveLength(9);
    expect(Object.keys(stage.timings.steps)).toEqual(["split", "features", "fit", "importance", "production fit", "score all", "factors", "files"]);
    expect(JSON.stringify(stage.files)).not.toMatch(/"ms"/);
  });
});

describe("modelStage is honest and deterministic", () => {
  test("the same ledger and seed give identical files and scores; the hook sees start and end", () => {
    const events: string[] = [];
    let tick = 0;
    const again = modelStage(ledger, {seed, onStage: (e) => events.push(`${e.stage}:${e.phase}`), clock: () => ++tick});
    expect(JSON.stringify(again.files)).toBe(JSON.stringify(stage.files));
    expect(again.scores.pLate).toEqual(stage.scores.pLate);
    expect([...again.scores.factors]).toEqual([...stage.scores.factors]);
    expect(events).toEqual(["model:start", "model:end"]);
  });

  test("test-slice outcomes cannot change any choice: selection, calibration and threshold use validation only", () => {
    const split = timeSplit(ledger);
    const flipped = modelStage(flipOutcomes(ledger, split.test.indices), {seed});
    const other = flipped.files.model as any;
    // The flip did change the test slice…
    expect(other.baseRate).not.toBe(model.baseRate);
    expect(other.comparison.map((r: ComparisonRow) => r.testAuc)).not.toEqual(model.comparison.map((r: ComparisonRow) => r.testAuc));
    // …and nothing chosen on validation.
    expect(other.selection).toEqual(model.selection);
    expect(other.threshold).toEqual(model.threshold);
    expect(other.calibration.method).toBe(model.calibration.method);
    const chosenOnValidation = (r: ComparisonRow) => [r.validationAuc, r.validationPrAuc, r.calibration, r.threshold, r.parameters, r.trainingRows, r.familyChoice, r.selected];
    expect(other.comparison.map(chosenOnValidation)).toEqual(model.comparison.map(chosenOnValidation));
  });

  test("SMOTE rows come from the training slice only", () => {
    const y = stage.tables.train.y;
    const late = y.reduce((a, b) => a + b, 0);
    const synthetic = y.length - late - late; // oversampled up to as many late as on-time invoices
    for (const family of ["logistic", "forest"]) {
      const row = model.comparison.find((r: ComparisonRow) => r.family === family && r.variant === "smote");
      expect(row).toMatchObject({syntheticRows: synthetic, trainingRows: y.length + synthetic});
    }
    const boosting = model.comparison.find((r: ComparisonRow) => r.family === "boosting" && r.variant === "smote");
    expect(boosting.trainingRows).toBeLessThan(y.length + synthetic); // its early-stopping holdout is taken out first
  });
});

describe("the stage's one-hot categories", () => {
  test("come from invoices issued before the training cut, even with more than 12 industries", () => {
    const split = timeSplit(ledger);
    // 14 industries before the cut, three busy new ones from the cut on.
    const relabelled: Ledger = {
      ...ledger,
      invoices: ledger.invoices.map((invoice, i) => ({
        ...invoice,
        industry: invoice.invoiceDate < split.validationStart ? `Early ${i % 14}` : i % 4 === 0 ? `Early ${i % 14}` : `Late ${i % 3}`
      }))
    };
    const quick = {forest: {nTrees: 4}, boosting: {maxIterations: 5}};
    const files = modelStage(relabelled, {seed, models: quick, importance: {repeats: 1, maxRows: 200}}).files.model as any;
    const industry = files.features.groups.find((g: any) => g.name === "industry");
    expect(industry.columnNames).toHaveLength(12);
    expect(industry.columnNames.filter((name: string) => name.startsWith("industry=Late"))).toEqual([]);
    expect(industry.columnNames.at(-1)).toBe("industry=Other");
  });
});

describe("variantTrainingSet and fitFamily", () => {
  const features = invoiceFeatures(ledger);
  const split = timeSplit(ledger);
  const train = sliceDataset(features, split.train);

  test("SMOTE keeps the training rows and interpolates only between late training invoices", () => {
    const {data, syntheticRows} = variantTrainingSet(train, "smote", defaultFamilySettings.smote, "s");
    const reference = smoteWithProvenance(train, defaultFamilySettings.smote, createRandom("s:smote"));
    expect(data.x.values).toEqual(reference.data.x.values);
    expect(syntheticRows).toBe(reference.bases.length);
    expect(data.x.values.subarray(0, train.x.values.length)).toEqual(train.x.values);
    for (const parent of [...reference.bases, ...reference.neighbours]) {
      expect(parent).toBeLessThan(train.y.length);
      expect(train.y[parent]).toBe(1);
    }
    expect(Array.from(data.y.subarray(train.y.length)).every((label) => label === 1)).toBe(true);
  });

  test("class weights balance the classes; no re-weighting returns the data as is", () => {
    expect(variantTrainingSet(train, "none", {}, "s").data).toBe(train);
    const {data} = variantTrainingSet(train, "balanced", {}, "s");
    let late = 0, onTime = 0;
    data.y.forEach((label, i) => (label ? (late += data.weights![i]) : (onTime += data.weights![i])));
    expect(late).toBeCloseTo(onTime, 6);
  });

  test("a fit is a pure function of data, settings and seed", () => {
    const a = fitFamily("boosting", "smote", train, defaultFamilySettings, "x");
    const b = fitFamily("boosting", "smote", train, defaultFamilySettings, "x");
    expect(a.classifier.predict(train.x)).toEqual(b.classifier.predict(train.x));
    expect(a.rounds).toBe(b.rounds);
  });
});

describe("selection rules", () => {
  const candidate = (family: Candidate["family"], variant: Candidate["variant"], score: number, parameters = 10): Candidate => ({family, variant, score, parameters});

  test("a variant must beat the simpler ones by more than the tolerance", () => {
    expect(selectVariant([candidate("forest", "none", 0.66), candidate("forest", "balanced", 0.661), candidate("forest", "smote", 0.665)]).variant).toBe("smote");
    expect(selectVariant([candidate("forest", "none", 0.664), candidate("forest", "balanced", 0.6655), candidate("forest", "smote", 0.665)]).variant).toBe("none");
    expect(selectVariant([candidate("forest", "none", 0.66), candidate("forest", "balanced", 0.6655), candidate("forest", "smote", 0.6665)]).variant).toBe("balanced");
  });

  test("families: best validation PR AUC, ties to fewer parameters; runner-up and margin", () => {
    const a = selectFamily([candidate("logistic", "none", 0.67, 48), candidate("forest", "none", 0.66, 10_000), candidate("boosting", "none", 0.6715, 1_600)]);
    expect(a.chosen.family).toBe("logistic");
    expect(a.runnerUp!.family).toBe("boosting");
    expect(a.margin).toBeCloseTo(-0.0015, 10);
    const b = selectFamily([candidate("logistic", "none", 0.66, 48), candidate("forest", "none", 0.665, 10_000), candidate("boosting", "none", 0.67, 1_600)]);
    expect(b.chosen.family).toBe("boosting");
    expect(b.runnerUp!.family).toBe("forest");
    expect(b.margin).toBeCloseTo(0.005, 10);
  });

  test("threshold: the bin edge with the highest validation F1, ties to the higher edge", () => {
    // Edges 0.1 … 0.9. At 0.4: flagged 0.9, 0.75, 0.7, 0.45 → tp 3, fp 1, fn 0 → F1 = 6/7, the best.
    const choice = chooseThreshold([1, 1, 0, 1, 0, 0], [0.9, 0.75, 0.7, 0.45, 0.3, 0.1], 10);
    expect(choice.value).toBeCloseTo(0.4, 12);
    expect(choice.f1).toBeCloseTo(6 / 7, 12);
    // F1 = 0.8 at every edge up to 0.3 (all three flagged): the highest of them wins.
    expect(chooseThreshold([1, 0, 1], [0.8, 0.6, 0.3], 10).value).toBeCloseTo(0.3, 12);
  });

  test("lift at the top decile", () => {
    // 20 rows, 4 late; the 2 highest scores are both late: lift = (2/2) / (4/20) = 5, half the late caught.
    const labels = [1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0];
    const scores = labels.map((_, i) => 1 - i / 20);
    expect(liftAtTop(labels, scores, 0.1)).toEqual({lift: 5, caught: 0.5});
  });
});
