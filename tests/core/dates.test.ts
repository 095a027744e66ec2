import {describe, expect, test} from "vitest";
import {addMonths, calendarParts, dayFromParts, daysInMonth, daysToMonthEnd, endOfMonth, formatIsoDay, formatMonthIndex, monthIndex, parseIsoDay, startOfMonth} from "../../lib/core/dates.js";

describe("dates", () => {
  test("ISO days round-trip and count from 1970-01-01", () => {
    expect(parseIsoDay("1970-01-01")).toBe(0);
    expect(parseIsoDay("2024-03-01")! - parseIsoDay("2024-02-28")!).toBe(2);
    expect(formatIsoDay(parseIsoDay("2025-12-31")!)).toBe("2025-12-31");
  });

  test("impossible and malformed dates are rejected", () => {
    expect(parseIsoDay("2024-02-30")).toBeUndefined();
    expect(parseIsoDay("2023-02-29")).toBeUndefined();
    expect(parseIsoDay("2024-13-01")).toBeUndefined();
    expect(parseIsoDay("24-01-01")).toBeUndefined();
    expect(parseIsoDay("2024-1-1")).toBeUndefined();
    expect(dayFromParts(2024, 2, 29)).toBe(parseIsoDay("2024-02-29"));
  });

  test("months", () => {
    const day = parseIsoDay("2024-01-31")!;
    expect(formatIsoDay(addMonths(day, 1))).toBe("2024-02-29");
    expect(formatIsoDay(addMonths(day, -2))).toBe("2023-11-30");
    expect(formatIsoDay(startOfMonth(day))).toBe("2024-01-01");
    expect(formatIsoDay(endOfMonth(parseIsoDay("2023-02-10")!))).toBe("2023-02-28");
    expect(daysToMonthEnd(parseIsoDay("2024-04-27")!)).toBe(3);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(formatMonthIndex(monthIndex(day))).toBe("2024-01");
    expect(calendarParts(parseIsoDay("2024-06-15")!)).toEqual({year: 2024, month: 6, day: 15, weekday: 6});
  });
});
