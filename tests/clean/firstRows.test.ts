import {describe, expect, it} from "vitest";
import {createFirstRows} from "../../lib/clean/firstRows.js";
import {createRandom} from "../../lib/core/random.js";

describe("createFirstRows", () => {
  it("finds the first row of every repeated id, as a Map would, across many rehashes", () => {
    const random = createRandom(7);
    const rows = createFirstRows({initialSlots: 4});
    const oracle = new Map<string, {line: number; fingerprint: number}>();
    for (let line = 2; line < 20_000; ++line) {
      // Ids drawn from 8,000 so that most repeat; blanks-in-text and unicode ids among them.
      const n = Math.floor(random.next() * 8000);
      const id = n % 97 === 0 ? `Rechnung ${n} ü` : `INV-${n}`;
      const fingerprint = Math.floor(random.next() * 2 ** 32);
      const expected = oracle.get(id);
      expect(rows.firstOf(id, line, fingerprint)).toEqual(expected);
      if (!expected) oracle.set(id, {line, fingerprint});
    }
    expect(oracle.size).toBeGreaterThan(7000);
  });

  it("tells apart two ids whose hashes collide", () => {
    // "INV-781966" and "INV-1915180" have the same 32-bit FNV-1a hash (4,011,679,082): found by search.
    const rows = createFirstRows({initialSlots: 4});
    expect(rows.firstOf("INV-781966", 2, 11)).toBeUndefined();
    expect(rows.firstOf("INV-1915180", 3, 12)).toBeUndefined();
    expect(rows.firstOf("INV-1915180", 4, 13)).toEqual({line: 3, fingerprint: 12});
    expect(rows.firstOf("INV-781966", 5, 14)).toEqual({line: 2, fingerprint: 11});
  });
});
