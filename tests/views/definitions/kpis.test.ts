import {describe, expect, test} from "vitest";
import {cardOrder} from "../../../lib/portfolio/files/kpis.js";
import {kpiFormulas} from "../../../lib/views/definitions/kpis.js";

describe("every name a data file ships has its words", () => {
  test("each KPI card", () => {
    for (const key of cardOrder) expect(kpiFormulas[key].length, key).toBeGreaterThan(20);
  });
});
