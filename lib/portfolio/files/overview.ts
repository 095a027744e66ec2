// The `overview-facts` file: the handful of numbers the home page quotes.
import {formatIsoDay} from "../../core/dates.js";
import type {KpiSnapshot} from "../kpi.js";
import {expectedLateAmount} from "../openInvoices.js";
import type {OpenInvoice} from "../openInvoices.js";
import {segmentQuadrants} from "../../segments/naming.js";
import {segmentLetter} from "../../segments/letters.js";
import type {StrategyRow, StrategyTheme} from "../strategy.js";
import {round, roundFinite} from "../../core/json.js";
import type {OverviewFactsFile} from "../../pipeline/contract.js";

export interface OverviewInputs {
  asOf: number;
  currency: string;
  modelName: string;
  kpis: KpiSnapshot;
  open: readonly OpenInvoice[];
  strategyTable: readonly StrategyRow[];
  themes: readonly StrategyTheme[];
  /** Segments at the chosen k, and how many customers were clustered. */
  chosenK: number | null;
}

export function overviewFacts({asOf, currency, modelName, kpis, open, strategyTable, themes, chosenK}: OverviewInputs): OverviewFactsFile {
  let amount = 0, late = 0, pSum = 0;
  const bySegment = new Map<string | null, {amount: number; late: number; invoices: number; customers: Set<string>}>();
  for (const invoice of open) {
    amount += invoice.amount;
    late += expectedLateAmount(invoice);
    pSum += invoice.pLate;
    let s = bySegment.get(invoice.segment);
    if (!s) bySegment.set(invoice.segment, (s = {amount: 0, late: 0, invoices: 0, customers: new Set()}));
    s.amount += invoice.amount;
    s.late += expectedLateAmount(invoice);
    s.invoices += 1;
    s.customers.add(invoice.customerId);
  }
  let top: [string, {amount: number; late: number; invoices: number; customers: Set<string>}] | undefined;
  for (const [segment, s] of bySegment) {
    if (segment === null) continue;
    if (!top || s.amount > top[1].amount || (s.amount === top[1].amount && segment < top[0])) top = [segment, s];
  }
  const theme = (key: StrategyTheme["key"]) => themes.find((t) => t.key === key);
  const receivables = kpis.receivables;
  const topLetter = top ? segmentLetter(top[0]) : null;
  return {
    asOf,
    asOfIso: formatIsoDay(asOf),
    currency,
    modelName,
    openAr: roundFinite(receivables.total, 2),
    openInvoices: open.length,
    openCustomers: new Set(open.map((i) => i.customerId)).size,
    overdueShare: roundFinite(receivables.total > 0 ? receivables.pastDue / receivables.total : 0, 4),
    atRiskRate: roundFinite(kpis.atRiskRate, 4),
    dso: round(kpis.dso, 2),
    bestPossibleDso: round(kpis.bestPossibleDso, 2),
    averageDaysDelinquent: round(kpis.averageDaysDelinquent, 2),
    predictedLateRate: {
      invoices: round(open.length ? pSum / open.length : NaN, 4),
      amountWeighted: round(amount > 0 ? late / amount : NaN, 4)
    },
    cashAtRisk: roundFinite(late, 2),
    strategyMix: strategyTable.map((r) => ({strategy: r.strategy, label: r.label, invoices: r.invoices, invoiceShare: roundFinite(r.invoiceShare, 4), amountShare: roundFinite(r.amountShare, 4)})),
    routineShare: roundFinite(theme("routine")?.share ?? 0, 4),
    focusShare: roundFinite(theme("focused")?.share ?? 0, 4),
    segmentsK: chosenK,
    topSegment: top
      ? {
          segment: top[0],
          label: topLetter ? segmentQuadrants[topLetter].label : null,
          openAmount: roundFinite(top[1].amount, 2),
          openShare: roundFinite(amount > 0 ? top[1].amount / amount : 0, 4),
          expectedLateAmount: roundFinite(top[1].late, 2),
          customers: top[1].customers.size,
          invoices: top[1].invoices
        }
      : null
  };
}

