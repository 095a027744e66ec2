// Reading one raw text value as a typed value. Each parser returns undefined for text it cannot read;
// the caller decides whether that is a value to set aside or an input error to report with its line
// and column. Which date layout and decimal separator a column uses is inferred from all of its values
// (./infer.ts); the parsers here read one value in a layout they are given.
import {dayFromParts, daysInMonth} from "../core/dates.js";
import type {Day} from "../core/dates.js";

// ——— Dates ———

/**
 * Date layouts, named as a user writes them in a setting. Layouts with a numeric year also read a
 * two-digit year (see `twoDigitYearPivot`); "D MMM YYYY" is any date with a month name ("26-Apr-11",
 * "Apr 26, 2011", "26 April 2011"); "Excel serial" is a spreadsheet's day number (45303 = 2024-01-12).
 */
export const dateFormats = [
  "YYYY-MM-DD",
  "YYYY/MM/DD",
  "YYYY.MM.DD",
  "MM/DD/YYYY",
  "DD/MM/YYYY",
  "DD.MM.YYYY",
  "DD-MM-YYYY",
  "MM-DD-YYYY",
  "YYYYMMDD",
  "D MMM YYYY",
  "Excel serial"
] as const;
export type DateFormat = (typeof dateFormats)[number];

/**
 * Two-digit years below the pivot are 20xx, the others 19xx: "1/2/13" is 2013, "1/2/87" is 1987. A
 * receivables ledger spans recent years, and customer-since dates reach back decades at most.
 */
export const twoDigitYearPivot = 50;

type Order = "ymd" | "mdy" | "dmy";
const numericLayouts: Partial<Record<DateFormat, {order: Order; separator: string}>> = {
  "YYYY-MM-DD": {order: "ymd", separator: "-"},
  "YYYY/MM/DD": {order: "ymd", separator: "/"},
  "YYYY.MM.DD": {order: "ymd", separator: "."},
  "MM/DD/YYYY": {order: "mdy", separator: "/"},
  "DD/MM/YYYY": {order: "dmy", separator: "/"},
  "DD.MM.YYYY": {order: "dmy", separator: "."},
  "DD-MM-YYYY": {order: "dmy", separator: "-"},
  "MM-DD-YYYY": {order: "mdy", separator: "-"}
};

// A time of day after the date (databases and spreadsheets often add one) is accepted and ignored.
const timeSuffix = String.raw`(?:[T ]\s*\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?`;
const numericDate = new RegExp(String.raw`^(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})\.?${timeSuffix}$`);
// "20200210", and "20200210.0" as pandas writes a column of such dates with a blank in it (a float).
const compactDate = new RegExp(String.raw`^(\d{4})(\d{2})(\d{2})(?:\.0+)?${timeSuffix}$`);
const serialDate = /^\d{4,5}(?:\.\d+)?$/;

/** Excel's day 25569 is 1970-01-01 (its calendar counts a 29 February 1900 that never was). */
const excelEpoch = 25569;
/** Serials read as dates: 1927-05-18 (10000) to 2173-10-14 (99999); smaller numbers are not dates in a ledger. */
const serialRange = [10_000, 99_999] as const;

const monthNames: Record<string, number> = {};
for (const [month, names] of [
  [1, "jan january januar janv janvier ene enero gen"],
  [2, "feb february februar fev fevr fevrier febrero"],
  [3, "mar march marz maerz mrz mars marzo"],
  [4, "apr april avr avril abr abril"],
  [5, "may mai mayo"],
  [6, "jun june juni juin junio"],
  [7, "jul july juli juil juillet julio"],
  [8, "aug august aout ago agosto"],
  [9, "sep sept september septembre septiembre set"],
  [10, "oct october okt oktober octobre octubre"],
  [11, "nov november novembre noviembre"],
  [12, "dec december dez dezember decembre dic diciembre"]
] as const) {
  for (const name of names.split(" ")) monthNames[name] = month;
}
const weekdayPrefix = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;

function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 2) return year < twoDigitYearPivot ? 2000 + year : 1900 + year;
  return year;
}

/** The day a date written in `format` names; undefined if it does not match or does not exist (02-30). */
export function parseDate(text: string, format: DateFormat = "YYYY-MM-DD"): Day | undefined {
  if (format === "YYYY-MM-DD" && text.length === 10) {
    const day = compactIsoDay(text);
    if (day !== undefined) return day;
  }
  const trimmed = text.trim();
  const layout = numericLayouts[format];
  if (layout) return parseNumericDate(trimmed, layout.order, layout.separator);
  if (format === "YYYYMMDD") {
    const match = compactDate.exec(trimmed);
    return match ? dayFromParts(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
  }
  if (format === "Excel serial") return parseSerialDate(trimmed);
  return parseMonthNameDate(trimmed);
}

function parseNumericDate(text: string, order: Order, separator: string): Day | undefined {
  const match = numericDate.exec(text);
  if (!match || match[2] !== separator) return undefined;
  const [, a, , b, c] = match;
  if (order === "ymd") return a.length === 4 && c.length <= 2 ? dayFromParts(Number(a), Number(b), Number(c)) : undefined;
  if (a.length > 2 || (c.length !== 2 && c.length !== 4)) return undefined;
  const year = fullYear(c);
  return order === "mdy" ? dayFromParts(year, Number(a), Number(b)) : dayFromParts(year, Number(b), Number(a));
}

function parseSerialDate(text: string): Day | undefined {
  if (!serialDate.test(text)) return undefined;
  const serial = Math.floor(Number(text));
  return serial >= serialRange[0] && serial <= serialRange[1] ? serial - excelEpoch : undefined;
}

/** "26-Apr-11", "26 Apr 2011", "Apr 26, 2011", "April 26 2011", "2011-Apr-26", "Tue, 26 Apr 2011 10:00". */
function parseMonthNameDate(text: string): Day | undefined {
  const withoutTime = text.replace(/[T ]\d{1,2}:\d{2}.*$/, "").replace(weekdayPrefix, "");
  const tokens = withoutTime.split(/[\s,./\-]+/).filter(Boolean);
  if (tokens.length !== 3) return undefined;
  const monthAt = tokens.findIndex((t) => /^\p{L}+$/u.test(t));
  if (monthAt < 0) return undefined;
  const month = monthNames[tokens[monthAt].normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()];
  if (month === undefined) return undefined;
  const numbers = tokens.filter((_, i) => i !== monthAt);
  if (!numbers.every((t) => /^\d{1,4}$/.test(t))) return undefined;
  // The year is the four-digit number, or else the last one ("26-Apr-11", "Apr 26, 11").
  const yearAt = numbers[0].length === 4 ? 0 : 1;
  const year = numbers[yearAt], day = numbers[1 - yearAt];
  if (day.length > 2 || (year.length !== 2 && year.length !== 4)) return undefined;
  return dayFromParts(fullYear(year), month, Number(day));
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
 * `parseDate` for one format, with a cache (a ledger repeats a few thousand distinct dates across a
 * million rows). A strict YYYY-MM-DD is read in any format: it cannot be mistaken for anything else,
 * and a workbook's typed date cells arrive in it.
 */
export function dateParser(format: DateFormat = "YYYY-MM-DD"): (text: string) => Day | undefined {
  const cache = new Map<string, Day | undefined>();
  return (text) => {
    if (text.length === 10) {
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

/** Formats that read `text`: a hint for an error message when a value fits no chosen format. */
export function dateFormatsMatching(text: string): DateFormat[] {
  return dateFormats.filter((format) => parseDate(text, format) !== undefined);
}

// ——— Amounts and numbers ———

/** The decimal separator of a column of numbers; the other marks (and spaces, apostrophes) group thousands. */
export type DecimalSeparator = "." | ",";
export const decimalSeparators: readonly DecimalSeparator[] = [".", ","];

export interface ParsedAmount {
  value: number;
  /**
   * Written with more than digits, a decimal separator, thousands groups and a leading minus: a
   * currency mark, parentheses, a trailing minus, a plus sign or stray spaces.
   */
  reformatted: boolean;
  /** Parentheses, a trailing minus, a plus sign or stray spaces (beyond a currency mark). */
  signMarks: boolean;
  /** ISO code named by the text ("1234.50 USD", "€12"), or null. */
  currency: string | null;
}

const currencyPrefix = /^([A-Za-z]{3}|[A-Z]{0,2}[$€£¥₹₩₽₺]|R\$|kr|Fr\.?)\s*/;
const currencySuffix = /\s*([A-Za-z]{3}|[$€£¥₹₩₽₺]|kr|zł|Kč|Ft|Fr\.?)$/;
const symbolCurrencies: Record<string, string> = {
  "$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "C$": "CAD", "A$": "AUD", "NZ$": "NZD", "R$": "BRL",
  "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY", "zł": "PLN", "Kč": "CZK", "Ft": "HUF", "Fr": "CHF", "Fr.": "CHF"
};
// Thousands groups: comma, dot, space, no-break and narrow no-break spaces, apostrophes (Swiss).
const groupedPoint = /^\d{1,3}([, '’\u00a0\u202f])\d{3}(?:\1\d{3})*(?:\.\d*)?$/;
const groupedComma = /^\d{1,3}([. '’\u00a0\u202f])\d{3}(?:\1\d{3})*(?:,\d*)?$/;
const ungroupedPoint = /^(?:\d+(?:\.\d*)?|\.\d+)$/;
const ungroupedComma = /^(?:\d+(?:,\d*)?|,\d+)$/;

/**
 * A money amount written the way spreadsheets and accounting systems write it, with `decimal` as the
 * decimal separator: "1234.50", "$1,234.50", "1234.50 USD", "USD 1,234.50", "1'234.50", "(1,234.50)",
 * "1,234.50-" and "-1,234.50" for negatives; with a decimal comma "1.234,56", "1 234,56", "1.234,56-",
 * "€ 55,94". Undefined for anything else ("N/A", "#VALUE!", "-", "1e3", "12..5").
 */
export function parseAmount(text: string, decimal: DecimalSeparator = "."): ParsedAmount | undefined {
  if (decimal === "." && isPlainDecimal(text)) return {value: normalizeZero(Number(text)), reformatted: false, signMarks: false, currency: null};
  let rest = text.trim();
  let signs = 0;
  let currency: string | null = null;
  if (rest.startsWith("(") && rest.endsWith(")")) (rest = rest.slice(1, -1).trim()), ++signs;
  if (rest.startsWith("-") || rest.startsWith("−")) (rest = rest.slice(1).trim()), ++signs;
  else if (rest.startsWith("+")) rest = rest.slice(1).trim();
  const prefix = currencyPrefix.exec(rest);
  if (prefix) (currency = currencyCode(prefix[1])), (rest = rest.slice(prefix[0].length));
  if (rest.startsWith("-") || rest.startsWith("−")) (rest = rest.slice(1).trim()), ++signs;
  if (rest.endsWith("-")) (rest = rest.slice(0, -1).trim()), ++signs;
  const suffix = prefix ? null : currencySuffix.exec(rest);
  if (suffix) (currency = currencyCode(suffix[1])), (rest = rest.slice(0, suffix.index));
  if (rest.endsWith("-")) (rest = rest.slice(0, -1).trim()), ++signs;
  if (signs > 1 || !rest) return undefined;
  const digits = plainDigits(rest, decimal);
  if (digits === undefined) return undefined;
  const value = normalizeZero((signs ? -1 : 1) * Number(digits));
  // Thousands groups in the column's own convention are part of its format; anything else around the
  // number is a mark the text needed beyond it.
  const signMarks = text.replace(prefix?.[0] ?? "", "").replace(suffix?.[0] ?? "", "") !== (signs ? "-" : "") + rest;
  return {value, reformatted: signMarks || currency !== null, signMarks, currency};
}

/** The number as JavaScript reads it ("1234.5"), or undefined when `text` is not grouped digits with `decimal`. */
function plainDigits(text: string, decimal: DecimalSeparator): string | undefined {
  if (decimal === ".") {
    if (ungroupedPoint.test(text)) return text;
    const grouped = groupedPoint.exec(text);
    return grouped ? text.replaceAll(grouped[1], "") : undefined;
  }
  if (ungroupedComma.test(text)) return text.replace(",", ".");
  const grouped = groupedComma.exec(text);
  return grouped ? text.replaceAll(grouped[1], "").replace(",", ".") : undefined;
}

/** "-1234.50", "7", ".5": the common case, checked by hand. */
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

/**
 * What one value says about its column's decimal separator: "." or "," when only that reading works,
 * "either" when both read it alike (1234, -5), "ambiguous" when both read it differently (1,234 or
 * 1.234: a thousands group or three decimals), "none" when neither reads it.
 */
export type DecimalEvidence = DecimalSeparator | "either" | "ambiguous" | "none";

export function decimalEvidence(text: string): DecimalEvidence {
  return evidenceKinds[decimalEvidenceCode(text)];
}

/** `decimalEvidence` as an index into `evidenceKinds`, for counting a million values without string keys. */
export const evidenceKinds: readonly DecimalEvidence[] = ["none", ".", ",", "either", "ambiguous"];

export function decimalEvidenceCode(text: string): number {
  // One pass over the characters, run on every value of every number column: which separators occur,
  // how often, and how many digits stand before the first and after the last. Currency marks, signs,
  // spaces and apostrophes do not matter here; a value no layout reads fails later, when it is parsed.
  let digits = 0, dots = 0, commas = 0, last = 0, after = 0, before = 0;
  for (let i = 0; i < text.length; ++i) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      ++digits, ++after;
      if (!dots && !commas) ++before;
    } else if (c === 46 || c === 44) {
      if (c === 46) ++dots;
      else ++commas;
      last = c, (after = 0);
    }
  }
  if (!digits) return 0;
  if (!dots && !commas) return 3;
  const lastIs = last === 46 ? 1 : 2;
  const other = last === 46 ? 2 : 1;
  // Both marks: the last one is the decimal separator ("1,234.56", "1.234,56").
  if (dots && commas) return lastIs;
  // One mark, repeated: it groups thousands ("1,234,567"), so the decimal separator is the other.
  if (dots + commas > 1) return other;
  // One mark once: a decimal unless it could be a thousands group (three digits after, one to three before).
  return after === 3 && before >= 1 && before <= 3 ? 4 : lastIs;
}

// ISO 4217 codes as the runtime's ICU knows them (Node and Chromium alike), for reading a header.
const isoCurrencies = new Set(Intl.supportedValuesOf("currency"));

/**
 * The currency an amount column's header names, as exports write it: "Betrag EUR", "Amount (USD)",
 * "Open Amount [GBP]", "Betrag in €". A code counts only in capitals and as a word of its own, so "Due"
 * or "all" never do, and only when ISO 4217 has it, so Business Central's "Amount (LCY)" (local
 * currency, whatever it is) does not.
 */
export function headerCurrency(header: string): string | null {
  for (const word of header.split(/[^A-Za-z$€£¥₹₩₽₺]+/)) {
    if (/^[A-Z]{3}$/.test(word) && isoCurrencies.has(word)) return word;
    if (word in symbolCurrencies) return symbolCurrencies[word];
  }
  return null;
}

function currencyCode(marker: string): string | null {
  if (/^[A-Za-z]{3}$/.test(marker)) return marker.toUpperCase();
  return symbolCurrencies[marker] ?? null;
}

function normalizeZero(value: number): number {
  return value === 0 ? 0 : value;
}

/** A plain number ("712", "712.0", "-3.5", or "712,5" with a decimal comma); undefined otherwise. */
export function parseNumber(text: string, decimal: DecimalSeparator = "."): number | undefined {
  const trimmed = text.trim();
  const body = trimmed.startsWith("-") ? trimmed.slice(1) : trimmed;
  const digits = body ? plainDigits(body, decimal) : undefined;
  if (digits === undefined) return undefined;
  return normalizeZero((trimmed === body ? 1 : -1) * Number(digits));
}

/** A whole count ≥ 0 ("3", or "3.0" / "3,0" as spreadsheets write it); undefined otherwise. */
export function parseCount(text: string): number | undefined {
  if (text.length === 1) {
    const digit = text.charCodeAt(0) - 48;
    if (digit >= 0 && digit <= 9) return digit;
  }
  const match = /^(\d+)(?:[.,]0*)?$/.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}

const immediateTerms = new Set(["cod", "cia", "cashondelivery", "dueonreceipt", "uponreceipt", "onreceipt", "immediate", "immediately", "due", "sofort", "sofortzahlung"]);

/**
 * Payment terms in days: "30", "30.0", "Net 30", "NET30", "N30", "30 days", "30D", "30 Tage", "2/10 Net
 * 30" (the discount is ignored), "Net 30 EOM" (read as 30), and 0 for "Due on receipt", "COD" and
 * "Immediate". Undefined otherwise.
 */
export function parsePaymentTerms(text: string): number | undefined {
  const lower = text.trim().toLowerCase();
  const simple = /^(?:net\s*|n\s*)?(\d{1,3})(?:[.,]0*)?(?:\s*(?:days?|d|tage))?(?:\s*eom)?$/.exec(lower);
  if (simple) return Number(simple[1]);
  const discounted = /(?:^|[\s/,])net\s*(\d{1,3})(?:\s*days?)?(?:\s*eom)?$/.exec(lower);
  if (discounted) return Number(discounted[1]);
  if (immediateTerms.has(lower.replace(/[^a-z]/g, ""))) return 0;
  return undefined;
}

const trueFlags = new Set(["1", "true", "t", "yes", "y", "x", "ja", "j", "oui", "si", "sí", "wahr"]);
const falseFlags = new Set(["0", "false", "f", "no", "n", "nein", "non", "falsch"]);

/** A yes/no flag: "1"/"0", true/false, yes/no, y/n, ja/nein (any case); undefined otherwise. */
export function parseFlag(text: string): boolean | undefined {
  const lower = text.trim().toLowerCase();
  if (trueFlags.has(lower)) return true;
  if (falseFlags.has(lower)) return false;
  return undefined;
}

/**
 * Text a system writes where a value is missing: read as blank, not as an unreadable value. Only in
 * optional columns; in a required one it still sets the row aside as missing.
 */
export function isPlaceholder(text: string): boolean {
  const t = text.trim();
  // Most values are longer than any placeholder and skip the pattern: cleaning asks this of every
  // optional value of every row.
  if (t.length > maxPlaceholderLength) return false;
  if (t === "") return true;
  // Every other placeholder starts with n, # or a dash: short numbers and flags ("0", "712", "Yes") stop here.
  const first = t.charCodeAt(0);
  if (first < 128 && (first | 32) !== 110 && first !== 35 && first !== 45) return false;
  return t === "-" || t === "–" || t === "—" || placeholderWords.test(t);
}

/** The longest placeholder ("null", "none", "#n/a"). */
export const maxPlaceholderLength = 4;

const placeholderWords = /^(?:n\/?a|null|none|nil|#n\/a)$/i;
