const MS_PER_DAY = 864e5;
const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
export function dayFromParts(year, month, day) {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return void 0;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return void 0;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}
export function parseIsoDay(text) {
  const match = isoPattern.exec(text);
  if (!match) return void 0;
  return dayFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
}
export function formatIsoDay(day) {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
export function dayToDate(day) {
  return new Date(day * MS_PER_DAY);
}
export function dateToDay(date) {
  return Math.floor(date.getTime() / MS_PER_DAY);
}
export function isLeapYear(year) {
  return year % 4 === 0 && year % 100 !== 0 || year % 400 === 0;
}
export function daysInMonth(year, month) {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}
export function calendarParts(day) {
  const date = dayToDate(day);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay() };
}
export function monthIndex(day) {
  const { year, month } = calendarParts(day);
  return (year - 1970) * 12 + (month - 1);
}
export function formatMonthIndex(index) {
  const year = 1970 + Math.floor(index / 12);
  const month = index % 12 + 1;
  return `${year}-${String(month).padStart(2, "0")}`;
}
export function startOfMonth(day) {
  const { year, month } = calendarParts(day);
  return dayFromParts(year, month, 1);
}
export function endOfMonth(day) {
  const { year, month } = calendarParts(day);
  return dayFromParts(year, month, daysInMonth(year, month));
}
export function addMonths(day, months) {
  const { year, month, day: dom } = calendarParts(day);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = total % 12 + 1;
  return dayFromParts(y, m, Math.min(dom, daysInMonth(y, m)));
}
export function daysToMonthEnd(day) {
  return endOfMonth(day) - day;
}
