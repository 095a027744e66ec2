import {describe, expect, it} from "vitest";
import type {CustomerFeatureValues, CustomerProfile} from "../../lib/segments/customerFeatures.js";
import {ratingAgreement, ruleRating} from "../../lib/segments/ruleRating.js";
import {ruleRatingRule} from "../../lib/views/definitions/segments.js";

function profile(customerId: string, averageDelay: number, totalInvoiced: number): CustomerProfile {
  const features = {averageDelay, totalInvoiced} as unknown as CustomerFeatureValues;
  return {customerId, name: customerId, invoiceCount: 10, settledCount: 10, features, aging: {Current: 0, "1–30": 0, "31–60": 0, "61–90": 0, "90+": 0}, z: {}, vector: new Float64Array(0)};
}

describe("ruleRating", () => {
  it("rates by delay band and value against the median", () => {
    // Totals 100, 200, 300, 400, 500: median 300, so only 400 and 500 are high value.
    const profiles = [profile("a", 2, 400), profile("b", 20, 500), profile("c", -3, 100), profile("d", 8, 200), profile("e", 7, 300)];
    const rating = ruleRating(profiles);
    expect(rating.valueThreshold).toBe(300);
    expect(rating.letters).toEqual(["A", "B", "C", "D", "C"]);
    expect(ruleRatingRule(rating)).toMatch(/over 7 days/);
    expect(ruleRating(profiles, {lateDelayDays: 10}).letters).toEqual(["A", "B", "C", "C", "C"]);
  });
});

describe("ratingAgreement", () => {
  it("counts matching letters and cross-tabulates", () => {
    const agreement = ratingAgreement(["A", "A", "B", "C", "D"], ["A", "C", "B", "C", "B"]);
    expect(agreement.agreement).toBeCloseTo(3 / 5, 15);
    expect(agreement.customers).toBe(5);
    expect(agreement.crossTab).toEqual([
      [1, 0, 1, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
      [0, 1, 0, 0]
    ]);
    expect(() => ratingAgreement(["A"], [])).toThrow();
  });
});
