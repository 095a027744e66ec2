import {describe, expect, test} from "vitest";
import {describeFactor, describedGroups, invoiceFactors} from "../../lib/model/factors.js";
import {rawValueNames} from "../../lib/model/features/index.js";
import type {FactorValues} from "../../lib/model/features/index.js";
import {groupSpecs} from "../../lib/model/features/catalogue.js";

/** An invoice's raw values: NaN (unknown) except what the test sets. */
function values(overrides: Partial<FactorValues> = {}): FactorValues {
  const base = {industry: null, region: null} as FactorValues;
  for (const name of rawValueNames) base[name] = NaN;
  return {...base, ...overrides};
}

const up = 0.05, down = -0.05;

describe("describeFactor: history in plain words", () => {
  test("late history raises risk: counts over the recent window", () => {
    const v = values({priorSettled: 25, priorLate: 14, recentCount: 10, recentLate: 9});
    expect(describeFactor("lateRate", up, v)).toBe("paid 9 of the last 10 invoices late");
    expect(describeFactor("lateRate", up, values({priorSettled: 25, priorLate: 20, recentCount: 10, recentLate: 10}))).toBe("paid all of the last 10 invoices late");
  });

  test("a short history is described as a whole", () => {
    expect(describeFactor("lateRate", up, values({priorSettled: 4, priorLate: 3, recentCount: 4, recentLate: 3}))).toBe("paid 3 of 4 invoices late so far");
    expect(describeFactor("lateRate", up, values({priorSettled: 2, priorLate: 2, recentCount: 2, recentLate: 2}))).toBe("paid all 2 invoices late so far");
    expect(describeFactor("lateRate", up, values({priorSettled: 1, priorLate: 1, recentCount: 1, recentLate: 1}))).toBe("paid its only earlier invoice late");
    expect(describeFactor("lateRate", down, values({priorSettled: 1, priorLate: 0, recentCount: 1, recentLate: 0}))).toBe("paid its only earlier invoice on time");
  });

  test("a good record lowers risk, and says so", () => {
    expect(describeFactor("lateRate", down, values({priorSettled: 12, priorLate: 0, recentCount: 10, recentLate: 0}))).toBe("always paid on time so far (12 invoices)");
    expect(describeFactor("lateRate", down, values({priorSettled: 30, priorLate: 6, recentCount: 10, recentLate: 1}))).toBe("paid only 1 of the last 10 invoices late");
  });

  test("a direction the facts contradict is not put into words", () => {
    // The model says the record raises the risk, but nothing was ever late: no truthful phrase.
    expect(describeFactor("lateRate", up, values({priorSettled: 12, priorLate: 0, recentCount: 10, recentLate: 0}))).toBeNull();
    // Every recent invoice late cannot be a reason for lower risk.
    expect(describeFactor("lateRate", down, values({priorSettled: 12, priorLate: 12, recentCount: 10, recentLate: 10}))).toBeNull();
    expect(describeFactor("overdue", up, values({overdueCount: 0, overdueBalance: 0}))).toBeNull();
    expect(describeFactor("disputes", down, values({priorDisputes: 2}))).toBeNull();
  });

  test("no history", () => {
    expect(describeFactor("lateRate", up, values({priorSettled: 0, priorLate: 0, recentCount: 0, recentLate: 0}))).toBe("no payment history yet");
    expect(describeFactor("history", up, values({priorSettled: 0}))).toBe("no payment history yet");
    expect(describeFactor("history", up, values({priorSettled: 3}))).toBe("little payment history (3 invoices settled)");
    expect(describeFactor("history", down, values({priorSettled: 40}))).toBe("long payment history (40 invoices settled)");
  });

  test("days late, spread, last payment and trend", () => {
    expect(describeFactor("daysLate", up, values({meanDaysLate: 12.4}))).toBe("pays 12 days late on average");
    expect(describeFactor("daysLate", down, values({meanDaysLate: -3.2}))).toBe("pays 3 days early on average");
    expect(describeFactor("daysLate", down, values({meanDaysLate: 0.2}))).toBe("pays on the due date on average");
    expect(describeFactor("daysLate", up, values({meanDaysLate: -3}))).toBeNull();
    expect(describeFactor("daysLateSpread", up, values({sdDaysLate: 21.6}))).toBe("erratic payment timing (± 22 days)");
    expect(describeFactor("lastDaysLate", up, values({lastDaysLate: 1}))).toBe("last invoice paid 1 day late");
    expect(describeFactor("lastDaysLate", down, values({lastDaysLate: -4}))).toBe("last invoice paid 4 days early");
    expect(describeFactor("trend", up, values({daysLateTrend: 6.3}))).toBe("paying later recently (6 days later than before)");
    expect(describeFactor("trend", up, values({daysLateTrend: 0.2}))).toBeNull();
  });

  test("disputes, instalments, reminders, extensions", () => {
    expect(describeFactor("disputes", up, values({priorDisputes: 3}))).toBe("disputed 3 earlier invoices");
    expect(describeFactor("disputes", up, values({priorDisputes: 1}))).toBe("disputed 1 earlier invoice");
    expect(describeFactor("disputes", down, values({priorDisputes: 0}))).toBe("no earlier disputes");
    expect(describeFactor("partialPayments", up, values({priorPartialPayments: 2}))).toBe("paid 2 earlier invoices in instalments");
    expect(describeFactor("reminders", up, values({priorReminded: 9, priorSettled: 15}))).toBe("needed reminders on 9 of 15 earlier invoices");
    expect(describeFactor("reminders", down, values({priorReminded: 0, priorSettled: 15}))).toBe("never needed a reminder");
    expect(describeFactor("reminderResponse", up, values({priorReminded: 5, priorPaidAfterReminder: 1}))).toBe(
      "paid soon after a reminder on only 1 of 5 reminded invoices"
    );
    expect(describeFactor("extensions", up, values({priorExtensions: 4}))).toBe("asked for more time on 4 earlier invoices");
    expect(describeFactor("extensions", down, values({priorExtensions: 0}))).toBe("never asked for more time");
  });
});

describe("describeFactor: the invoice and the account", () => {
  test("amount against the credit limit, and credit used", () => {
    expect(describeFactor("amountToLimit", up, values({amountToLimit: 0.38}))).toBe("amount is 38% of the credit limit");
    expect(describeFactor("amountToLimit", down, values({amountToLimit: 0.021}))).toBe("amount is only 2% of the credit limit");
    expect(describeFactor("amountToLimit", up, values())).toBe("no credit limit on file");
    expect(describeFactor("utilisation", up, values({utilisation: 1.3}))).toBe("over the credit limit (130% used)");
    expect(describeFactor("utilisation", up, values({utilisation: 0.85}))).toBe("credit limit 85% used");
    // A paid-down balance can come out a hair below zero; it is shown as 0 %, never "−0%".
    expect(describeFactor("utilisation", down, values({utilisation: -1e-12}))).toBe("credit limit only 0% used");
  });

  test("overdue and open invoices", () => {
    expect(describeFactor("overdue", up, values({overdueCount: 2, overdueBalance: 18_400}))).toBe("2 invoices already overdue ($18.4K)");
    expect(describeFactor("overdue", down, values({overdueCount: 0, overdueBalance: 0}))).toBe("nothing overdue");
    expect(describeFactor("openBalance", up, values({openCount: 1, openBalance: 950}))).toBe("1 other invoice open ($950)");
    expect(describeFactor("openBalance", down, values({openCount: 0, openBalance: 0}))).toBe("no other invoices open");
  });

  test("tenure", () => {
    expect(describeFactor("tenure", up, values({tenureDays: 125}))).toBe("new customer (4 months)");
    expect(describeFactor("tenure", up, values({tenureDays: 20}))).toBe("new customer (less than a month)");
    expect(describeFactor("tenure", down, values({tenureDays: 12 * 365.25}))).toBe("long-standing customer (12 years)");
    expect(describeFactor("tenure", up, values({tenureDays: 5 * 365.25}))).toBe("customer for 5 years");
  });

  test("facts without a direction of their own are marked when they lower the risk", () => {
    expect(describeFactor("terms", up, values({termsDays: 60}))).toBe("Net 60 terms");
    expect(describeFactor("terms", down, values({termsDays: 15}))).toBe("Net 15 terms (lowers risk)");
    expect(describeFactor("industry", up, values({industry: "Construction"}))).toBe("Construction industry");
    expect(describeFactor("region", down, values({region: "Nordics"}))).toBe("Nordics region (lowers risk)");
    expect(describeFactor("month", up, values({month: 12}))).toBe("issued in December");
    expect(describeFactor("monthEnd", up, values({monthEnd: 1}))).toBe("issued at month-end");
  });

  test("adjectives follow the typical invoice when it is known", () => {
    const typical = {amount: 5_000, creditScore: 680};
    expect(describeFactor("amount", up, values({amount: 48_000}), {typical})).toBe("large invoice ($48K)");
    expect(describeFactor("amount", down, values({amount: 900}), {typical})).toBe("small invoice ($900)");
    // Below the typical amount yet raising the risk: the bare amount, no "large".
    expect(describeFactor("amount", up, values({amount: 900}), {typical})).toBe("invoice of $900");
    expect(describeFactor("amount", up, values({amount: 48_000}), {currency: "EUR"})).toBe("large invoice (€48K)");
    expect(describeFactor("creditScore", up, values({creditScore: 590}), {typical})).toBe("low credit score (590)");
    expect(describeFactor("creditScore", down, values({creditScore: 760}), {typical})).toBe("strong credit score (760)");
    expect(describeFactor("creditScore", down, values({creditScore: 600}), {typical})).toBe("credit score 600 (lowers risk)");
  });

  test("zero, non-finite contributions and unknown groups say nothing", () => {
    expect(describeFactor("terms", 0, values({termsDays: 30}))).toBeNull();
    expect(describeFactor("terms", NaN, values({termsDays: 30}))).toBeNull();
    expect(describeFactor("no-such-group", up, values())).toBeNull();
  });

  test("every feature group of the catalogue has phrases", () => {
    expect(groupSpecs.map((g) => g.name).filter((name) => !describedGroups.includes(name))).toEqual([]);
  });
});

describe("invoiceFactors", () => {
  const groups = ["amount", "lateRate", "overdue", "terms", "disputes"];
  const v = values({amount: 2_000, priorSettled: 20, priorLate: 9, recentCount: 10, recentLate: 7, overdueCount: 0, overdueBalance: 0, termsDays: 60, priorDisputes: 0});

  test("strongest first by absolute contribution, at most k, direction kept", () => {
    const factors = invoiceFactors(groups, [0.001, 0.2, -0.05, 0.03, -0.01], v);
    expect(factors.map((f) => f.text)).toEqual(["paid 7 of the last 10 invoices late", "nothing overdue", "Net 60 terms"]);
    expect(factors.map((f) => f.direction)).toEqual(["raises", "lowers", "raises"]);
    expect(factors[0]).toMatchObject({group: "lateRate", contribution: 0.2});
  });

  test("skips what cannot be said truthfully and tiny contributions, and repeated phrases", () => {
    // overdue raising with nothing overdue → skipped; amount below minContribution → skipped.
    const factors = invoiceFactors(groups, [0.00001, 0.2, 0.05, 0, -0.01], v, {k: 3});
    expect(factors.map((f) => f.group)).toEqual(["lateRate", "disputes"]);
    const none = values({priorSettled: 0, priorLate: 0, recentCount: 0, recentLate: 0, meanDaysLate: NaN});
    const twice = invoiceFactors(["lateRate", "daysLate", "history"], [0.1, 0.09, 0.08], none);
    expect(twice.map((f) => f.text)).toEqual(["no payment history yet"]);
  });

  test("checks its inputs", () => {
    expect(() => invoiceFactors(groups, [0.1], v)).toThrow(/contributions/);
  });
});
