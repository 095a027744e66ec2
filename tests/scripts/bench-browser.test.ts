import {describe, expect, test} from "vitest";
import {medianVisit} from "../../scripts/bench/browser.js";
import type {PageMeasure} from "../../scripts/bench/browser.js";

function visit(chartsRenderedMs: number | null, extra: Partial<PageMeasure> = {}): PageMeasure {
  return {
    path: "/model", name: "Model", helperBytes: 1, wireBytes: 100, wireByKind: {html: 1, js: 90, css: 9, data: 0, font: 0, other: 0}, bodyBytes: 300, requests: 10,
    domContentLoadedMs: chartsRenderedMs === null ? null : chartsRenderedMs / 2, loadMs: null, chartsRenderedMs, chartsRenderedRunsMs: [chartsRenderedMs],
    chartCards: 2, emptyCharts: [], problems: [], sliders: [], ...extra
  };
}

describe("a page's first visits, summed up", () => {
  test("timings are medians, bytes and sliders the first visit's", () => {
    const slider = {label: "Threshold", min: 0, max: 1, moves: [30], medianMs: 30, mutations: 4};
    const page = medianVisit([visit(900, {sliders: [slider]}), visit(1500, {wireBytes: 999}), visit(1000)]);
    expect(page.chartsRenderedMs).toBe(1000);
    expect(page.chartsRenderedRunsMs).toEqual([900, 1500, 1000]);
    expect(page.domContentLoadedMs).toBe(500);
    expect(page.wireBytes).toBe(100);
    expect(page.sliders).toEqual([slider]);
  });

  test("one visit whose charts never drew makes the page never, and every visit's problems count", () => {
    const page = medianVisit([visit(900), visit(null, {problems: ["error cell: x"]}), visit(1000, {problems: ["error cell: x"]})]);
    expect(page.chartsRenderedMs).toBeNull();
    expect(page.problems).toEqual(["error cell: x"]);
  });
});
