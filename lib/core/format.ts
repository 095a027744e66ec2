// Display formats shared by every page, so that a number reads the same wherever it appears. Pages and
// lib/views/ format (all the report's sentences are written there, from the numbers in the data files);
// the stages do not, with one exception: the model's per-invoice factors in plain words
// (lib/model/factors.ts), which the worklist CSV download carries as well as the page.

const currencyFormatters = new Map<string, Intl.NumberFormat>();

function currencyFormatter(currency: string, digits: number, compact: boolean): Intl.NumberFormat {
  const key = `${currency}|${digits}|${compact}`;
  let format = currencyFormatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat("en-US", {
      style: "currency",
      currency,
      notation: compact ? "compact" : "standard",
      minimumFractionDigits: compact ? 0 : digits,
      maximumFractionDigits: compact ? 1 : digits
    });
    currencyFormatters.set(key, format);
  }
  return format;
}

export interface MoneyOptions {
  /** ISO currency code; default USD. */
  currency?: string;
  /** Abbreviate large amounts ($1.2M); default true. */
  compact?: boolean;
  /** Fraction digits when not compact; default 0. */
  digits?: number;
}

/** $1.2M, $840K, $950 (compact) or $1,234,567 — the site's one money format. */
export function formatMoney(value: number | null | undefined, {currency = "USD", compact = true, digits = 0}: MoneyOptions = {}): string {
  if (value == null || !Number.isFinite(value)) return "–";
  return currencyFormatter(currency, digits, compact && Math.abs(value) >= 10_000).format(value);
}

/** 21.3 % from 0.213; `digits` fraction digits (default 1). */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value == null || !Number.isFinite(value)) return "–";
  return `${(value * 100).toFixed(digits)}%`;
}

/** Percentage points with a sign: +2.1 pp. */
export function formatPointsChange(delta: number | null | undefined, digits = 1): string {
  if (delta == null || !Number.isFinite(delta)) return "–";
  return `${delta > 0 ? "+" : delta < 0 ? "−" : "±"}${Math.abs(delta * 100).toFixed(digits)} pp`;
}

// toLocaleString builds a formatter per call, which shows up when a page re-renders thousands of cells.
const countFormatter = new Intl.NumberFormat("en-US", {maximumFractionDigits: 0});

/** 1,234 */
export function formatCount(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return "–";
  return countFormatter.format(Math.round(value));
}

/** 12.4 days */
export function formatDays(value: number | null | undefined, digits = 1): string {
  if (value == null || !Number.isFinite(value)) return "–";
  return `${value.toFixed(digits)} days`;
}

/** A signed change: +3.2 days, −$1.1M. */
export function formatSigned(value: number | null | undefined, format: (v: number) => string): string {
  if (value == null || !Number.isFinite(value)) return "–";
  if (value === 0) return `±${format(0)}`;
  return `${value > 0 ? "+" : "−"}${format(Math.abs(value))}`;
}

/** A number with a fixed number of decimals, for model metrics (0.843). */
export function formatDecimal(value: number | null | undefined, digits = 3): string {
  if (value == null || !Number.isFinite(value)) return "–";
  return value.toFixed(digits);
}
