import {describe, expect, test} from "vitest";
import {segmentLetter} from "../../lib/segments/letters.js";

describe("segment letters", () => {
  test("from labels", () => {
    expect(segmentLetter("A")).toBe("A");
    expect(segmentLetter("D3")).toBe("D");
    expect(segmentLetter("E")).toBe(null);
    expect(segmentLetter(null)).toBe(null);
    expect(segmentLetter("")).toBe(null);
  });
});
