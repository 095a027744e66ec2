const currencyFormatters = /* @__PURE__ */ new Map();
function currencyFormatter(currency, digits, compact) {
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
export function formatMoney(value, { currency = "USD", compact = true, digits = 0 } = {}) {
  if (value == null || !Number.isFinite(value)) return "\u2013";
  return currencyFormatter(currency, digits, compact && Math.abs(value) >= 1e4).format(value);
}
export function formatPercent(value, digits = 1) {
  if (value == null || !Number.isFinite(value)) return "\u2013";
  return `${(value * 100).toFixed(digits)}%`;
}
export function formatPointsChange(delta, digits = 1) {
  if (delta == null || !Number.isFinite(delta)) return "\u2013";
  return `${delta > 0 ? "+" : delta < 0 ? "\u2212" : "\xB1"}${Math.abs(delta * 100).toFixed(digits)} pp`;
}
const countFormatter = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
export function formatCount(value) {
  if (value == null || !Number.isFinite(value)) return "\u2013";
  return countFormatter.format(Math.round(value));
}
export function formatDays(value, digits = 1) {
  if (value == null || !Number.isFinite(value)) return "\u2013";
  return `${value.toFixed(digits)} days`;
}
export function formatSigned(value, format) {
  if (value == null || !Number.isFinite(value)) return "\u2013";
  if (value === 0) return `\xB1${format(0)}`;
  return `${value > 0 ? "+" : "\u2212"}${format(Math.abs(value))}`;
}
export function formatDecimal(value, digits = 3) {
  if (value == null || !Number.isFinite(value)) return "\u2013";
  return value.toFixed(digits);
}
