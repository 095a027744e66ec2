import {describe, expect, test} from "vitest";
import {checkRiskCutoffs, defaultRiskCutoffs, riskBand} from "../../lib/portfolio/riskBands.js";
import {riskCutoffRule} from "../../lib/views/definitions/strategy.js";

describe("risk bands", () => {
  test("a probability exactly on a cut-off belongs to the band above", () => {
    expect(riskBand(0.2999999)).toBe("low");
    expect(riskBand(0.3)).toBe("medium");
    expect(riskBand(0.5999999)).toBe("medium");
    expect(riskBand(0.6)).toBe("high");
    expect(riskBand(0)).toBe("low");
    expect(riskBand(1)).toBe("high");
    expect(riskBand(0.45, {medium: 0.5, high: 0.8})).toBe("low");
  });

  test("cut-offs are validated and printable", () => {
    expect(() => checkRiskCutoffs({medium: 0.7, high: 0.6})).toThrow();
    expect(() => checkRiskCutoffs({medium: -0.1, high: 0.6})).toThrow();
    expect(riskCutoffRule(defaultRiskCutoffs)).toBe("low < 0.30 ≤ medium < 0.60 ≤ high");
  });
});
