// Caps on what the report ships per customer and per open invoice, so that a file's size does not grow
// with the ledger. Samples keep whole customers (a customer's invoices are judged and shocked together)
// and are chosen by a seeded hash of the id: deterministic, independent of file order, and nested (the
// customers kept under a smaller cap are kept under any larger one).
import {expectedLateAmount} from "./openInvoices.js";
import type {OpenInvoice} from "./openInvoices.js";
import {unitHash} from "./scenario.js";
import {ascending, rollup, sum} from "d3";
import {round} from "../core/json.js";
import type {CoverageFigures, SampleInfo} from "../pipeline/contract.js";

export type {CoverageFigures, SampleInfo} from "../pipeline/contract.js";

export interface OpenInvoiceSampleOptions {
  /** Most open invoices kept (default 4,000). */
  cap?: number;
  /** The customers with the highest expected late amount kept first (default 0). */
  keepRiskiest?: number;
  seed: number;
}

/** Open invoices of a deterministic sample of whole customers, in input order. */
export function sampleOpenInvoices(invoices: readonly OpenInvoice[], options: OpenInvoiceSampleOptions): {invoices: OpenInvoice[]; sample: SampleInfo} {
  const {cap = 4_000, keepRiskiest = 0, seed} = options;
  const byCustomer = rollup(invoices, (own) => ({count: own.length, lateAmount: sum(own, expectedLateAmount)}), (invoice) => invoice.customerId);
  const total = coverage(invoices);
  if (invoices.length <= cap) return {invoices: [...invoices], sample: {capped: false, cap, riskiest: keepRiskiest, total, kept: total, scale: {invoices: 1, amount: 1}}};

  const ids = [...byCustomer.keys()];
  const byRisk = [...ids].sort((a, b) => byCustomer.get(b)!.lateAmount - byCustomer.get(a)!.lateAmount || ascending(a, b));
  const first = byRisk.slice(0, keepRiskiest);
  const firstSet = new Set(first);
  const hash = new Map(ids.map((id) => [id, unitHash(`${seed}:${id}`)]));
  const rest = ids.filter((id) => !firstSet.has(id)).sort((a, b) => hash.get(a)! - hash.get(b)! || ascending(a, b));
  const keep = new Set<string>();
  let count = 0;
  for (const id of [...first, ...rest]) {
    const size = byCustomer.get(id)!.count;
    if (count + size > cap) break;
    keep.add(id);
    count += size;
  }
  const kept = invoices.filter((invoice) => keep.has(invoice.customerId));
  const keptCoverage = coverage(kept);
  return {
    invoices: kept,
    sample: {
      capped: true,
      cap,
      riskiest: keepRiskiest,
      total,
      kept: keptCoverage,
      scale: {invoices: ratio(total.invoices, keptCoverage.invoices), amount: ratio(total.amount, keptCoverage.amount)}
    }
  };
}

/** At most `cap` of `ids`, by a seeded hash of the id, in input order; all of them when there are fewer. */
export function sampleIds(ids: readonly string[], cap: number, seed: number): {keep: Set<string>; capped: boolean} {
  if (ids.length <= cap) return {keep: new Set(ids), capped: false};
  const hash = new Map(ids.map((id) => [id, unitHash(`${seed}:${id}`)]));
  const ranked = [...ids].sort((a, b) => hash.get(a)! - hash.get(b)! || ascending(a, b));
  return {keep: new Set(ranked.slice(0, cap)), capped: true};
}

function coverage(invoices: readonly OpenInvoice[]): CoverageFigures {
  let amount = 0, late = 0;
  const customers = new Set<string>();
  for (const invoice of invoices) {
    amount += invoice.amount;
    late += expectedLateAmount(invoice);
    customers.add(invoice.customerId);
  }
  return {invoices: invoices.length, customers: customers.size, amount: round(amount, 2) ?? 0, expectedLateAmount: round(late, 2) ?? 0};
}

function ratio(a: number, b: number): number {
  return b > 0 ? (round(a / b, 4) ?? 1) : 1;
}
