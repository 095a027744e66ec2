import {beforeAll, describe, expect, test} from "vitest";
import type {Invoice, Ledger} from "../../lib/input/ledger.js";
import {createRandom} from "../../lib/core/random.js";
import {InputError} from "../../lib/core/errors.js";
import {defaultSplitShares, timeSplit} from "../../lib/model/split.js";
import {chooseSplit, sliceShortfall, splitCandidates} from "../../lib/model/splitChoice.js";
import {modelStage, paymentHistoryGap} from "../../lib/model/index.js";
import type {ModelStage} from "../../lib/model/index.js";
import type {ModelFile} from "../../lib/pipeline/contract.js";
import {splitSharesSentence} from "../../lib/views/definitions/model.js";
import {allAvailable, day, makeInvoice, randomLedger} from "../fixtures/features/ledger.js";

const day0 = day("2024-01-01");
const asOf = day0 + 420;

/**
 * One invoice a day on days 0…399, due the day it is issued (so no invoice falls between slices), four
 * customers in turn; on time on the days `onTime` says, else paid 10 days late. Eight more are issued
 * after day 400 and still open. Cuts fall at the invoice of index ⌊share × 400⌋: the default's on days
 * 240 and 300, 50 / 20 / 30 %'s on days 200 and 280.
 */
function dailyLedger(onTime: (d: number) => boolean): Ledger {
  const invoices: Invoice[] = [];
  for (let d = 0; d < 408; ++d) {
    const invoiceDate = day0 + d;
    const dueDate = d < 400 ? invoiceDate : asOf + 30;
    const paidDate = d >= 400 ? null : onTime(d) ? dueDate : dueDate + 10;
    invoices.push(makeInvoice({invoiceId: `I${d}`, customerId: `C${d % 4}`, invoiceDate, dueDate, amount: 100 + (d % 7) * 50, paidDate}, asOf));
  }
  return {invoices, customers: [], asOf, currency: "USD", source: {kind: "synthetic", name: "daily.csv"}, available: {...allAvailable}};
}

/**
 * On time: every 4th day before day 200 (50), every day of 200–229 (30), every 5th day of 230–299 (14),
 * every 2nd day from 300 (50). Default validation, days 240–299: 12 on time of 60 — short. 50 / 20 / 30 %:
 * training days 0–199 hold 50 on time of 200, validation 200–279 30 + 10 = 40 of 80, test 280–399 4 + 50 = 54 of 120.
 */
const widenable = dailyLedger((d) => (d < 200 ? d % 4 === 0 : d < 230 ? true : d < 300 ? d % 5 === 0 : d % 2 === 0));
/** On time only on every 4th day before day 240: every candidate's test slice starts on day 240 or later and holds none. */
const hopeless = dailyLedger((d) => d < 240 && d % 4 === 0);

describe("chooseSplit", () => {
  test("the candidates start at the default and widen validation and test together, training staying ≥ validation", () => {
    expect(splitCandidates[0]).toEqual(defaultSplitShares);
    for (const shares of splitCandidates) {
      expect(shares.train + shares.validation + shares.test).toBeCloseTo(1, 12);
      expect(shares.train).toBeGreaterThanOrEqual(shares.validation);
    }
    for (let k = 1; k < splitCandidates.length; ++k) {
      expect(splitCandidates[k].validation).toBeGreaterThan(splitCandidates[k - 1].validation);
      expect(splitCandidates[k].test).toBeGreaterThan(splitCandidates[k - 1].test);
    }
  });

  test("the default shares leave validation short: the first wider candidate that holds 20 of each is used", () => {
    expect(sliceShortfall(timeSplit(widenable), 20)).toEqual({slice: "validation", late: 48, onTime: 12});
    const chosen = chooseSplit(widenable);
    expect(chosen.split.shares).toEqual({train: 0.5, validation: 0.2, test: 0.3});
    expect(chosen.shortfall).toBeNull();
    expect(chosen.firstShortfall).toEqual({slice: "validation", late: 48, onTime: 12});
    expect(chosen.split.validationStart).toBe(day0 + 200);
    expect(chosen.split.testStart).toBe(day0 + 280);
    const counts = [chosen.split.train, chosen.split.validation, chosen.split.test].map((s) => [s.labels.length, s.labels.reduce((n, l) => n + l, 0)]);
    expect(counts).toEqual([[200, 150], [80, 40], [120, 66]]);
    expect(paymentHistoryGap(widenable)).toBeNull();
  });

  test("when no candidate holds enough, the default split and its shortfall stay, and the gap is still 'short'", () => {
    const chosen = chooseSplit(hopeless);
    expect(chosen.split.shares).toEqual(defaultSplitShares);
    expect(chosen.shortfall).toEqual({slice: "validation", late: 60, onTime: 0});
    for (const shares of splitCandidates) {
      const split = timeSplit(hopeless, shares);
      expect(split.test.labels.every((label) => label === 1)).toBe(true);
      expect(sliceShortfall(split, 20)).not.toBeNull();
    }
    expect(paymentHistoryGap(hopeless)).toEqual({
      kind: "short",
      reason:
        "too little payment history to validate a late-payment model: the validation slice holds 60 late and 0 on-time invoices " +
        "(at least 20 of each are needed in the training, validation and test slices)"
    });
    expect(() => modelStage(hopeless)).toThrow(InputError);
  });

  test("fixed shares are the only candidate; a ledger the default suits keeps it exactly", () => {
    expect(chooseSplit(widenable, {split: {train: 0.6, validation: 0.15, test: 0.25}}).shortfall).toEqual({slice: "validation", late: 48, onTime: 12});
    const ledger = randomLedger(createRandom("split"), {invoices: 3000, customers: 40});
    const chosen = chooseSplit(ledger);
    const plain = timeSplit(ledger);
    expect(chosen.firstShortfall).toBeNull();
    expect(chosen.split.shares).toEqual(defaultSplitShares);
    expect([chosen.split.validationStart, chosen.split.testStart]).toEqual([plain.validationStart, plain.testStart]);
  });
});

describe("the model stage on a ledger the default split leaves short", () => {
  let stage: ModelStage;
  let model: ModelFile;
  let split: ModelFile["split"];
  beforeAll(() => {
    stage = modelStage(widenable, {seed: 3, importance: {repeats: 1}});
    model = stage.files.model as ModelFile;
    split = model.split;
  });

  test("fits a model on the chosen split and ships its shares as numbers", () => {
    expect(stage.recipe).not.toBeNull();
    expect(split.shares).toEqual({train: 0.5, validation: 0.2, test: 0.3});
    expect(split.defaultShares).toEqual({train: 0.6, validation: 0.15, test: 0.25});
    expect(split.minClassCount).toBe(20);
    expect(split.defaultShortfall).toEqual({slice: "validation", late: 48, onTime: 12});
    expect(split.validationStart).toBe("2024-07-19");
    expect(split.testStart).toBe("2024-10-07");
    expect(model.narrative.testInvoices).toBe(120);
  });

  test("the page says which shares were used and why", () => {
    expect(splitSharesSentence(split)).toBe(
      "The default 60 / 15 / 25 % split left fewer than 20 on-time invoices in the validation slice (12 on-time), " +
        "so the later slices were widened to 50 / 20 / 30 %, the first wider split with at least 20 late and 20 on-time invoices in each slice; " +
        "the shares depend on these counts alone, never on a model's score."
    );
  });
});
