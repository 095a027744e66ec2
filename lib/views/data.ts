// The Data page's words that depend on the ledger. The generator's description says what it models;
// how often it happened in this ledger is measured on the ledger and added here, so the prose asserts
// no figure of its own.
import {formatCount, formatPercent} from "../core/format.js";
import type {MetaFile} from "../pipeline/contract.js";

/** The fields of meta.json read here. */
export type GeneratorMeta = Pick<MetaFile, "invoices" | "generatorDescription"> & Partial<Pick<MetaFile, "writtenOff">>;

/** The generator's description, topic by topic, with the measured share of written-off invoices. */
export function generatorNotes(meta: GeneratorMeta): [topic: string, text: string][] {
  return Object.entries(meta.generatorDescription ?? {}).map(([topic, text]) => {
    if (topic !== "writeOffs" || !meta.writtenOff || meta.writtenOff.share === null) return [topic, text];
    const {invoices, share} = meta.writtenOff;
    const measured = invoices
      ? `In this ledger ${formatPercent(share, share < 0.01 ? 2 : 1)} of invoices (${formatCount(invoices)} of ${formatCount(meta.invoices)}) were written off by the as-of date.`
      : "In this ledger none was written off by the as-of date.";
    return [topic, `${text} ${measured}`];
  });
}
