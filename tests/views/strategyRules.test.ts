import {describe, expect, test} from "vitest";
import {sampleRule, worklistCapRule} from "../../lib/views/strategyRules.js";

describe("the rules in words", () => {
  test("what a capped file kept, and what the worklist table shows", () => {
    expect(sampleRule({cap: 4000, riskiest: 0})).toBe("At most 4,000 open invoices: whole customers in the order of a seeded hash of the customer id, until the next customer would pass the cap.");
    expect(sampleRule({cap: 4000, riskiest: 100})).toContain("4,000 open invoices: all open invoices of the 100 customers with the highest expected late amount, then whole customers");
    expect(worklistCapRule({total: 1636, shown: 500})).toBe("The first 500 of 1,636 open invoices in worklist order; the CSV download has them all.");
    expect(worklistCapRule({total: 300, shown: 300})).toBeNull();
  });
});
