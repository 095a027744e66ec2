// Calendar dates as whole days since 1970-01-01 (UTC). Integers compare, subtract and sort without
// time zones getting in the way, and typed arrays hold a million of them cheaply.

/** Days since 1970-01-01. */
export type Day = number;

const MS_PER_DAY = 86_400_000;
const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a calendar date, or undefined if the date does not exist (2024-02-30). */
export function dayFromParts(year: number, month: number, day: number): Day | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Parses YYYY-MM-DD strictly; undefined for anything else or an impossible date. */
export function parseIsoDay(text: string): Day | undefined {
  const match = isoPattern.exec(text);
  if (!match) return undefined;
  return dayFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** YYYY-MM-DD. */
export function formatIsoDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function dayToDate(day: Day): Date {
  return new Date(day * MS_PER_DAY);
}

export function dateToDay(date: Date): Day {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export interface CalendarParts {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

export function calendarParts(day: Day): CalendarParts {
  const date = dayToDate(day);
  return {year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay()};
}

/** Months since 1970-01 (0 = January 1970): a sortable month key. */
export function monthIndex(day: Day): number {
  const {year, month} = calendarParts(day);
  return (year - 1970) * 12 + (month - 1);
}

/** YYYY-MM of a month index. */
export function formatMonthIndex(index: number): string {
  const year = 1970 + Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** First day of the month containing `day`. */
export function startOfMonth(day: Day): Day {
  const {year, month} = calendarParts(day);
  return dayFromParts(year, month, 1)!;
}

/** Last day of the month containing `day`. */
export function endOfMonth(day: Day): Day {
  const {year, month} = calendarParts(day);
  return dayFromParts(year, month, daysInMonth(year, month))!;
}

/** The same day of the month `months` later, clamped to the month's last day. */
export function addMonths(day: Day, months: number): Day {
  const {year, month, day: dom} = calendarParts(day);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return dayFromParts(y, m, Math.min(dom, daysInMonth(y, m)))!;
}

/** Days from the last day of its month (0 on the month's last day). */
export function daysToMonthEnd(day: Day): number {
  return endOfMonth(day) - day;
}
