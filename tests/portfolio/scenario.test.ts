import {describe, expect, test} from "vitest";
import {expectedCashByWeek, forecastItems} from "../../lib/portfolio/forecast.js";
import {compileTiming, fitPaymentTiming} from "../../lib/portfolio/paymentTiming.js";
import {createRandom} from "../../lib/core/random.js";
import {
  customerDelays,
  defaultScenarioInputs,
  defaultThresholds,
  prepareScenario,
  resolveScenarioInputs,
  runScenario,
  scenarioInputSpecs,
  unitHash
} from "../../lib/portfolio/scenario.js";
import type {ScenarioInputs} from "../../lib/portfolio/scenario.js";
import {fixtureTimingModel, makeOpen, syntheticBook, syntheticHistory} from "../fixtures/kpi/fixtures.js";

const asOf = 20_000;
const timing = compileTiming(fitPaymentTiming(syntheticHistory(createRandom("history"))));
const book = syntheticBook(createRandom("book"), asOf);
const prepared = prepareScenario(book, timing, asOf, {averageDailySales: 5_000});

const still: Partial<ScenarioInputs> = {riskyCustomersDelayed: 0, slowingShare: 0, capacityPerWeek: 0};

function nonDecreasing(values: number[]): boolean {
  return values.every((v, i) => i === 0 || v >= values[i - 1] - 1e-9);
}

describe("scenario inputs", () => {
  test("every input has a spec with a default inside its range", () => {
    for (const spec of scenarioInputSpecs) {
      expect(spec.value).toBeGreaterThanOrEqual(spec.min);
      expect(spec.value).toBeLessThanOrEqual(spec.max);
      expect(defaultScenarioInputs[spec.key]).toBe(spec.value);
    }
    expect(Object.keys(defaultScenarioInputs).sort()).toEqual(scenarioInputSpecs.map((s) => s.key).sort());
  });

  test("out-of-range inputs are clamped", () => {
    const r = resolveScenarioInputs({slowingShare: 1.5, reminderEffectiveness: -1, capacityPerWeek: 12.7, riskyCustomerDelayDays: -5});
    expect(r).toMatchObject({slowingShare: 1, reminderEffectiveness: 0, capacityPerWeek: 12, riskyCustomerDelayDays: 0});
  });

  test("the selection hash is uniform enough and picks nested sets as the share grows", () => {
    const values = Array.from({length: 10_000}, (_, i) => unitHash(`1:C${String(i).padStart(5, "0")}`));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(values.filter((v) => v < 0.3).length / values.length - 0.3)).toBeLessThan(0.015);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    let previous = new Set<number>();
    for (const slowingShare of [0, 0.1, 0.25, 0.5, 0.75, 1]) {
      const delays = customerDelays(prepared, resolveScenarioInputs({...still, slowingShare}));
      const picked = new Set([...delays.keys()].filter((c) => delays[c] > 0));
      for (const c of previous) expect(picked.has(c)).toBe(true);
      previous = picked;
    }
    expect(previous.size).toBe(prepared.customerIds.length);
  });
});

describe("scenario outcomes", () => {
  test("zero delay and no actions: zero impact", () => {
    const r = runScenario(prepared, still);
    expect(r.delayed).toEqual({customers: 0, invoices: 0, amount: 0});
    expect(r.openAr.change).toBe(0);
    expect(r.financingCost).toBe(0);
    for (const change of Object.values(r.dsoChange)) expect(Math.abs(change)).toBe(0);
    expect(r.workingCapitalChange).toBe(0);
    expect(r.interventions).toMatchObject({actioned: 0, cost: 0, financingValue: 0, recovered: 0, cashAccelerated: 0});
    expect(Array.from(r.cashByWeek.scenario)).toEqual(Array.from(r.cashByWeek.baseline));
    r.aging.forEach((row) => expect(row.scenario).toBeCloseTo(row.baseline, 9));
  });

  test("hand-computed: one invoice, three days of delay, then one action", () => {
    const one = prepareScenario([makeOpen({id: "N", amount: 10_000, dueIn: 2, pLate: 0.25}, asOf)], compileTiming(fixtureTimingModel()), asOf);
    const delayed = runScenario(one, {...still, riskyCustomersDelayed: 1, riskyCustomerDelayDays: 3, costOfCapital: 0.08});
    // Collection share 0.95: 10,000 × 0.95 × 3 days of waiting.
    expect(delayed.financingCost).toBeCloseTo((10_000 * 0.95 * 3 * 0.08) / 365, 9);
    expect(delayed.dsoChange.delay).toBeCloseTo(3, 12);
    const acted = runScenario(one, {
      ...still,
      capacityPerWeek: 1,
      interventionThreshold: 0.2,
      reminderEffectiveness: 0.5,
      writeOffPrevention: 0.5,
      costOfCapital: 0.1,
      costPerAction: 10
    });
    // Half of each late payment's delay beyond the due date removed: 0.25 × Σ x/2 × paid(x) = 0.3 days.
    expect(acted.interventions.daysSaved).toBeCloseTo(0.3, 12);
    expect(acted.interventions.financingValue).toBeCloseTo((3_000 * 0.1) / 365, 9);
    expect(acted.interventions.recovered).toBeCloseTo(10_000 * 0.5 * 0.05, 9);
    expect(acted.interventions.cashAccelerated).toBeCloseTo(250, 9);
    expect(acted.interventions.net).toBeCloseTo((3_000 * 0.1) / 365 + 250 - 10, 9);
    // Every threshold up to 0.25 works the invoice for the same net benefit; the highest of them is the optimum.
    expect(acted.decisionCurve.points.map((p) => p.actioned)).toEqual(defaultThresholds.map((t) => (t <= 0.25 ? 1 : 0)));
    expect(acted.decisionCurve.optimum!.threshold).toBe(0.25);
  });

  test("doubling the rate doubles the financing cost", () => {
    const base = {riskyCustomersDelayed: 20, riskyCustomerDelayDays: 15};
    const single = runScenario(prepared, {...base, costOfCapital: 0.05});
    const double = runScenario(prepared, {...base, costOfCapital: 0.1});
    expect(single.financingCost).toBeGreaterThan(0);
    expect(double.financingCost).toBeCloseTo(2 * single.financingCost, 9);
    expect(double.interventions.financingValue).toBeCloseTo(2 * single.interventions.financingValue, 9);
  });

  test("capacity caps the invoices actioned", () => {
    const eligible = book.filter((i) => i.pLate >= 0.3).length;
    const actioned = [0, 5, 10, 50, 1_000].map((capacityPerWeek) => {
      const r = runScenario(prepared, {capacityPerWeek, actionWeeks: 4, interventionThreshold: 0.3});
      expect(r.interventions.eligible).toBe(eligible);
      expect(r.interventions.actioned).toBe(Math.min(eligible, capacityPerWeek * 4));
      expect(r.interventions.cost).toBe(r.interventions.actioned * defaultScenarioInputs.costPerAction);
      return r.interventions.actioned;
    });
    expect(nonDecreasing(actioned)).toBe(true);
  });

  test("monotone: more delay, more delayed customers, a larger share slowing", () => {
    const byDays = [0, 5, 10, 20, 40, 60].map((d) => runScenario(prepared, {...still, riskyCustomersDelayed: 15, riskyCustomerDelayDays: d}));
    expect(nonDecreasing(byDays.map((r) => r.financingCost))).toBe(true);
    expect(nonDecreasing(byDays.map((r) => r.openAr.change))).toBe(true);
    expect(nonDecreasing(byDays.map((r) => r.dsoChange.total))).toBe(true);
    expect(byDays.at(-1)!.openAr.change).toBeGreaterThan(0);
    const byCount = [0, 1, 5, 20, 80].map((n) => runScenario(prepared, {...still, riskyCustomersDelayed: n, riskyCustomerDelayDays: 20}));
    expect(nonDecreasing(byCount.map((r) => r.financingCost))).toBe(true);
    expect(byCount.map((r) => r.delayed.customers)).toEqual([0, 1, 5, 20, prepared.customerIds.length]);
    const byShare = [0, 0.1, 0.3, 0.6, 1].map((slowingShare) => runScenario(prepared, {...still, slowingShare, slowingDelayDays: 10}));
    expect(nonDecreasing(byShare.map((r) => r.financingCost))).toBe(true);
    expect(nonDecreasing(byShare.map((r) => r.delayed.amount))).toBe(true);
  });

  test("monotone: a stricter threshold works fewer invoices; more effective actions save more", () => {
    const byThreshold = [0.1, 0.3, 0.5, 0.7, 0.9].map((interventionThreshold) => runScenario(prepared, {interventionThreshold}).interventions.eligible);
    expect(nonDecreasing(byThreshold.map((v) => -v))).toBe(true);
    const byEffect = [0, 0.2, 0.5, 0.8, 1].map((reminderEffectiveness) => runScenario(prepared, {reminderEffectiveness, writeOffPrevention: 0}).interventions);
    expect(nonDecreasing(byEffect.map((i) => i.financingValue))).toBe(true);
    expect(nonDecreasing(byEffect.map((i) => i.cashAccelerated))).toBe(true);
    expect(byEffect[0].financingValue).toBe(0);
  });

  test("when every customer pays D days later, DSO rises by D and working capital by D days of sales", () => {
    const r = runScenario(prepared, {...still, slowingShare: 1, slowingDelayDays: 12});
    expect(r.dsoChange.delay).toBeCloseTo(12, 9);
    expect(r.workingCapitalChange).toBeCloseTo(12 * 5_000, 6);
  });

  test("the decision curve: its optimum is its best point and the chosen threshold's point matches the interventions", () => {
    const r = runScenario(prepared, {interventionThreshold: 0.4});
    const best = Math.max(...r.decisionCurve.points.map((p) => p.net));
    expect(r.decisionCurve.optimum!.net).toBe(best);
    const atChosen = r.decisionCurve.points.find((p) => Math.abs(p.threshold - 0.4) < 1e-12)!;
    expect(atChosen.net).toBeCloseTo(r.interventions.net, 9);
    expect(atChosen.actioned).toBe(r.interventions.actioned);
  });

  test("expected aging adds up to the open AR; the shifts reproduce the scenario's cash in the forecast", () => {
    const r = runScenario(prepared, {riskyCustomersDelayed: 10, riskyCustomerDelayDays: 20, slowingShare: 0.2});
    expect(r.aging.reduce((s, a) => s + a.scenario, 0)).toBeCloseTo(r.openAr.scenario, 6);
    const cash = expectedCashByWeek(forecastItems(book, timing, asOf, r.shifts), asOf, 13);
    Array.from(cash.weekly).forEach((v, k) => expect(v).toBeCloseTo(r.cashByWeek.scenario[k], 6));
  });

  test("deterministic: the same inputs give identical results", () => {
    const inputs = {slowingShare: 0.4, selectionSeed: 7};
    expect(JSON.stringify(runScenario(prepared, inputs))).toBe(JSON.stringify(runScenario(prepared, inputs)));
    const other = runScenario(prepared, {...inputs, selectionSeed: 8});
    expect(other.delayed.customers).not.toBe(0);
  });
});
