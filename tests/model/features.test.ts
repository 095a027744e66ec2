import {describe, expect, test} from "vitest";
import type {Day} from "../../lib/core/dates.js";
import {factorValues, invoiceFeatures, outcomeFields, rawValueNames} from "../../lib/model/features/index.js";
import type {InvoiceFeatures} from "../../lib/model/features/index.js";
import {runningMedian} from "../../lib/model/features/runningMedian.js";
import {DUE, ISSUE, QUERY, SETTLE, timeline} from "../../lib/model/features/timeline.js";
import type {Invoice, Ledger} from "../../lib/input/ledger.js";
import {createRandom} from "../../lib/core/random.js";
import type {Random} from "../../lib/core/random.js";
import {median} from "../../lib/core/stats.js";
import {allAvailable, day, factsOf, makeInvoice, randomLedger} from "../fixtures/features/ledger.js";
import type {InvoiceFacts} from "../fixtures/features/ledger.js";

const asOf = day("2024-06-30");

/** Two customers, settlement dates chosen to hit the "strictly before" edge cases. */
function handLedger(): Ledger {
  const a = {customerId: "A", creditScore: 600, creditLimit: 10_000, customerSince: day("2023-10-01")};
  const b = {customerId: "B", creditScore: null, creditLimit: 50_000, customerSince: day("2023-01-01")};
  const facts: InvoiceFacts[] = [
    {...a, invoiceId: "A1", invoiceDate: day("2024-01-01"), dueDate: day("2024-01-31"), amount: 1000, paidDate: day("2024-01-25")},
    {
      ...a, invoiceId: "A2", invoiceDate: day("2024-01-10"), dueDate: day("2024-02-09"), amount: 2000, paidDate: day("2024-02-20"),
      disputed: true, remindersSent: 1, lastReminderDate: day("2024-02-12")
    },
    {...a, invoiceId: "A3", invoiceDate: day("2024-02-01"), dueDate: day("2024-03-02"), amount: 3000, paidDate: day("2024-03-20"), installments: 2},
    {...a, invoiceId: "A4", invoiceDate: day("2024-02-20"), dueDate: day("2024-03-21"), amount: 4000, paidDate: day("2024-03-25"), extensionRequested: true},
    {...a, invoiceId: "A5", invoiceDate: day("2024-04-01"), dueDate: day("2024-05-01"), amount: 5000},
    {...b, invoiceId: "B1", invoiceDate: day("2024-01-05"), dueDate: day("2024-02-04"), amount: 500, paidDate: day("2024-02-04")},
    {
      ...b, invoiceId: "B2", invoiceDate: day("2024-01-20"), dueDate: day("2024-02-19"), amount: 800, creditLimit: null, customerSince: null,
      writeOffDate: day("2024-03-31"), remindersSent: 2, lastReminderDate: day("2024-03-01")
    }
  ];
  return ledgerOf(facts.map((f) => makeInvoice(f, asOf)), asOf);
}

function ledgerOf(invoices: Invoice[], ledgerAsOf: Day, available = allAvailable): Ledger {
  return {invoices, customers: [], asOf: ledgerAsOf, currency: "USD", source: {kind: "synthetic", name: "test"}, available: {...available}};
}

/** Feature values of one row by name. */
function rowByName(features: InvoiceFeatures, i: number): Map<string, number> {
  const {x, featureNames} = features;
  return new Map(featureNames.map((name, j) => [name, x.values[i * x.cols + j]]));
}

function rowOf(features: InvoiceFeatures, invoices: readonly Invoice[], id: string): Map<string, number> {
  return rowByName(features, invoices.findIndex((invoice) => invoice.invoiceId === id));
}

describe("history features equal a hand computation", () => {
  const ledger = handLedger();
  const features = invoiceFeatures(ledger);
  const index = (id: string) => ledger.invoices.findIndex((invoice) => invoice.invoiceId === id);

  test("A4 on 2024-02-20: a settlement on the issue day is not history; open and overdue items at that date", () => {
    const row = rowOf(features, ledger.invoices, "A4");
    // History: only A1 (paid 6 days early on 01-25); A2 was paid on 02-20 itself.
    expect(row.get("logPriorSettled")).toBeCloseTo(Math.log(2), 12);
    expect(row.get("noHistory")).toBe(0);
    // Ledger-wide before 02-20: A1 (−6) and B1 (0), none late → prior (0 + 1) / (2 + 2).
    expect(row.get("lateRate")).toBeCloseTo((0 + 5 * 0.25) / (1 + 5), 12);
    expect(row.get("meanDaysLate")).toBeCloseTo((-6 + 5 * -3) / 6, 12);
    expect(row.get("sdDaysLate")).toBeCloseTo(Math.sqrt(18), 12); // one own value: the ledger-wide sd of {−6, 0}
    expect(row.get("lastDaysLate")).toBe(-6);
    expect(row.get("daysLateTrend")).toBe(0);
    // Open: A2 (unpaid at the start of 02-20) and A3; overdue: A2 (due 02-09).
    expect(row.get("openCount")).toBe(2);
    expect(row.get("logOpenBalance")).toBeCloseTo(Math.log1p(5000), 12);
    expect(row.get("overdueCount")).toBe(1);
    expect(row.get("logOverdueBalance")).toBeCloseTo(Math.log1p(2000), 12);
    expect(row.get("utilisation")).toBeCloseTo(0.5, 12);
    expect(row.get("amountToLimit")).toBeCloseTo(0.4, 12);
    expect(row.get("termsDays")).toBe(30);
    expect(row.get("tenureYears")).toBeCloseTo(142 / 365.25, 12);
    expect(row.get("dayOfMonth")).toBe(20);
    expect(row.get("monthEnd")).toBe(0);
    expect(row.get("monthSin")).toBeCloseTo(Math.sin((2 * Math.PI) / 12), 12);
    expect(row.get("industry=Retail")).toBe(1);
  });

  test("A5 on 2024-04-01: four settled invoices, trend, disputes, instalments, reminders, extensions", () => {
    const row = rowOf(features, ledger.invoices, "A5");
    const raw = factorValues(features, index("A5"));
    // Days late in settlement order: A1 −6, A2 +11, A3 +18, A4 +4.
    expect(raw.priorSettled).toBe(4);
    expect(raw.priorLate).toBe(3);
    expect(raw.recentCount).toBe(4);
    expect(raw.recentLate).toBe(3);
    expect(raw.meanDaysLate).toBeCloseTo(6.75, 6);
    expect(raw.sdDaysLate).toBeCloseTo(Math.sqrt(314.75 / 3), 5);
    expect(raw.lastDaysLate).toBe(4);
    expect(raw.daysLateTrend).toBeCloseTo(17, 6); // (11 + 18 + 4) / 3 − (−6)
    expect(raw.priorDisputes).toBe(1);
    expect(raw.priorPartialPayments).toBe(1);
    expect(raw.priorReminded).toBe(1);
    expect(raw.priorPaidAfterReminder).toBe(1);
    expect(raw.priorExtensions).toBe(1);
    expect(raw.openCount).toBe(0);
    expect(raw.overdueCount).toBe(0);
    // Ledger-wide before 04-01: six settled, four late (A2, A3, A4 and B2's write-off on 03-31).
    expect(row.get("lateRate")).toBeCloseTo((3 + 5 * (5 / 8)) / (4 + 5), 12);
    expect(row.get("recentLateRate")).toBeCloseTo((3 + 5 * (5 / 8)) / (4 + 5), 12);
    expect(row.get("daysLateTrend")).toBeCloseTo(17, 12);
    expect(row.get("priorDisputeShare")).toBe(0.25);
    expect(row.get("priorReminderShare")).toBe(0.25);
    // Ledger-wide reminders before 04-01: A2 (paid after it), B2 (written off) → (1 + 1) / (2 + 2).
    expect(row.get("reminderResponse")).toBeCloseTo((1 + 5 * 0.5) / (1 + 5), 12);
    expect(row.get("priorExtensionShare")).toBe(0.25);
  });

  test("B2: no history, missing score, limit and opening date imputed from earlier invoices and flagged", () => {
    const row = rowOf(features, ledger.invoices, "B2");
    expect(row.get("noHistory")).toBe(1);
    expect(row.get("lateRate")).toBe(0.5); // nothing settled anywhere before 01-20: Laplace prior
    expect(row.get("meanDaysLate")).toBe(0);
    expect(row.get("lastDaysLate")).toBe(0);
    // Scores issued before 01-20: A1 600, A2 600 (B1 has none).
    expect(row.get("creditScore")).toBe(600);
    expect(row.get("creditScoreMissing")).toBe(1);
    // amount ÷ limit of A1, B1, A2: 0.1, 0.01, 0.2 → median 0.1; their utilisations 0, 0, 0.1 → 0.
    expect(row.get("amountToLimit")).toBeCloseTo(0.1, 12);
    expect(row.get("creditLimitMissing")).toBe(1);
    expect(row.get("utilisation")).toBe(0);
    // Tenure from B's first invoice (01-05).
    expect(row.get("tenureYears")).toBeCloseTo(15 / 365.25, 12);
    expect(row.get("tenureMissing")).toBe(1);
    const raw = factorValues(features, index("B2"));
    expect(Number.isNaN(raw.tenureDays)).toBe(true);
    expect(Number.isNaN(raw.creditScore)).toBe(true);
    expect(Number.isNaN(raw.meanDaysLate)).toBe(true);
    expect(raw.industry).toBe("Retail");
    expect(raw.region).toBe("Europe");
  });

  test("month-end and quarter-end flags", () => {
    const base = {customerId: "X", dueDate: day("2024-05-01"), amount: 1};
    const invoices = ["2024-03-28", "2024-03-29", "2024-03-31", "2024-04-30", "2024-04-15"].map((iso, k) =>
      makeInvoice({...base, invoiceId: `X${k}`, invoiceDate: day(iso)}, asOf)
    );
    const f = invoiceFeatures(ledgerOf(invoices, asOf));
    const flags = invoices.map((_, i) => [rowByName(f, i).get("monthEnd"), rowByName(f, i).get("quarterEnd")]);
    expect(flags).toEqual([[0, 0], [1, 1], [1, 1], [1, 0], [0, 0]]);
  });
});

describe("leakage", () => {
  test("no feature is an outcome field, and an invoice's own outcome changes none of its features", () => {
    const ledger = randomLedger(createRandom("own-outcome"), {invoices: 300});
    const features = invoiceFeatures(ledger);
    for (const field of outcomeFields) expect(features.featureNames).not.toContain(field);
    for (const name of ["paidLate", "daysToPay", "settledDate", "paidAfterReminder", "remindersSent", "disputed"]) {
      expect(features.featureNames).not.toContain(name);
    }
    const random = createRandom("own-outcome-mutation");
    for (let trial = 0; trial < 20; ++trial) {
      const i = random.int(ledger.invoices.length);
      const invoices = ledger.invoices.slice();
      invoices[i] = makeInvoice({...factsOf(invoices[i]), ...randomOutcome(invoices[i].invoiceDate - 1, ledger.asOf, invoices[i].amount, random)}, ledger.asOf);
      const mutated = invoiceFeatures({...ledger, invoices});
      expect(Array.from(rowValues(mutated, i))).toEqual(Array.from(rowValues(features, i)));
    }
  });

  test("changing any invoice settled after D changes no feature of any invoice issued on or before D", () => {
    const ledger = randomLedger(createRandom("leakage"), {invoices: 600, customers: 15});
    const original = invoiceFeatures(ledger);
    const random = createRandom("leakage-mutations");
    const start = day("2024-01-01");
    const cutoffs = [day("2024-06-15"), ...Array.from({length: 7}, () => start + random.int(ledger.asOf - start))];
    for (const cutoff of cutoffs) {
      const mutated = mutateAfter(ledger, cutoff, random);
      const changed = mutated.invoices.filter((invoice, i) => invoice !== ledger.invoices[i]).length;
      expect(changed).toBeGreaterThan(0);
      const features = invoiceFeatures(mutated);
      let compared = 0;
      const differences: string[] = [];
      for (let i = 0; i < ledger.invoices.length; ++i) {
        if (ledger.invoices[i].invoiceDate > cutoff) continue;
        const before = rowByName(original, i);
        const after = rowByName(features, i);
        // A category first seen after D adds a column, which is 0 for earlier invoices.
        for (const [name, value] of after) if (!Object.is(value, before.get(name) ?? 0)) differences.push(`${ledger.invoices[i].invoiceId} ${name}`);
        for (const [name, value] of before) if (!Object.is(value, after.get(name))) differences.push(`${ledger.invoices[i].invoiceId} ${name}`);
        for (const name of rawValueNames) if (!Object.is(features.raw[name][i], original.raw[name][i])) differences.push(`${ledger.invoices[i].invoiceId} raw ${name}`);
        ++compared;
      }
      expect(differences).toEqual([]);
      expect(compared).toBeGreaterThan(0);
    }
  });

  test("the mutation really changes later invoices' features (the leakage test can fail)", () => {
    const ledger = randomLedger(createRandom("leakage"), {invoices: 600, customers: 15});
    const cutoff = day("2024-06-15");
    const original = invoiceFeatures(ledger);
    const features = invoiceFeatures(mutateAfter(ledger, cutoff, createRandom("sensitivity")));
    const laterRowsChanged = ledger.invoices.filter((invoice, i) => {
      if (invoice.invoiceDate <= cutoff + 60) return false;
      const before = rowByName(original, i);
      return [...rowByName(features, i)].some(([name, value]) => value !== (before.get(name) ?? 0));
    }).length;
    expect(laterRowsChanged).toBeGreaterThan(0);
  });
});

describe("shape, groups, missing data", () => {
  const ledger = randomLedger(createRandom("shape"), {invoices: 500});
  const features = invoiceFeatures(ledger);

  test("every value is finite; groups cover each column exactly once; one 1 per one-hot group", () => {
    expect(features.x.rows).toBe(500);
    expect(features.x.cols).toBe(features.featureNames.length);
    expect(features.x.values.every(Number.isFinite)).toBe(true);
    const covered = features.featureGroups.flatMap((group) => group.columns).sort((a, b) => a - b);
    expect(covered).toEqual(features.featureNames.map((_, j) => j));
    for (const group of features.featureGroups) expect(group.names).toEqual(group.columns.map((j) => features.featureNames[j]));
    const industry = features.featureGroups.find((group) => group.name === "industry")!;
    expect(industry.kind).toBe("onehot");
    expect([...industry.categories!].sort()).toEqual(["Construction", "Retail", "Technology"]);
    for (let i = 0; i < features.x.rows; ++i) {
      let ones = 0;
      for (const j of industry.columns) ones += features.x.values[i * features.x.cols + j];
      expect(ones).toBe(1);
    }
    expect(features.dropped).toEqual([]);
  });

  test("deterministic: the same ledger gives identical features", () => {
    const again = invoiceFeatures(ledger);
    expect(Array.from(again.x.values)).toEqual(Array.from(features.x.values));
  });

  test("groups needing absent columns are dropped, with the reason", () => {
    const sparse = invoiceFeatures({...ledger, available: {...allAvailable, creditLimit: false, reminders: false, industry: false}});
    expect(sparse.dropped.map((d) => d.group)).toEqual(["amountToLimit", "industry", "utilisation", "reminders", "reminderResponse"]);
    expect(sparse.dropped[0]).toEqual({group: "amountToLimit", columns: ["amountToLimit", "creditLimitMissing"], reason: "the ledger has no credit_limit data"});
    expect(sparse.featureNames).not.toContain("utilisation");
    expect(sparse.featureNames.some((name) => name.startsWith("industry="))).toBe(false);
    expect(sparse.x.cols).toBe(features.x.cols - 2 - industryColumns(features) - 1 - 1 - 1);
    // Remaining columns keep their values.
    const j = features.featureNames.indexOf("lateRate"), k = sparse.featureNames.indexOf("lateRate");
    for (let i = 0; i < 500; ++i) expect(sparse.x.values[i * sparse.x.cols + k]).toBe(features.x.values[i * features.x.cols + j]);
  });

  test("rare categories share an Other column; blanks are Unknown", () => {
    const invoices = ledger.invoices.map((invoice, i) => ({...invoice, industry: i % 50 === 0 ? null : i < 100 ? `Rare ${i}` : invoice.industry}));
    const f = invoiceFeatures({...ledger, invoices}, {maxCategories: 5});
    const industry = f.featureGroups.find((group) => group.name === "industry")!;
    // Three real industries, then Unknown (10 blanks) ahead of the 98 one-off values.
    expect(industry.categories).toHaveLength(5);
    expect(industry.categories!.slice(3)).toEqual(["Unknown", "Other"]);
    expect(factorValues(f, 1).industry).toBe("Other");
    expect(f.featureNames).toContain("industry=Unknown");
    expect(factorValues(f, 0).industry).toBe("Unknown");
  });

  test("shrinkage: with priorWeight 0 the late rate is the customer's raw rate", () => {
    const raw = invoiceFeatures(ledger, {priorWeight: 0});
    const j = raw.featureNames.indexOf("lateRate");
    for (let i = 0; i < 500; ++i) {
      const settled = raw.raw.priorSettled[i];
      if (settled > 0) expect(raw.x.values[i * raw.x.cols + j]).toBeCloseTo(raw.raw.priorLate[i] / settled, 12);
    }
    expect(() => invoiceFeatures(ledger, {recentWindow: 0})).toThrow(/recentWindow/);
  });

  test("an empty ledger gives an empty matrix", () => {
    const empty = invoiceFeatures(ledgerOf([], asOf));
    expect(empty.x.rows).toBe(0);
    expect(empty.x.values).toHaveLength(0);
  });
});

describe("building blocks", () => {
  test("running median equals the sorted median after every insertion", () => {
    const random = createRandom("median");
    const m = runningMedian();
    expect(Number.isNaN(m.value())).toBe(true);
    const seen: number[] = [];
    for (let k = 0; k < 500; ++k) {
      const value = random.int(50) - random.next();
      m.add(value);
      seen.push(value);
      expect(m.value()).toBe(median(seen));
    }
    expect(m.size).toBe(500);
  });

  test("timeline: by day; on one day queries first, then issues, due dates, settlements; ties in ledger order", () => {
    const invoices = [
      {invoiceDate: 10, dueDate: 12, settledDate: 10},
      {invoiceDate: 10, dueDate: 10, settledDate: null},
      {invoiceDate: 8, dueDate: 9, settledDate: 7} // paid "before" it was issued: clamped to its issue day
    ];
    const t = timeline(invoices);
    const events = Array.from({length: t.length}, (_, e) => [t.days[e], t.kinds[e], t.invoices[e]]);
    expect(events).toEqual([
      [8, QUERY, 2], [8, ISSUE, 2], [8, SETTLE, 2], [9, DUE, 2],
      [10, QUERY, 0], [10, QUERY, 1], [10, ISSUE, 0], [10, ISSUE, 1], [10, DUE, 1], [10, SETTLE, 0],
      [12, DUE, 0]
    ]);
  });
});

describe("one-hot categories come from the training cut", () => {
  // 14 industries before the cut — more than the 12 columns allowed — and three new ones after it, busy
  // enough that counted over the whole ledger they would push earlier industries into "Other".
  const base = randomLedger(createRandom("categories"), {invoices: 900, customers: 30});
  const cut = day("2024-03-01");
  const before = Array.from({length: 14}, (_, k) => `Early ${String.fromCharCode(65 + k)}`);
  const after = ["Late X", "Late Y", "Late Z"];
  const ledger: Ledger = {
    ...base,
    invoices: base.invoices.map((invoice, i) => ({
      ...invoice,
      industry: invoice.invoiceDate < cut ? before[i % before.length] : i % 4 === 0 ? before[i % 14] : after[i % after.length]
    }))
  };
  const industryOf = (f: InvoiceFeatures) => f.featureGroups.find((group) => group.name === "industry")!;
  const firstSeen = new Map<string, Day>();
  for (const {industry, invoiceDate} of ledger.invoices) firstSeen.set(industry!, Math.min(firstSeen.get(industry!) ?? Infinity, invoiceDate));
  const features = invoiceFeatures(ledger, {categoriesKnownBefore: cut});

  test("the fixture: more than 12 industries, some first seen after the cut", () => {
    expect(firstSeen.size).toBe(17);
    expect(after.every((name) => firstSeen.get(name)! >= cut)).toBe(true);
    // Counted over the whole ledger, the late industries would take columns of their own.
    expect(industryOf(invoiceFeatures(ledger)).categories).toEqual(expect.arrayContaining(after));
  });

  test("no column names a category first seen on or after the cut; the rarer early ones share Other", () => {
    const categories = industryOf(features).categories!;
    expect(categories).toHaveLength(12);
    expect(categories.filter((category) => category !== "Other" && !(firstSeen.get(category)! < cut))).toEqual([]);
    expect(categories.at(-1)).toBe("Other");
  });

  test("an invoice of a category first seen after the cut counts as Other", () => {
    const i = ledger.invoices.findIndex((invoice) => invoice.industry === "Late X");
    expect(factorValues(features, i).industry).toBe("Other");
  });

  test("what happens after the cut moves no feature of an invoice issued before it", () => {
    const relabelled: Ledger = {...ledger, invoices: ledger.invoices.map((invoice, i) => (invoice.invoiceDate >= cut ? {...invoice, industry: `Later ${i % 9}`} : invoice))};
    const again = invoiceFeatures(relabelled, {categoriesKnownBefore: cut});
    expect(again.featureNames).toEqual(features.featureNames);
    for (let i = 0; i < ledger.invoices.length; ++i) {
      if (ledger.invoices[i].invoiceDate >= cut) continue;
      expect(Array.from(rowValues(again, i)), ledger.invoices[i].invoiceId).toEqual(Array.from(rowValues(features, i)));
    }
  });

  test("with no Other column, a category unseen by the cut sets no column", () => {
    const few: Ledger = {...ledger, invoices: ledger.invoices.map((invoice) => (invoice.invoiceDate < cut ? {...invoice, industry: "Retail"} : invoice))};
    const f = invoiceFeatures(few, {categoriesKnownBefore: cut});
    const industry = industryOf(f);
    expect(industry.categories).toEqual(["Retail"]);
    const i = few.invoices.findIndex((invoice) => invoice.industry === "Late Y");
    expect(industry.columns.map((j) => f.x.values[i * f.x.cols + j])).toEqual([0]);
    expect(factorValues(f, i).industry).toBeNull();
  });
});

function industryColumns(features: InvoiceFeatures): number {
  return features.featureGroups.find((group) => group.name === "industry")!.columns.length;
}

function rowValues(features: InvoiceFeatures, i: number): Float64Array {
  return features.x.values.subarray(i * features.x.cols, (i + 1) * features.x.cols);
}

/** New outcome facts for an invoice, settled (or not) somewhere after `after`. */
function randomOutcome(after: Day, ledgerAsOf: Day, amount: number, random: Random): Partial<InvoiceFacts> {
  const settleDay = after + 1 + random.int(150);
  const settled = settleDay <= ledgerAsOf && random.bernoulli(0.8);
  const writtenOff = settled && random.bernoulli(0.2);
  const remindersSent = random.int(4);
  return {
    paidDate: settled && !writtenOff ? settleDay : null,
    writeOffDate: writtenOff ? settleDay : null,
    paidAmount: settled && !writtenOff ? amount : Math.round(random.next() * amount),
    lastPaymentDate: settled ? settleDay : null,
    installments: 1 + random.int(3),
    disputed: random.bernoulli(0.5),
    remindersSent,
    lastReminderDate: remindersSent ? Math.min(ledgerAsOf, after + 1 + random.int(100)) : null,
    extensionRequested: random.bernoulli(0.5)
  };
}

/**
 * Everything the features of invoices issued on or before `cutoff` must not depend on: the outcome of
 * every invoice not settled by then (re-settled later, still after the cutoff), and every field of
 * invoices issued after it.
 */
function mutateAfter(ledger: Ledger, cutoff: Day, random: Random): Ledger {
  const industries = ["Retail", "Construction", "Technology", "Mining"];
  const invoices = ledger.invoices.map((invoice) => {
    if (invoice.invoiceDate > cutoff) {
      const invoiceDate = cutoff + 1 + random.int(Math.max(1, ledger.asOf - cutoff));
      const amount = Math.round(random.logNormal(9, 1.5) * 100) / 100;
      const facts: InvoiceFacts = {
        invoiceId: invoice.invoiceId,
        customerId: random.bernoulli(0.3) ? `C${String(1 + random.int(20)).padStart(5, "0")}` : invoice.customerId,
        invoiceDate,
        dueDate: invoiceDate + random.pick([0, 10, 30, 90]),
        amount,
        industry: random.pick(industries),
        region: random.pick(["Europe", "Asia-Pacific"]),
        creditScore: random.bernoulli(0.5) ? null : 300 + random.int(550),
        creditLimit: random.bernoulli(0.5) ? null : 1000 + random.int(100_000),
        customerSince: random.bernoulli(0.5) ? null : invoiceDate - random.int(3000),
        ...randomOutcome(invoiceDate - 1, ledger.asOf, amount, random)
      };
      return makeInvoice(facts, ledger.asOf);
    }
    if (invoice.settledDate === null || invoice.settledDate > cutoff) {
      return makeInvoice({...factsOf(invoice), ...randomOutcome(cutoff, ledger.asOf, invoice.amount, random)}, ledger.asOf);
    }
    return invoice;
  });
  return {...ledger, invoices};
}
