import {describe, expect, test} from "vitest";
import {syntheticLedger} from "../../lib/pipeline/source.js";
import {dataStage} from "../../lib/pipeline/data.js";
import {generatorNotes} from "../../lib/views/data.js";

describe("the generator's description states measured figures, not asserted ones", () => {
  // A small ledger, dirtied and cleaned as the build does it.
  const sourced = syntheticLedger({invoices: 6000, customers: 200, seed: 3});
  const meta = dataStage(sourced).files.meta as Parameters<typeof generatorNotes>[0];
  const writtenOff = sourced.ledger.invoices.filter((invoice) => invoice.status === "written_off").length;

  test("meta.json counts the written-off invoices of the cleaned ledger", () => {
    expect(writtenOff).toBeGreaterThan(0);
    expect(meta.writtenOff).toEqual({invoices: writtenOff, share: expect.closeTo(writtenOff / sourced.ledger.invoices.length, 6)});
  });

  test("the write-off line carries the ledger's own share, whatever it is", () => {
    const line = (m: typeof meta) => new Map(generatorNotes(m)).get("writeOffs")!;
    expect(line(meta)).toMatch(new RegExp(`In this ledger [\\d.]+% of invoices \\(${writtenOff} of 5,\\d{3}\\) were written off by the as-of date\\.$`));
    expect(line(meta)).not.toMatch(/Under 1 %/);
    // Contrary data: a ledger where 3% were written off says 3%, and one with none says none.
    expect(line({...meta, invoices: 1000, writtenOff: {invoices: 30, share: 0.03}})).toMatch(/In this ledger 3\.0% of invoices \(30 of 1,000\) were written off/);
    expect(line({...meta, writtenOff: {invoices: 0, share: 0}})).toMatch(/In this ledger none was written off by the as-of date\.$/);
  });

  test("a CSV ledger has no generator to describe", () => {
    expect(generatorNotes({invoices: 10, generatorDescription: null})).toEqual([]);
  });
});
