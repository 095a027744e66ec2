import {describe, expect, test} from "vitest";
import type {BandTiming, PaymentTimingModel, TimingShift} from "../../lib/portfolio/paymentTiming.js";
import {
  collectionShare,
  compileTiming,
  expectedDaysLate,
  fitPaymentTiming,
  invoiceTiming,
  noShift,
  paidBy,
  paidDaysMoment,
  settlementRecords,
  summarizeTiming,
  writeOffProbability,
  writtenOffBy
} from "../../lib/portfolio/paymentTiming.js";
import {fixtureTimingModel, makeInvoice, day} from "../fixtures/kpi/fixtures.js";

const asOf = 20_000;

/** Every outcome of an invoice, enumerated straight from the band's shares (no cumulative sums). */
function enumerate(model: PaymentTimingModel, band: BandTiming, dueDate: number, pLate: number, shift: TimingShift) {
  const outcomes: {day: number; prob: number; kind: "paid" | "writtenOff"}[] = [];
  const age = asOf - dueDate;
  const late = band.latePaid.map((paid, i) => ({x: i + 1, paid, writtenOff: band.lateWrittenOff[i]}));
  let anchor = dueDate, weightLate = pLate;
  const lateFrom = (after: number) => late.filter((o) => o.x > after);
  if (age < 0) {
    const onTime = band.onTime.map((m, i) => ({x: model.earliestOffset + i, m})).filter((o) => o.x > age);
    const left = onTime.reduce((s, o) => s + o.m, 0);
    if (left > 0) for (const o of onTime) outcomes.push({day: dueDate + o.x, prob: ((1 - pLate) * o.m) / left, kind: "paid"});
    else outcomes.push({day: dueDate, prob: 1 - pLate, kind: "paid"});
  } else {
    let cap = 0;
    for (let t = 1; t < model.latestOffset; ++t) {
      const beyond = lateFrom(t).reduce((s, o) => s + o.paid + o.writtenOff, 0) * band.observations.late;
      if (beyond >= model.minTail - 1e-9) cap = t;
      else break;
    }
    const conditioned = Math.min(age, cap);
    anchor = dueDate + age - conditioned;
    const left = lateFrom(conditioned).reduce((s, o) => s + o.paid + o.writtenOff, 0);
    weightLate = 1 / left;
    for (const o of late) if (o.x <= conditioned) o.paid = o.writtenOff = 0;
  }
  for (const o of late) {
    outcomes.push({day: anchor + o.x, prob: weightLate * o.paid, kind: "paid"});
    outcomes.push({day: anchor + o.x, prob: weightLate * o.writtenOff, kind: "writtenOff"});
  }
  return outcomes.map((o) => {
    const p = o.day + shift.delayDays;
    const moved = p > shift.pivot ? shift.pivot + (p - shift.pivot) * (1 - shift.compression) : p;
    return {...o, day: moved};
  });
}

describe("payment timing", () => {
  const model = fixtureTimingModel();
  const compiled = compileTiming(model);

  test("a not-yet-due invoice: hand-computed probabilities, collection share and expected days late", () => {
    // Due in 2 days, P(late) 0.25: on-time payments can still come at offsets −1 (0.3) and 0 (0.4).
    const t = invoiceTiming(compiled, {dueDate: asOf + 2, pLate: 0.25}, asOf);
    expect(paidBy(t, asOf)).toBe(0);
    expect(paidBy(t, asOf + 1)).toBeCloseTo((0.75 * 0.3) / 0.7, 12);
    expect(paidBy(t, asOf + 2)).toBeCloseTo(0.75, 12);
    expect(paidBy(t, asOf + 4)).toBeCloseTo(0.75 + 0.25 * 0.4, 12);
    expect(collectionShare(t)).toBeCloseTo(0.95, 12);
    expect(writeOffProbability(t)).toBeCloseTo(0.05, 12);
    expect(writtenOffBy(t, asOf + 7)).toBe(0);
    expect(writtenOffBy(t, asOf + 8)).toBeCloseTo(0.05, 12);
    // 0.25 × E[days late | late] = 0.25 × 3.6
    expect(expectedDaysLate(t)).toBeCloseTo(0.9, 12);
  });

  test("an overdue invoice is late for certain and conditioned on its age", () => {
    // Three days overdue: outcomes beyond offset 3 carry 0.1 + 0.1 + 0.1 paid and 0.2 written off.
    const t = invoiceTiming(compiled, {dueDate: asOf - 3, pLate: 0.1}, asOf);
    expect(paidBy(t, asOf + 1)).toBeCloseTo(0.2, 12);
    expect(collectionShare(t)).toBeCloseTo(0.6, 12);
    expect(expectedDaysLate(t)).toBeCloseTo(2 * (0.4 + 0.5 + 1.8), 12);
    // Ten days overdue is beyond the tail cap (5): it keeps the remaining-time distribution of age 5.
    expect(compiled.bands.low.tailCap).toBe(5);
    const old = invoiceTiming(compiled, {dueDate: asOf - 10, pLate: 0.1}, asOf);
    expect(paidBy(old, asOf)).toBe(0);
    expect(paidBy(old, asOf + 1)).toBeCloseTo(1 / 3, 12);
    expect(collectionShare(old)).toBeCloseTo(1 / 3, 12);
    expect(expectedDaysLate(old)).toBeCloseTo(11, 12);
    // A stricter tail requirement lowers the cap.
    expect(compileTiming(fixtureTimingModel(35)).bands.low.tailCap).toBe(4);
  });

  test("an action compresses the delay beyond the pivot: hand-computed", () => {
    const t = invoiceTiming(compiled, {dueDate: asOf + 2, pLate: 0.25}, asOf);
    const action: TimingShift = {delayDays: 0, pivot: asOf + 2, compression: 0.5, writeOffPrevention: 0};
    expect(paidBy(t, asOf + 3, action)).toBeCloseTo(0.75 + 0.25 * 0.4, 12);
    expect(paidDaysMoment(t)).toBeCloseTo((1.1 * 0.75) / 0.7 + 0.25 * 4.0, 12);
    expect(paidDaysMoment(t, action)).toBeCloseTo((1.1 * 0.75) / 0.7 + 0.25 * 2.8, 12);
    // Preventing half the write-offs turns 0.025 of probability into cash.
    expect(collectionShare(t, {...action, writeOffPrevention: 0.5})).toBeCloseTo(0.975, 12);
  });

  test("cumulative queries agree with brute-force enumeration across ages, probabilities and shifts", () => {
    const shifts: TimingShift[] = [
      noShift,
      {delayDays: 3, pivot: Infinity, compression: 0, writeOffPrevention: 0},
      {delayDays: 0, pivot: asOf + 1, compression: 0.4, writeOffPrevention: 0.3},
      {delayDays: 5, pivot: asOf + 8, compression: 0.75, writeOffPrevention: 0},
      {delayDays: 2, pivot: asOf + 1, compression: 1, writeOffPrevention: 1}
    ];
    const band = model.bands[0];
    let checks = 0;
    for (let dueIn = -12; dueIn <= 5; ++dueIn) {
      for (const pLate of [0, 0.25, 0.7, 1]) {
        for (const shift of shifts) {
          const dueDate = asOf + dueIn;
          const t = invoiceTiming(compiled, {dueDate, pLate}, asOf);
          const outcomes = enumerate(model, band, dueDate, pLate, shift);
          const phi = shift.writeOffPrevention;
          for (let d = asOf; d <= asOf + 25; ++d) {
            const paid = outcomes.reduce((s, o) => s + (o.day <= d ? (o.kind === "paid" ? o.prob : phi * o.prob) : 0), 0);
            const lost = outcomes.reduce((s, o) => s + (o.day <= d && o.kind === "writtenOff" ? (1 - phi) * o.prob : 0), 0);
            expect(paidBy(t, d, shift)).toBeCloseTo(paid, 10);
            expect(writtenOffBy(t, d, shift)).toBeCloseTo(lost, 10);
            ++checks;
          }
          const moment = outcomes.reduce((s, o) => s + (o.kind === "paid" ? o.prob * (o.day - asOf) : 0), 0);
          expect(paidDaysMoment(t, shift)).toBeCloseTo(moment, 10);
          // Nothing is paid or written off on or before the as-of day.
          expect(paidBy(t, asOf, shift) + writtenOffBy(t, asOf, shift)).toBeCloseTo(0, 12);
        }
      }
    }
    expect(checks).toBe(18 * 4 * 5 * 26);
  });

  test("a delay of D days moves every payment D days later", () => {
    const t = invoiceTiming(compiled, {dueDate: asOf + 1, pLate: 0.4}, asOf);
    const delayed: TimingShift = {...noShift, delayDays: 4};
    for (let d = asOf; d < asOf + 20; ++d) expect(paidBy(t, d + 4, delayed)).toBeCloseTo(paidBy(t, d), 12);
    expect(paidDaysMoment(t, delayed) - paidDaysMoment(t)).toBeCloseTo(4 * collectionShare(t), 12);
  });
});

describe("fitting the timing model", () => {
  test("shares per band, write-offs as late outcomes, borrowing the pooled distribution", () => {
    const records = [
      {pLate: 0.1, daysLate: -2, writtenOff: false},
      {pLate: 0.1, daysLate: 0, writtenOff: false},
      {pLate: 0.1, daysLate: 0, writtenOff: false},
      {pLate: 0.1, daysLate: 5, writtenOff: false},
      {pLate: 0.1, daysLate: 5, writtenOff: false},
      {pLate: 0.1, daysLate: 8, writtenOff: true},
      {pLate: 0.9, daysLate: 3, writtenOff: false},
      {pLate: NaN, daysLate: -1, writtenOff: false}
    ];
    const fitted = fitPaymentTiming(records, {minObservations: 1});
    expect(fitted.earliestOffset).toBe(-2);
    expect(fitted.latestOffset).toBe(8);
    const [low, medium, high] = fitted.bands;
    expect(low.onTime).toEqual([1 / 3, 0, 2 / 3]);
    expect(low.latePaid[4]).toBeCloseTo(2 / 3, 12);
    expect(low.lateWrittenOff[7]).toBeCloseTo(1 / 3, 12);
    expect(low.borrowed).toEqual({onTime: false, late: false});
    // Medium has no records of its own: both parts pooled (all 8 records, the unscored one included).
    expect(medium.borrowed).toEqual({onTime: true, late: true});
    expect(medium.observations).toEqual({onTime: 4, late: 4, writtenOff: 1});
    expect(medium.onTime).toEqual([0.25, 0.25, 0.5]);
    expect(high.borrowed).toEqual({onTime: true, late: false});
    expect(high.latePaid[2]).toBe(1);
    const summary = summarizeTiming(fitted);
    expect(summary[0].meanDaysLate).toBeCloseTo((5 + 5 + 8) / 3, 12);
    expect(summary[0].medianDaysLate).toBe(5);
    expect(summary[0].writeOffShare).toBeCloseTo(1 / 3, 12);
    expect(summary[0].meanDaysEarly).toBeCloseTo(2 / 3, 12);
  });

  test("extreme offsets are lumped at the caps; an early write-off counts one day late; no history falls back", () => {
    const fitted = fitPaymentTiming(
      [
        {pLate: 0.5, daysLate: -400, writtenOff: false},
        {pLate: 0.5, daysLate: 900, writtenOff: false},
        {pLate: 0.5, daysLate: -5, writtenOff: true}
      ],
      {minObservations: 1}
    );
    expect(fitted.earliestOffset).toBe(-120);
    expect(fitted.latestOffset).toBe(365);
    const medium = fitted.bands[1];
    expect(medium.onTime[0]).toBe(1);
    expect(medium.latePaid[364]).toBe(0.5);
    expect(medium.lateWrittenOff[0]).toBe(0.5);

    const empty = fitPaymentTiming([]);
    expect(empty.bands[0].onTime).toEqual([1]);
    expect(empty.bands[0].latePaid[29]).toBe(1);
    const t = invoiceTiming(compileTiming(empty), {dueDate: asOf + 3, pLate: 0.5}, asOf);
    expect(collectionShare(t)).toBeCloseTo(1, 12);
    expect(expectedDaysLate(t)).toBeCloseTo(15, 12);
  });

  test("settlement records come from settled invoices only", () => {
    const asOfDay = day("2026-03-31");
    const invoices = [
      makeInvoice({id: "I1", issued: "2026-01-01", amount: 100, paid: "2026-02-05"}, asOfDay),
      makeInvoice({id: "I2", issued: "2026-01-01", amount: 100, writtenOff: "2026-03-01"}, asOfDay),
      makeInvoice({id: "I3", issued: "2026-03-01", amount: 100}, asOfDay)
    ];
    const records = settlementRecords(invoices, (i) => (i.invoiceId === "I1" ? 0.2 : undefined));
    expect(records).toEqual([
      {pLate: 0.2, daysLate: 5, writtenOff: false},
      {pLate: NaN, daysLate: day("2026-03-01") - day("2026-01-31"), writtenOff: true}
    ]);
  });
});
