import {describe, expect, test} from "vitest";
import {daysToMonthEnd, formatIsoDay, parseIsoDay} from "../../lib/core/dates.js";
import {defaultGeneratorOptions, generateLedger, resolveGeneratorOptions, windowStart} from "../../lib/source/generate.js";
import type {SyntheticLedger} from "../../lib/source/generate.js";
import {lastBusinessDayOfMonth, nextRunDay, previousRunDay, weekdayOf} from "../../lib/source/generate/calendar.js";
import {createInvoiceColumns, formatCents, invoiceDateOrder, invoiceId} from "../../lib/source/generate/columns.js";
import {apportion} from "../../lib/source/generate/customers.js";
import {rawColumns} from "../../lib/input/ledger.js";
import type {RawRow} from "../../lib/input/ledger.js";
import {createRandom} from "../../lib/core/random.js";

const day = (iso: string) => parseIsoDay(iso)!;
const optionalDay = (text: string) => (text === "" ? null : day(text));

/** Facts of one raw row, parsed, with the customer's hidden group attached. */
interface Facts {
  row: RawRow;
  group: string;
  invoice: number;
  due: number;
  paid: number | null;
  writeOff: number | null;
  amount: number;
  paidAmount: number;
  /** Settled (paid or written off) after the due date; null while open. */
  late: boolean | null;
}

function facts(ledger: SyntheticLedger): Facts[] {
  const groups = new Map(ledger.customers.map((c) => [c.customerId, c.group]));
  return Array.from(ledger.rows(), (row) => {
    const due = day(row.due_date), paid = optionalDay(row.paid_date), writeOff = optionalDay(row.write_off_date);
    const late = paid !== null ? paid > due : writeOff !== null ? true : null;
    return {
      row, group: groups.get(row.customer_id)!, invoice: day(row.invoice_date), due, paid, writeOff,
      amount: Number(row.amount), paidAmount: Number(row.paid_amount), late
    };
  });
}

const share = <T>(items: readonly T[], predicate: (item: T) => boolean) => items.filter(predicate).length / items.length;
const lateRate = (items: readonly Facts[]) => share(items.filter((f) => f.late !== null), (f) => f.late === true);

describe("generateLedger at the defaults", () => {
  // Two seeds, so that the calibration is not one lucky draw.
  const ledgers = [1, 2].map((seed) => generateLedger({}, createRandom(seed)));
  const all = ledgers.map(facts);

  test("has the default size", () => {
    for (const ledger of ledgers) {
      expect(ledger.invoiceCount).toBe(25_000);
      expect(ledger.customers).toHaveLength(1_000);
      expect(ledger.asOf).toBe(day("2026-09-30"));
      expect(ledger.start).toBe(day("2024-04-01"));
      expect(ledger.end).toBe(day("2026-12-30"));
    }
    // 25,000 up to the report date, and the 13 weeks after it at the same pace (a Q4 one: more invoices).
    all.forEach((invoices, k) => {
      expect(invoices.filter((f) => f.invoice <= ledgers[k].asOf)).toHaveLength(25_000);
      expect(invoices).toHaveLength(25_000 + ledgers[k].futureInvoiceCount);
      const monthly = 25_000 / 30;
      expect(ledgers[k].futureInvoiceCount).toBeGreaterThan(3 * monthly);
      expect(ledgers[k].futureInvoiceCount).toBeLessThan(6 * monthly);
    });
  });

  test("hits the calibration targets", () => {
    for (const invoices of all) {
      expect(lateRate(invoices)).toBeGreaterThanOrEqual(0.19);
      expect(lateRate(invoices)).toBeLessThanOrEqual(0.23);
      const lowRisk = share(invoices, (f) => f.group === "A" || f.group === "C");
      expect(lowRisk).toBeGreaterThanOrEqual(0.65);
      expect(lowRisk).toBeLessThanOrEqual(0.75);
      const chronic = share(invoices, (f) => f.group === "D");
      expect(chronic).toBeGreaterThanOrEqual(0.07);
      expect(chronic).toBeLessThanOrEqual(0.11);
      // 30 months of history with a DSO near 50 days leaves about 7 % of invoices open (see the report).
      const open = share(invoices, (f) => f.late === null);
      expect(open).toBeGreaterThanOrEqual(0.05);
      expect(open).toBeLessThanOrEqual(0.2);
      const writtenOff = share(invoices, (f) => f.writeOff !== null);
      expect(writtenOff).toBeGreaterThanOrEqual(0.002);
      expect(writtenOff).toBeLessThanOrEqual(0.015);
    }
  });

  test("late invoices are a few weeks late with a long tail; days to pay fit the terms", () => {
    for (const invoices of all) {
      const daysLate = invoices.filter((f) => f.paid !== null && f.late).map((f) => f.paid! - f.due).sort((a, b) => a - b);
      const median = daysLate[Math.floor(daysLate.length / 2)];
      expect(median).toBeGreaterThanOrEqual(7);
      expect(median).toBeLessThanOrEqual(35);
      expect(daysLate[Math.floor(daysLate.length * 0.99)]).toBeGreaterThan(3 * median);
      const paid = invoices.filter((f) => f.paid !== null);
      const meanDaysToPay = paid.reduce((s, f) => s + f.paid! - f.invoice, 0) / paid.length;
      const meanTerms = paid.reduce((s, f) => s + f.due - f.invoice, 0) / paid.length;
      expect(meanDaysToPay).toBeGreaterThan(meanTerms - 5);
      expect(meanDaysToPay).toBeLessThan(meanTerms + 15);
    }
  });

  test("groups behave as labelled, and customer shares differ from invoice shares", () => {
    const invoices = all[0];
    const byGroup = (g: string) => invoices.filter((f) => f.group === g);
    const rate = Object.fromEntries(["A", "B", "C", "D"].map((g) => [g, lateRate(byGroup(g))]));
    expect(rate.D).toBeGreaterThan(rate.B);
    expect(rate.B).toBeGreaterThan(2 * Math.max(rate.A, rate.C));
    const meanAmount = (items: Facts[]) => items.reduce((s, f) => s + f.amount, 0) / items.length;
    expect(meanAmount(byGroup("A"))).toBeGreaterThan(3 * meanAmount(byGroup("C")));
    expect(meanAmount(byGroup("B"))).toBeGreaterThan(3 * meanAmount(byGroup("D")));
    const customers = ledgers[0].customers;
    const customerShareA = share(customers, (c) => c.group === "A");
    expect(share(invoices, (f) => f.group === "A")).toBeGreaterThan(1.5 * customerShareA);
  });

  test("the modelled effects show in the data", () => {
    const invoices = all[0];
    const settled = invoices.filter((f) => f.late !== null);
    // Disputes delay payment.
    expect(lateRate(settled.filter((f) => f.row.disputed === "1"))).toBeGreaterThan(2 * lateRate(settled.filter((f) => f.row.disputed === "0")));
    // Month-end invoices are paid late more often.
    const monthEnd = (f: Facts) => daysToMonthEnd(f.invoice) < 3;
    expect(lateRate(settled.filter(monthEnd))).toBeGreaterThan(lateRate(settled.filter((f) => !monthEnd(f))));
    // Q4 invoices outnumber July–August ones per month (same year, so that growth does not decide).
    const perMonth = (months: string[]) => share(invoices, (f) => months.includes(f.row.invoice_date.slice(0, 7))) / months.length;
    expect(perMonth(["2025-10", "2025-11", "2025-12"])).toBeGreaterThan(1.2 * perMonth(["2025-07", "2025-08"]));
    // Improving customers pay late less often in the second half of their history.
    const improving = new Set(ledgers[0].customers.filter((c) => c.improving).map((c) => c.customerId));
    const middle = (ledgers[0].start + ledgers[0].asOf) / 2;
    const improvers = settled.filter((f) => improving.has(f.row.customer_id));
    expect(lateRate(improvers.filter((f) => f.invoice >= middle))).toBeLessThan(lateRate(improvers.filter((f) => f.invoice < middle)));
    // Credit score tracks behaviour, noisily.
    const lowScore = settled.filter((f) => Number(f.row.credit_score) < 650), highScore = settled.filter((f) => Number(f.row.credit_score) >= 720);
    expect(lateRate(lowScore)).toBeGreaterThan(1.5 * lateRate(highScore));
    // Instalments are more common among high-risk customers.
    const instalments = (g: string[]) => share(invoices.filter((f) => g.includes(f.group)), (f) => Number(f.row.installments) > 1);
    expect(instalments(["B", "D"])).toBeGreaterThan(2 * instalments(["A", "C"]));
  });
});

describe("generated rows", () => {
  const ledger = generateLedger({invoices: 4_000, customers: 150, months: 24, asOf: day("2025-06-15")}, createRandom(11));
  const invoices = facts(ledger);

  test("have exactly the canonical columns, formatted as the CSV is", () => {
    for (const {row} of invoices) {
      expect(Object.keys(row)).toEqual([...rawColumns]);
      expect(row.invoice_id).toMatch(/^INV-\d{7}$/);
      expect(row.customer_id).toMatch(/^C\d{5}$/);
      for (const column of ["invoice_date", "due_date", "customer_since"] as const) expect(row[column]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const column of ["paid_date", "last_payment_date", "last_reminder_date", "write_off_date"] as const) expect(row[column]).toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
      expect(row.amount).toMatch(/^\d+\.\d{2}$/);
      expect(row.paid_amount).toMatch(/^\d+\.\d{2}$/);
      expect(row.credit_limit).toMatch(/^\d+$/);
      expect(["15", "30", "45", "60"]).toContain(row.payment_terms);
      expect(row.disputed).toMatch(/^[01]$/);
      expect(row.extension_requested).toMatch(/^[01]$/);
      expect(row.installments).toMatch(/^\d$/);
      expect(row.reminders_sent).toMatch(/^\d$/);
      expect(row.currency).toBe("USD");
      const score = Number(row.credit_score);
      expect(Number.isInteger(score) && score >= 300 && score <= 850).toBe(true);
    }
  });

  test("come in invoice-date order with sequential ids", () => {
    invoices.forEach((f, i) => {
      expect(f.row.invoice_id).toBe(`INV-${String(i + 1).padStart(7, "0")}`);
      if (i) expect(f.invoice).toBeGreaterThanOrEqual(invoices[i - 1].invoice);
    });
  });

  test("show nothing after the last simulated day, nor before the window or the account", () => {
    const start = windowStart(ledger.asOf, 24);
    expect(ledger.end).toBe(ledger.asOf + 91);
    for (const {row, invoice} of invoices) {
      expect(invoice).toBeGreaterThanOrEqual(start);
      expect(invoice).toBeGreaterThanOrEqual(day(row.customer_since));
      for (const column of ["invoice_date", "paid_date", "last_payment_date", "last_reminder_date", "write_off_date", "customer_since"] as const) {
        if (row[column]) expect(day(row[column])).toBeLessThanOrEqual(ledger.end);
      }
    }
    expect(invoices.filter((f) => f.invoice > ledger.asOf)).toHaveLength(ledger.futureInvoiceCount);
    expect(ledger.futureInvoiceCount).toBeGreaterThan(0);
  });

  test("up to the report date, the ledger is the same whatever the future simulated", () => {
    const without = facts(generateLedger({invoices: 4_000, customers: 150, months: 24, asOf: day("2025-06-15"), futureDays: 0}, createRandom(11)));
    expect(without).toHaveLength(4_000);
    without.forEach((f, i) => {
      const later = invoices[i];
      expect([later.row.invoice_id, later.row.customer_id, later.invoice, later.due, later.amount]).toEqual([f.row.invoice_id, f.row.customer_id, f.invoice, f.due, f.amount]);
      // Settled by the report date: recorded identically. Otherwise the later record knows more.
      if (f.late !== null) expect(later.row).toEqual(f.row);
      else expect(later.paidAmount).toBeGreaterThanOrEqual(f.paidAmount);
    });
  });

  test("list the receipts of invoices paid in parts, adding up to the row's totals", () => {
    const payments = ledger.payments();
    const byId = new Map(invoices.map((f) => [f.row.invoice_id, f]));
    let multi = 0;
    for (const f of invoices) if (Number(f.row.installments) > 1) ++multi;
    expect(payments.size).toBe(multi);
    expect(multi).toBeGreaterThan(50);
    for (const [id, receipts] of payments) {
      const f = byId.get(id)!;
      expect(receipts.length).toBe(Number(f.row.installments));
      expect(receipts.every((r) => r.invoiceId === id)).toBe(true);
      expect(Math.round(receipts.reduce((s, r) => s + r.amount, 0) * 100)).toBe(Math.round(f.paidAmount * 100));
      expect(formatIsoDay(receipts[receipts.length - 1].day)).toBe(f.row.last_payment_date);
      for (let j = 1; j < receipts.length; ++j) expect(receipts[j].day).toBeGreaterThan(receipts[j - 1].day);
      expect(receipts[0].day).toBeGreaterThan(f.invoice);
    }
  });

  test("are consistent invoices: due by terms, payments adding up, reminders before settlement", () => {
    for (const f of invoices) {
      const {row} = f;
      expect(f.due - f.invoice).toBe(Number(row.payment_terms));
      expect(f.amount).toBeGreaterThanOrEqual(25);
      expect(f.paid === null || f.writeOff === null).toBe(true);
      const payments = Number(row.installments);
      expect(payments === 0).toBe(f.paidAmount === 0);
      expect(payments === 0).toBe(row.last_payment_date === "");
      if (f.paid !== null) {
        expect(f.paid).toBeGreaterThan(f.invoice);
        expect(row.paid_amount).toBe(row.amount);
        expect(row.last_payment_date).toBe(row.paid_date);
        expect(payments).toBeGreaterThanOrEqual(1);
        expect(payments).toBeLessThanOrEqual(3);
      } else {
        expect(f.paidAmount).toBeLessThan(f.amount);
      }
      const settled = f.paid ?? f.writeOff;
      if (row.last_reminder_date) {
        expect(Number(row.reminders_sent)).toBeGreaterThan(0);
        if (settled !== null) expect(day(row.last_reminder_date)).toBeLessThan(settled);
        expect(day(row.last_reminder_date)).toBeGreaterThan(f.invoice);
      } else {
        expect(row.reminders_sent).toBe("0");
      }
      expect(Number(row.reminders_sent)).toBeLessThanOrEqual(7);
    }
  });

  test("carry each customer's attributes unchanged, matching the customer list", () => {
    const byId = new Map(ledger.customers.map((c) => [c.customerId, c]));
    const seen = new Set<string>();
    for (const {row} of invoices) {
      const c = byId.get(row.customer_id)!;
      seen.add(c.customerId);
      expect([row.customer_name, row.industry, row.region, row.credit_score, row.credit_limit, row.payment_terms]).toEqual([
        c.name, c.industry, c.region, String(c.creditScore), String(c.creditLimit), String(c.termsDays)
      ]);
    }
    expect(seen.size).toBe(150);
    expect(new Set(ledger.customers.map((c) => c.name)).size).toBe(150);
    expect(ledger.customers.map((c) => c.customerId).slice(0, 3)).toEqual(["C00001", "C00002", "C00003"]);
  });

  test("each call to rows() starts again", () => {
    expect(ledger.rows().next().value).toEqual(invoices[0].row);
  });
});

describe("determinism", () => {
  const serialize = (seed: number) =>
    Array.from(generateLedger({invoices: 3_000}, createRandom(seed)).rows(), (row) => rawColumns.map((c) => row[c]).join(",")).join("\n");

  test("the same options and seed give identical rows; another seed does not", () => {
    const first = serialize(5);
    expect(serialize(5)).toBe(first);
    expect(serialize(6)).not.toBe(first);
  });
});

describe("options", () => {
  test("defaults fill in, customers follow the invoice count", () => {
    expect(resolveGeneratorOptions()).toEqual(defaultGeneratorOptions);
    expect(resolveGeneratorOptions({invoices: 1_000_000}).customers).toBe(40_000);
    expect(resolveGeneratorOptions({invoices: 10}).customers).toBe(1);
  });

  test("impossible options are refused", () => {
    expect(() => resolveGeneratorOptions({months: 23})).toThrow(RangeError);
    expect(() => resolveGeneratorOptions({invoices: 10, customers: 11})).toThrow(RangeError);
    expect(() => resolveGeneratorOptions({invoices: 0})).toThrow(RangeError);
    expect(() => resolveGeneratorOptions({invoices: 2.5})).toThrow(RangeError);
  });

  test("another currency and as-of date are honoured", () => {
    const ledger = generateLedger({invoices: 300, customers: 20, asOf: day("2023-12-31"), currency: "EUR"}, createRandom(3));
    const rows = Array.from(ledger.rows());
    expect(rows.every((r) => r.currency === "EUR")).toBe(true);
    expect(rows.every((r) => r.invoice_date >= "2021-07-01" && r.invoice_date <= "2024-03-31")).toBe(true);
    expect(rows.filter((r) => r.invoice_date <= "2023-12-31")).toHaveLength(300);
    expect(ledger.start).toBe(day("2021-07-01"));
  });
});

describe("building blocks", () => {
  test("windowStart is the first day of the first month", () => {
    expect(windowStart(day("2026-09-30"), 30)).toBe(day("2024-04-01"));
    expect(windowStart(day("2026-09-15"), 24)).toBe(day("2024-10-01"));
  });

  test("apportion splits by largest remainder, ties to the first", () => {
    expect(apportion(10, [1, 1, 2])).toEqual([3, 2, 5]);
    expect(apportion(7, [0, 1])).toEqual([0, 7]);
    expect(apportion(1000, [0.175, 0.085, 0.59, 0.15])).toEqual([175, 85, 590, 150]);
  });

  test("calendar helpers", () => {
    expect(weekdayOf(0)).toBe(4); // 1970-01-01, a Thursday
    expect(weekdayOf(day("2026-09-30"))).toBe(3); // a Wednesday
    expect(lastBusinessDayOfMonth(day("2026-05-10"))).toBe(day("2026-05-29")); // the 31st is a Sunday
    const friday = {run: "weekly", weekday: 5} as const;
    expect(nextRunDay(friday, day("2026-09-30"))).toBe(day("2026-10-02"));
    expect(previousRunDay(friday, day("2026-09-30"))).toBe(day("2026-09-25"));
    expect(nextRunDay(friday, day("2026-10-02"))).toBe(day("2026-10-02"));
    const twice = {run: "twice monthly", weekday: 1} as const;
    expect(nextRunDay(twice, day("2026-02-03"))).toBe(day("2026-02-15"));
    expect(nextRunDay(twice, day("2026-02-16"))).toBe(day("2026-02-28"));
    expect(previousRunDay(twice, day("2026-02-14"))).toBe(day("2026-01-31"));
    expect(previousRunDay(twice, day("2026-02-20"))).toBe(day("2026-02-15"));
    expect(previousRunDay(twice, day("2026-02-28"))).toBe(day("2026-02-28"));
    expect(nextRunDay({run: "any day", weekday: 1}, 100)).toBe(100);
  });

  test("invoiceDateOrder sorts by date, keeping storage order within a day", () => {
    const columns = createInvoiceColumns(5);
    columns.invoiceDate.set([12, 10, 12, 11, 10]);
    expect(Array.from(invoiceDateOrder(columns))).toEqual([1, 4, 3, 0, 2]);
  });

  test("ids and amounts are formatted as the CSV expects", () => {
    expect(invoiceId(0)).toBe("INV-0000001");
    expect(invoiceId(1_234_566)).toBe("INV-1234567");
    expect(formatCents(123450)).toBe("1234.50");
    expect(formatCents(2500)).toBe("25.00");
    expect(formatCents(7)).toBe("0.07");
  });
});
