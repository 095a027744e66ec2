import {describe, expect, it} from "vitest";
import {columnar, rowsOf} from "../../lib/core/json.js";

describe("rowsOf", () => {
  it("turns columnar's table back into the rows it was made from", () => {
    const rows = [
      {id: "A", amount: 10, segment: null as string | null},
      {id: "B", amount: 2.5, segment: "S1"}
    ];
    const table = columnar(rows, {id: (r) => r.id, amount: (r) => r.amount, segment: (r) => r.segment});
    expect(rowsOf(table)).toEqual(rows);
  });

  it("reads as many rows as the table's length says, none for an empty table", () => {
    expect(rowsOf({length: 0, id: [] as string[]})).toEqual([]);
    expect(rowsOf({length: 1, id: ["x"], n: [3]})).toEqual([{id: "x", n: 3}]);
  });
});
