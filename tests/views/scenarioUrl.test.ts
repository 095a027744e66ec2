import {describe, expect, test} from "vitest";
import {defaultScenarioInputs, scenarioInputSpecs} from "../../lib/portfolio/scenario.js";
import type {ScenarioInputs} from "../../lib/portfolio/scenario.js";
import {decodeScenarioHash, encodeScenarioHash, scenarioFromHash, snapToSpec} from "../../lib/views/scenarioUrl.js";

const spec = (key: keyof ScenarioInputs) => scenarioInputSpecs.find((s) => s.key === key)!;

describe("scenario in the URL hash", () => {
  test("the baseline scenario has no hash, and reading no hash gives the baseline", () => {
    expect(encodeScenarioHash(defaultScenarioInputs)).toBe("");
    expect(scenarioFromHash("")).toEqual(defaultScenarioInputs);
    expect(scenarioFromHash("#")).toEqual(defaultScenarioInputs);
  });

  test("only inputs that differ from their defaults are written, by spec key", () => {
    const hash = encodeScenarioHash({...defaultScenarioInputs, riskyCustomersDelayed: 20, costOfCapital: 0.1});
    expect(hash).toBe("riskyCustomersDelayed=20&costOfCapital=0.1");
  });

  test("every input round-trips through the hash", () => {
    const inputs: ScenarioInputs = {
      riskyCustomersDelayed: 37, riskyCustomerDelayDays: 45, slowingShare: 0.25, slowingDelayDays: 7, reminderEffectiveness: 0.55,
      capacityPerWeek: 230, actionWeeks: 9, interventionThreshold: 0.35, costOfCapital: 0.125, costPerAction: 40,
      writeOffPrevention: 0.2, selectionSeed: 42
    };
    const hash = encodeScenarioHash(inputs);
    expect(scenarioFromHash(`#${hash}`)).toEqual(inputs);
    expect(scenarioFromHash(hash)).toEqual(inputs);
  });

  test("values print without binary noise", () => {
    // 0.1 + 0.2 is the classic: the slider's step has two decimals, so the link has at most two.
    const hash = encodeScenarioHash({slowingShare: 0.1 + 0.2, interventionThreshold: 0.7000000000000001});
    expect(hash).toBe("slowingShare=0.3&interventionThreshold=0.7");
  });

  test("values are clamped to the slider's range and snapped to its step", () => {
    expect(snapToSpec(150, spec("riskyCustomersDelayed"))).toBe(100);
    expect(snapToSpec(-3, spec("riskyCustomerDelayDays"))).toBe(0);
    expect(snapToSpec(104, spec("capacityPerWeek"))).toBe(100);
    expect(snapToSpec(106, spec("capacityPerWeek"))).toBe(110);
    expect(snapToSpec(0.0813, spec("costOfCapital"))).toBe(0.08);
    expect(snapToSpec(0.0838, spec("costOfCapital"))).toBe(0.085);
    expect(decodeScenarioHash("#slowingShare=7&actionWeeks=0").inputs).toEqual({slowingShare: 1, actionWeeks: 1});
  });

  test("unknown names and unreadable numbers are skipped and listed, the rest still read", () => {
    const {inputs, ignored} = decodeScenarioHash("#costPerAction=50&bogus=1&riskyCustomersDelayed=abc&slowingShare=&actionWeeks=Infinity");
    expect(inputs).toEqual({costPerAction: 50});
    expect(ignored).toEqual(["bogus", "riskyCustomersDelayed", "slowingShare", "actionWeeks"]);
    expect(scenarioFromHash("#costPerAction=50&bogus=1")).toEqual({...defaultScenarioInputs, costPerAction: 50});
  });

  test("a hash cannot smuggle markup or script: only numbers come out", () => {
    const {inputs, ignored} = decodeScenarioHash("#costPerAction=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&%3Cscript%3E=1");
    expect(inputs).toEqual({});
    expect(ignored).toEqual(["costPerAction", "<script>"]);
  });
});
