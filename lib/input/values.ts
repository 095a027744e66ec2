// Reading one raw text value as a typed value. Each parser returns undefined for text it cannot read;
// the caller decides whether that is dirt to fix or an input error to report with its line and column.
import {dayFromParts, daysInMonth} from "../core/dates.js";
import type {Day} from "../core/dates.js";

export const dateFormats = ["YYYY-MM-DD", "MM/DD/YYYY", "DD/MM/YYYY", "DD.MM.YYYY", "YYYY/MM/DD"] as const;
export type DateFormat = (typeof dateFormats)[number];

// A time of day after the date (exports from databases often carry one) is accepted and ignored.
const timeSuffix = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;

const datePatterns: Record<DateFormat, {pattern: RegExp; year: number; month: number; day: number}> = {
  "YYYY-MM-DD": {pattern: new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${timeSuffix}$`), year: 1, month: 2, day: 3},
  "YYYY/MM/DD": {pattern: new RegExp(String.raw`^(\d{4})/(\d{1,2})/(\d{1,2})${timeSuffix}$`), year: 1, month: 2, day: 3},
  "MM/DD/YYYY": {pattern: new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})${timeSuffix}$`), year: 3, month: 1, day: 2},
  "DD/MM/YYYY": {pattern: new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})${timeSuffix}$`), year: 3, month: 2, day: 1},
  "DD.MM.YYYY": {pattern: new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})${timeSuffix}$`), year: 3, month: 2, day: 1}
};

/** The day a date written in `format` names; undefined if it does not match or does not exist (02-30). */
export function parseDate(text: string, format: DateFormat = "YYYY-MM-DD"): Day | undefined {
  if (format === "YYYY-MM-DD" && text.length === 10) {
    const day = compactIsoDay(text);
    if (day !== undefined) return day;
  }
  const {pattern, year, month, day} = datePatterns[format];
  const match = pattern.exec(text.trim());
  if (!match) return undefined;
  return dayFromParts(Number(match[year]), Number(match[month]), Number(match[day]));
}

/**
 * A strict "YYYY-MM-DD" read straight from the character codes: the common case, a million times over,
 * without a regular expression or a Date. Undefined for anything else (the general path decides).
 */
function compactIsoDay(text: string): Day | undefined {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digitsAt(text, 0, 4), month = digitsAt(text, 5, 2), day = digitsAt(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

/** The number written by `length` digits at `start`, or −1. */
function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; ++i) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * `parseDate` for one format, with a cache for the layouts that need a regular expression (a ledger
 * repeats a few thousand distinct dates across a million rows).
 */
export function dateParser(format: DateFormat = "YYYY-MM-DD"): (text: string) => Day | undefined {
  const cache = new Map<string, Day | undefined>();
  const iso = format === "YYYY-MM-DD";
  return (text) => {
    if (iso && text.length === 10) {
      const compact = compactIsoDay(text);
      if (compact !== undefined) return compact;
    }
    let day = cache.get(text);
    if (day === undefined && !cache.has(text)) {
      day = parseDate(text, format);
      if (cache.size < 100_000) cache.set(text, day);
    }
    return day;
  };
}

/** Other formats that would read `text`: a hint for an error message when the format option is wrong. */
export function dateFormatsMatching(text: string): DateFormat[] {
  return dateFormats.filter((format) => parseDate(text, format) !== undefined);
}

export interface ParsedAmount {
  value: number;
  /** Written with a currency symbol or code, thousands separators, parentheses or a trailing minus. */
  reformatted: boolean;
  /** ISO code named by the text ("1234.50 USD", "€12"), or null. */
  currency: string | null;
}

const plainNumber = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;
const groupedNumber = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const unsignedNumber = /^(?:\d+(?:\.\d*)?|\.\d+)$/;
const currencyPrefix = /^([A-Za-z]{3}|[A-Z]{0,2}[$€£¥])\s*/;
const currencySuffix = /\s*([A-Za-z]{3}|[$€£¥])$/;
const symbolCurrencies: Record<string, string> = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "C$": "CAD", "A$": "AUD"};

/**
 * A money amount: "1234.50", or as spreadsheets and accounting systems write it — "$1,234.50",
 * "1234.50 USD", "USD 1,234.50", "(1,234.50)" and "1,234.50-" for negatives. Undefined for anything
 * else, including a comma decimal ("12,5"), which could be read two ways.
 */
export function parseAmount(text: string): ParsedAmount | undefined {
  if (isPlainDecimal(text)) return {value: normalizeZero(Number(text)), reformatted: false, currency: null};
  let rest = text.trim();
  let signs = 0;
  let currency: string | null = null;
  if (rest.startsWith("(") && rest.endsWith(")")) (rest = rest.slice(1, -1).trim()), ++signs;
  if (rest.startsWith("-")) (rest = rest.slice(1).trim()), ++signs;
  else if (rest.startsWith("+")) rest = rest.slice(1).trim();
  const prefix = currencyPrefix.exec(rest);
  if (prefix) (currency = currencyCode(prefix[1])), (rest = rest.slice(prefix[0].length));
  if (rest.startsWith("-")) (rest = rest.slice(1).trim()), ++signs;
  const suffix = prefix ? null : currencySuffix.exec(rest);
  if (suffix) (currency = currencyCode(suffix[1])), (rest = rest.slice(0, suffix.index));
  if (rest.endsWith("-")) (rest = rest.slice(0, -1).trim()), ++signs;
  if (signs > 1) return undefined;
  let digits: string;
  if (unsignedNumber.test(rest)) digits = rest;
  else if (groupedNumber.test(rest)) digits = rest.replaceAll(",", "");
  else return undefined;
  const value = normalizeZero((signs ? -1 : 1) * Number(digits));
  return {value, reformatted: true, currency};
}

/** "-1234.50", "7", ".5": what `plainNumber` matches, checked by hand because it is the common case. */
function isPlainDecimal(text: string): boolean {
  const n = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  let digits = 0, dots = 0;
  for (; i < n; ++i) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) ++digits;
    else if (c === 46 && ++dots === 1) continue;
    else return false;
  }
  return digits > 0;
}

function currencyCode(marker: string): string | null {
  if (/^[A-Za-z]{3}$/.test(marker)) return marker.toUpperCase();
  return symbolCurrencies[marker] ?? null;
}

function normalizeZero(value: number): number {
  return value === 0 ? 0 : value;
}

/** A plain decimal number ("712", "712.0", "-3.5"); undefined otherwise. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return plainNumber.test(trimmed) ? normalizeZero(Number(trimmed)) : undefined;
}

/** A whole count ≥ 0 ("3", or "3.0" as spreadsheets write it); undefined otherwise. */
export function parseCount(text: string): number | undefined {
  if (text.length === 1) {
    const digit = text.charCodeAt(0) - 48;
    if (digit >= 0 && digit <= 9) return digit;
  }
  const match = /^(\d+)(?:\.0*)?$/.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}

const immediateTerms = new Set(["cod", "cia", "cashondelivery", "dueonreceipt", "uponreceipt", "onreceipt", "immediate", "immediately", "due"]);

/**
 * Payment terms in days: "30", "30.0", "Net 30", "NET30", "N30", "30 days", "30D", "2/10 Net 30" (the
 * discount is ignored), and 0 for "Due on receipt", "COD" and "Immediate". Undefined otherwise.
 */
export function parsePaymentTerms(text: string): number | undefined {
  const lower = text.trim().toLowerCase();
  const simple = /^(?:net\s*|n\s*)?(\d{1,3})(?:\.0*)?(?:\s*(?:days?|d))?$/.exec(lower);
  if (simple) return Number(simple[1]);
  const discounted = /(?:^|[\s/,])net\s*(\d{1,3})(?:\s*days?)?$/.exec(lower);
  if (discounted) return Number(discounted[1]);
  if (immediateTerms.has(lower.replace(/[^a-z]/g, ""))) return 0;
  return undefined;
}

const trueFlags = new Set(["1", "true", "t", "yes", "y", "x"]);
const falseFlags = new Set(["0", "false", "f", "no", "n"]);

/** A yes/no flag: "1"/"0", true/false, yes/no, y/n (any case); undefined otherwise. */
export function parseFlag(text: string): boolean | undefined {
  const lower = text.trim().toLowerCase();
  if (trueFlags.has(lower)) return true;
  if (falseFlags.has(lower)) return false;
  return undefined;
}
