// When invoices are issued and when payments go out: invoicing volume by day (season, weekday,
// month-end pushes), sampling issue days from it, and the payment runs accounts-payable teams batch
// their payments into.
import {calendarParts, daysToMonthEnd, endOfMonth, startOfMonth} from "../../core/dates.js";
import type {Day} from "../../core/dates.js";
import type {Random} from "../../core/random.js";
import {monthVolume} from "./profiles.js";

/** Invoices on Saturdays and Sundays are rare; index 0 is Sunday. */
const weekdayVolume = [0.04, 1, 1, 1, 1, 0.95, 0.08];

/** Last days of a month that count as month-end, here and in the lateness effect. */
export const monthEndDays = 3;

/**
 * Cumulative invoicing intensity over [start, end], for sampling issue days, with each day's month and
 * month-end flag looked up once rather than per invoice.
 */
export interface InvoicingCalendar {
  start: Day;
  end: Day;
  cumulative: Float64Array;
  /** Month (1–12) of each day. */
  month: Uint8Array;
  /** 1 on the last `monthEndDays` days of a month. */
  monthEnd: Uint8Array;
}

/** Relative invoicing volume on `day`. */
export function invoicingIntensity(day: Day): number {
  const {month, weekday} = calendarParts(day);
  let intensity = monthVolume[month - 1] * weekdayVolume[weekday];
  // Sales teams push invoices out before the books close, hardest at quarter-end.
  if (daysToMonthEnd(day) < monthEndDays) intensity *= month % 3 === 0 ? 2.2 : 1.6;
  return intensity;
}

export function invoicingCalendar(start: Day, end: Day): InvoicingCalendar {
  const cumulative = new Float64Array(end - start + 1);
  const month = new Uint8Array(end - start + 1);
  const monthEnd = new Uint8Array(end - start + 1);
  let total = 0;
  for (let day = start; day <= end; ++day) {
    cumulative[day - start] = total += invoicingIntensity(day);
    month[day - start] = calendarParts(day).month;
    monthEnd[day - start] = isMonthEnd(day) ? 1 : 0;
  }
  return {start, end, cumulative, month, monthEnd};
}

/**
 * A day in [from, to] drawn in proportion to invoicing intensity times exp(growth · years since
 * `from`): a customer whose business grows invoices more often later on.
 */
export function sampleIssueDay(calendar: InvoicingCalendar, from: Day, to: Day, growth: number, random: Random): Day {
  const {start, cumulative} = calendar;
  const lo = from > start ? cumulative[from - start - 1] : 0;
  const hi = cumulative[to - start];
  const years = (to - from) / 365;
  const peak = Math.exp(Math.max(0, growth) * years);
  for (;;) {
    const target = lo + random.next() * (hi - lo);
    let a = from - start, b = to - start;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (cumulative[mid] > target) b = mid;
      else a = mid + 1;
    }
    const day = start + a;
    // Rejection against the growth curve: cheap because |growth| · years stays small.
    if (random.next() * peak < Math.exp((growth * (day - from)) / 365)) return day;
  }
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The last Monday–Friday of the month containing `day`. */
export function lastBusinessDayOfMonth(day: Day): Day {
  let last = endOfMonth(day);
  while (weekdayOf(last) === 0 || weekdayOf(last) === 6) --last;
  return last;
}

export function isMonthEnd(day: Day): boolean {
  return daysToMonthEnd(day) < monthEndDays;
}

/** How a customer's accounts-payable team releases payments. */
export type PaymentRun = "any day" | "weekly" | "twice monthly";

export interface PaymentSchedule {
  run: PaymentRun;
  /** Weekday of a weekly run (1 = Monday … 5 = Friday). */
  weekday: number;
}

/** The first run day on or after `day`. */
export function nextRunDay({run, weekday}: PaymentSchedule, day: Day): Day {
  if (run === "weekly") return day + ((weekday - weekdayOf(day) + 7) % 7);
  if (run === "twice monthly") {
    const dom = calendarParts(day).day;
    return dom <= 15 ? day + 15 - dom : endOfMonth(day);
  }
  return day;
}

/** The last run day on or before `day`. */
export function previousRunDay({run, weekday}: PaymentSchedule, day: Day): Day {
  if (run === "weekly") return day - ((weekdayOf(day) - weekday + 7) % 7);
  if (run === "twice monthly") {
    if (day === endOfMonth(day)) return day;
    const dom = calendarParts(day).day;
    return dom >= 15 ? day - (dom - 15) : startOfMonth(day) - 1;
  }
  return day;
}
