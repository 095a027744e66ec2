// The `strategy` file: the default strategy assignment's matrix, table and themes, the rules and their
// parameters, proposals per segment, and the open invoices in the compact form the page re-runs
// assignStrategies / strategyMatrix / strategyTable on when the reader moves a cut-off.
import type {OpenInvoice} from "../openInvoices.js";
import {segmentLetter} from "../../segments/letters.js";
import {defaultRiskCutoffs, riskBandLabels, riskBands} from "../riskBands.js";
import {customerRisks} from "../riskOutlook.js";
import {segmentQuadrants} from "../../segments/naming.js";
import {roundToSignificant, strategyDefinitions, strategyKeys, strategyMatrix, strategyTable, strategyThemes, valueBands} from "../strategy.js";
import type {StrategyAssignment, StrategyKey} from "../strategy.js";
import {round, roundFinite} from "../../core/json.js";
import type {SegmentStrategyRow, StrategyFile} from "../../pipeline/contract.js";
import {openInvoiceTable} from "../openInvoiceTable.js";
import type {SampleInfo} from "../sample.js";
import {segmentProposals} from "./segments.js";
import {greatest, quantile} from "d3";

export interface StrategyInputs {
  /** Every open invoice, as rebuilt from the compact table. */
  open: readonly OpenInvoice[];
  assignment: StrategyAssignment;
  /** The open invoices the page gets (all of them unless capped), and what the cap kept. */
  shipped: readonly OpenInvoice[];
  sample: SampleInfo;
  asOf: number;
  currency: string;
}

const valueQuantiles = [0.5, 0.75, 0.9, 0.95] as const;

export function strategyFile({open, assignment, shipped, sample, asOf, currency}: StrategyInputs): StrategyFile {
  const {cells, grid} = strategyMatrix(open, assignment);
  const table = strategyTable(open, assignment);
  const themes = strategyThemes(open, assignment);
  const options = assignment.options;
  const customerTotals = customerRisks(open).map((c) => c.openAmount);
  const money = (v: number) => roundFinite(v, 2);
  return {
    asOf,
    currency,
    cutoffs: {
      risk: {...options.cutoffs},
      defaultRisk: {...defaultRiskCutoffs},
      invoiceValue: money(options.invoiceValueCutoff),
      customerValue: money(options.customerValueCutoff),
      // Candidate values for the value sliders, from the open book (rounded like the default).
      suggestedInvoiceValues: valueQuantiles.map((p) => ({quantile: p, value: roundToSignificant(quantile(open, p, (i) => i.amount) ?? 0)})),
      suggestedCustomerValues: valueQuantiles.map((p) => ({quantile: p, value: roundToSignificant(quantile(customerTotals, p) ?? 0)})),
      loyaltySegments: [...options.loyaltySegments]
    },
    rules: options.rules.map((rule, index) => ({index, ...rule})),
    definitions: strategyKeys.map((key) => {
      const d = strategyDefinitions[key];
      return {key, label: d.label, actions: d.actions.map((a) => ({...a}))};
    }),
    riskBands: riskBands.map((band) => ({band, label: riskBandLabels[band]})),
    valueBands: [...valueBands],
    matrix: {
      cells: cells.map((c) => ({...c, amount: money(c.amount)})),
      grid: grid.map((g) => ({...g, amount: money(g.amount), strategies: g.strategies.map((s) => ({...s, amount: money(s.amount)}))}))
    },
    table: table.map((r) => ({
      strategy: r.strategy,
      label: r.label,
      invoices: r.invoices,
      invoiceShare: roundFinite(r.invoiceShare, 4),
      amount: money(r.amount),
      amountShare: roundFinite(r.amountShare, 4),
      meanPLate: round(r.meanPLate, 4),
      customers: r.customers,
      actions: r.actions.map((a) => ({...a}))
    })),
    themes: themes.map((t) => ({...t, share: roundFinite(t.share, 4), amount: money(t.amount), strategies: [...t.strategies]})),
    segmentProposals: segmentProposalRows(open, assignment),
    sample,
    openInvoices: openInvoiceTable(shipped, asOf)
  };
}


/** Per segment (chosen k): its quadrant's proposal and how its open invoices and customers are treated. */
function segmentProposalRows(open: readonly OpenInvoice[], assignment: StrategyAssignment): SegmentStrategyRow[] {
  const names = [...new Set(open.map((i) => i.segment))].sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0));
  return names.map((segment) => {
    const mix = Object.fromEntries(strategyKeys.map((k) => [k, {invoices: 0, amount: 0, customers: 0}])) as Record<StrategyKey, {invoices: number; amount: number; customers: number}>;
    let invoices = 0, amount = 0;
    open.forEach((invoice, i) => {
      if (invoice.segment !== segment) return;
      const s = mix[assignment.invoices[i].strategy];
      s.invoices += 1;
      s.amount += invoice.amount;
      invoices += 1;
      amount += invoice.amount;
    });
    let customers = 0;
    for (const c of assignment.customers) {
      if (c.segment !== segment) continue;
      mix[c.strategy].customers += 1;
      customers += 1;
    }
    const letter = segmentLetter(segment);
    const dominant = greatest(strategyKeys, (k) => mix[k].amount)!;
    return {
      segment,
      letter,
      label: letter ? segmentQuadrants[letter].label : "Too little history to segment",
      proposal: letter ? segmentProposals[letter].proposal : "Monitor",
      customers,
      invoices,
      amount: roundFinite(amount, 2),
      dominantStrategy: invoices ? dominant : null,
      strategies: strategyKeys.map((k) => ({
        strategy: k,
        invoices: mix[k].invoices,
        amount: roundFinite(mix[k].amount, 2),
        amountShare: roundFinite(amount > 0 ? mix[k].amount / amount : 0, 4),
        customers: mix[k].customers
      }))
    };
  });
}
