import {describe, expect, test} from "vitest";
import {
  agingFinding, capacityNote, controlLabel, customerImpacts, customersFinding, decisionFinding, describeDelays, describeScenario,
  displayFromInputs, forecastFinding, inputsFromDisplay, sampleNote, scenarioControlGroups, scenarioControls, scenarioForecastRows,
  scenarioLede
} from "../../lib/views/scenarios.js";
import type {ForecastWeeks} from "../../lib/views/scenarios.js";
import {compileTiming, fitPaymentTiming} from "../../lib/portfolio/paymentTiming.js";
import {createRandom} from "../../lib/core/random.js";
import {defaultScenarioInputs, prepareScenario, runScenario, scenarioInputSpecs} from "../../lib/portfolio/scenario.js";
import type {ScenarioInputs} from "../../lib/portfolio/scenario.js";
import {syntheticBook, syntheticHistory} from "../fixtures/kpi/fixtures.js";

const asOf = 20_000;
const timing = compileTiming(fitPaymentTiming(syntheticHistory(createRandom("history"))));
const book = syntheticBook(createRandom("book"), asOf);
const prepared = prepareScenario(book, timing, asOf, {averageDailySales: 5_000});
const still: ScenarioInputs = {...defaultScenarioInputs, riskyCustomersDelayed: 0, slowingShare: 0, capacityPerWeek: 0};
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe("scenario controls", () => {
  const controls = scenarioControls(scenarioInputSpecs);

  test("one slider per input, each in a known group, with a distinct label", () => {
    expect(controls.map((c) => c.key).sort()).toEqual(scenarioInputSpecs.map((s) => s.key).sort());
    const groups = new Set(scenarioControlGroups.map((g) => g.key));
    for (const c of controls) expect(groups.has(c.group)).toBe(true);
    expect(new Set(controls.map((c) => c.label)).size).toBe(controls.length);
    expect(controls.map((c) => c.label)).not.toContain("Their extra delay");
  });

  test("labels carry their unit once, shares and rates in %", () => {
    const label = (key: keyof ScenarioInputs) => controls.find((c) => c.key === key)!.label;
    expect(label("riskyCustomerDelayDays")).toBe("Extra delay of the riskiest customers (days)");
    expect(label("slowingDelayDays")).toBe("Extra delay of the slowing customers (days)");
    expect(label("slowingShare")).toBe("Share of all customers slowing down (%)");
    expect(label("reminderEffectiveness")).toBe("Reminder effectiveness (delay removed, %)");
    expect(label("costOfCapital")).toBe("Cost of capital (% a year)");
    expect(label("costPerAction")).toBe("Cost per collection action (USD)");
    expect(label("riskyCustomersDelayed")).toBe("Riskiest customers who delay");
    expect(label("actionWeeks")).toBe("Weeks of collection work");
    expect(label("interventionThreshold")).toBe("Intervene from P(late)");
    expect(controlLabel("Cost per action", "")).toBe("Cost per action");
  });

  test("display values convert to the engine's inputs and back exactly", () => {
    const display = displayFromInputs({}, controls);
    expect(display.reminderEffectiveness).toBe(30);
    expect(display.costOfCapital).toBe(8);
    expect(inputsFromDisplay(display, controls)).toEqual(defaultScenarioInputs);
    const inputs = {...defaultScenarioInputs, costOfCapital: 0.075, slowingShare: 0.07, interventionThreshold: 0.35};
    expect(inputsFromDisplay(displayFromInputs(inputs, controls), controls)).toEqual(inputs);
    for (const c of controls) {
      expect(c.value).toBeGreaterThanOrEqual(c.min);
      expect(c.value).toBeLessThanOrEqual(c.max);
      expect(Number.isInteger(c.step * 1000)).toBe(true);
    }
  });
});

describe("scenario forecast band", () => {
  const weeks: ForecastWeeks = {
    week: [1, 2, 3],
    start: ["2026-10-01", "2026-10-08", "2026-10-15"],
    end: ["2026-10-07", "2026-10-14", "2026-10-21"],
    expected: [100, 200, 300],
    low: [80, 150, 260],
    high: [120, 250, 340],
    cumulativeExpected: [100, 300, 600],
    cumulativeLow: [80, 250, 520],
    cumulativeHigh: [120, 350, 680]
  };

  test("no change leaves the scenario's band on the baseline's", () => {
    const rows = scenarioForecastRows(weeks, {baseline: [100, 200, 300], scenario: [100, 200, 300]});
    for (const r of rows) expect(r.scenario).toEqual(r.baseline);
    expect(forecastFinding(rows)).toBe("This scenario leaves the 3-week cash forecast within half a percent of no change");
  });

  test("the band shifts by each week's change in expected cash, never below zero", () => {
    const rows = scenarioForecastRows(weeks, {baseline: [100, 200, 300], scenario: [10, 230, 360]});
    expect(rows.map((r) => r.change)).toEqual([-90, 30, 60]);
    expect(rows[0].scenario).toEqual({expected: 10, low: 0, high: 30});
    expect(rows[1].scenario).toEqual({expected: 230, low: 180, high: 280});
    expect(forecastFinding(rows, {firstWeeks: 1})).toBe("This scenario brings in $90 less cash in the next week and about the same cash over 3 weeks than no change");
  });

  test("cumulative rows shift by the change to date; a sample's change is scaled to the whole book", () => {
    const cash = {baseline: [100, 200, 300], scenario: [50, 220, 300]};
    const rows = scenarioForecastRows(weeks, cash, {cumulative: true, scale: 2});
    expect(rows.map((r) => r.change)).toEqual([-100, -60, -60]);
    expect(rows.map((r) => r.scenario.expected)).toEqual([0, 240, 540]);
    expect(rows.map((r) => r.baseline.high)).toEqual([120, 350, 680]);
  });
});

describe("customers driving the impact", () => {
  test("no delay and no collection work: nobody", () => {
    const impacts = customerImpacts(prepared, runScenario(prepared, still));
    expect(impacts.rows).toEqual([]);
    expect(impacts.customers).toBe(0);
    expect(customersFinding(impacts)).toBe("No customer’s payment timing changes in this scenario");
  });

  test("summed over customers, the impacts are the scenario's totals", () => {
    for (const inputs of [
      {...still, riskyCustomersDelayed: 12, riskyCustomerDelayDays: 20, slowingShare: 0.3, slowingDelayDays: 9},
      {...defaultScenarioInputs, slowingShare: 0.2, capacityPerWeek: 15, costOfCapital: 0.11}
    ]) {
      const result = runScenario(prepared, inputs);
      const {rows, customers, totalAmountDays} = customerImpacts(prepared, result, {limit: Infinity});
      expect(rows.length).toBe(customers);
      expect(sum(rows.map((r) => r.financing))).toBeCloseTo(result.financingCost - result.interventions.financingValue, 6);
      expect(sum(rows.map((r) => r.openArChange))).toBeCloseTo(result.openAr.change, 4);
      expect(sum(rows.map((r) => r.recovered))).toBeCloseTo(result.interventions.recovered, 6);
      expect(sum(rows.map((r) => r.actioned))).toBe(result.interventions.actioned);
      expect(sum(rows.map((r) => Math.abs(r.amountDays)))).toBeCloseTo(totalAmountDays, 6);
      expect(new Set(rows.filter((r) => r.delayDays > 0).map((r) => r.customerId)).size).toBe(result.delayed.customers);
      // Largest change first.
      for (let i = 1; i < rows.length; ++i) expect(Math.abs(rows[i - 1].amountDays)).toBeGreaterThanOrEqual(Math.abs(rows[i].amountDays));
    }
  });

  test("a delayed customer's days to cash rise by at most the delay", () => {
    const result = runScenario(prepared, {...still, riskyCustomersDelayed: 5, riskyCustomerDelayDays: 10});
    const {rows} = customerImpacts(prepared, result, {limit: 3});
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r.delayDays).toBe(10);
      expect(r.daysToCash).toBeGreaterThan(0);
      expect(r.daysToCash).toBeLessThanOrEqual(10 + 1e-9);
      expect(r.financing).toBeGreaterThan(0);
    }
    expect(customersFinding(customerImpacts(prepared, result, {limit: 3}))).toMatch(/^3 of 5 customers carry \d+% of the amount-weighted change in payment timing; Customer \d+ alone \d+%$/);
  });
});

describe("scenario words", () => {
  test("the scenario in one sentence, as the copyable text", () => {
    expect(describeScenario(defaultScenarioInputs)).toBe(
      "The 10 riskiest customers pay 15 days later. The team works up to 100 invoices a week for 4 weeks from P(late) 0.50, " +
        "each action removing 30% of the remaining delay and 10% of the write-off risk. Capital costs 8.0% a year; an action $25."
    );
    expect(describeScenario({...still, slowingShare: 0.2, selectionSeed: 7})).toBe(
      "20% of all customers pay 10 days later. No collection work. Capital costs 8.0% a year; an action $25. Slowing customers picked with seed 7."
    );
    expect(describeDelays({...defaultScenarioInputs, riskyCustomersDelayed: 1, slowingShare: 0.5})).toBe(
      "the riskiest customer paid 15 days later and 50% of all customers 10 days later"
    );
    expect(describeDelays(still)).toBeNull();
  });

  test("the lede states what the opening scenario costs and what collection work wins back", () => {
    const result = runScenario(prepared, defaultScenarioInputs);
    const lede = scenarioLede(result, {horizonDays: 30});
    expect(lede).toMatch(/^If the 10 riskiest customers paid 15 days later, \$[\d.,]+K? more would still be open in 30 days, DSO would rise by [\d.]+ days/);
    expect(lede).toMatch(/Working \d+ invoices from P\(late\) 0\.50 over 4 weeks collects \$[\d.,]+K? more within 13 weeks and nets \$/);
    expect(scenarioLede(runScenario(prepared, still), {horizonDays: 30})).toBe(
      "With every customer paying as expected, the open book follows its expected path."
    );
  });

  test("the decision curve's title compares the best threshold with the reader's", () => {
    const result = runScenario(prepared, {...defaultScenarioInputs, capacityPerWeek: 5});
    const {optimum} = result.decisionCurve;
    expect(optimum).not.toBeNull();
    expect(decisionFinding(result)).toMatch(/^Intervening from P\(late\) \d\.\d\d nets the most|^Your threshold of 0\.50 is the best/);
    const atBest = runScenario(prepared, {...defaultScenarioInputs, capacityPerWeek: 5, interventionThreshold: optimum!.threshold});
    expect(decisionFinding(atBest)).toMatch(new RegExp(`^Your threshold of ${optimum!.threshold.toFixed(2)} is the best on the curve`));
    expect(decisionFinding(runScenario(prepared, still))).toBe("With no collection capacity, no threshold changes anything");
    const costly = runScenario(prepared, {...defaultScenarioInputs, costPerAction: 500, writeOffPrevention: 0, costOfCapital: 0});
    expect(decisionFinding(costly)).toBe("At $500 an action, collection work does not pay: every threshold that selects invoices loses money");
    const allWorked = runScenario(prepared, {...defaultScenarioInputs, costPerAction: 500, writeOffPrevention: 0, costOfCapital: 0, interventionThreshold: 0.05, capacityPerWeek: 1000});
    // With a threshold grid that always selects invoices, the best still loses.
    const losing = {...allWorked, decisionCurve: {...allWorked.decisionCurve, points: allWorked.decisionCurve.points.slice(0, 5), optimum: allWorked.decisionCurve.points[0]}};
    expect(decisionFinding(losing)).toMatch(/^At \$500 an action, no threshold pays for itself: the best, 0\.05, loses \$/);
  });

  test("the capacity note appears only when capacity binds", () => {
    const binding = runScenario(prepared, {...defaultScenarioInputs, capacityPerWeek: 5, actionWeeks: 1});
    expect(capacityNote(binding.decisionCurve.points)).toMatch(/^Up to a threshold of \d\.\d\d, more invoices qualify than the team can work \(5\)/);
    const ample = runScenario(prepared, {...defaultScenarioInputs, capacityPerWeek: 1000, actionWeeks: 13});
    expect(capacityNote(ample.decisionCurve.points)).toBeNull();
  });

  test("the aging title names the change in overdue amount and its largest bucket", () => {
    const none = runScenario(prepared, still);
    expect(agingFinding(none.aging, {horizonDays: 30})).toBe("In 30 days about as much would be overdue as with no change");
    const late = runScenario(prepared, {...still, slowingShare: 1, slowingDelayDays: 30});
    expect(agingFinding(late.aging, {horizonDays: 30})).toMatch(/^In 30 days \$[\d.,]+[KM]? more would be overdue than with no change, most in the .+ days bucket \(\+\$/);
  });

  test("a sample is named with its coverage; a full book needs no note", () => {
    const figures = {invoices: 9_000, customers: 2_000, amount: 50_000_000};
    expect(sampleNote({capped: false, total: figures, kept: figures, scale: {invoices: 1, amount: 1}})).toBeNull();
    const note = sampleNote({capped: true, total: figures, kept: {invoices: 4_000, customers: 800, amount: 20_000_000}, scale: {invoices: 2.25, amount: 2.5}});
    expect(note).toContain("4,000 of the 9,000 open invoices (800 of 2,000 customers, $20M or 40% of the open amount)");
    expect(note).toContain("scales the scenario’s change by 2.50");
  });
});
