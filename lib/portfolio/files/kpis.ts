// The `kpis` file: KPI cards as of the report date against the previous month, a 24-month trend, aging,
// KPIs per segment, the riskiest customers, the risk-score distribution and the expected aging shift.
import {formatIsoDay, formatMonthIndex, monthIndex} from "../../core/dates.js";
import {compareKpis, kpiDefinitions, kpiSeries, segmentKpis} from "../kpi.js";
import type {KpiDefinition, KpiSnapshot, ReceivablesHistory} from "../kpi.js";
import type {Ledger} from "../../input/ledger.js";
import type {OpenInvoice} from "../openInvoices.js";
import type {CompiledTiming} from "../paymentTiming.js";
import {defaultRiskCutoffs, riskBandLabels} from "../riskBands.js";
import {agingShift, customerRisks, riskDistribution, topRiskyCustomers} from "../riskOutlook.js";
import {round, roundFinite} from "../../core/json.js";
import type {CardFormat, CardKey, KpisFile} from "../../pipeline/contract.js";

export type {CardFormat, CardKey} from "../../pipeline/contract.js";

const cardFormats: Record<CardKey, CardFormat> = {
  dso: "days",
  bestPossibleDso: "days",
  averageDaysDelinquent: "days",
  collectionEffectivenessIndex: "percent",
  turnover: "times",
  atRiskRate: "share",
  receivables: "currency",
  overdueShare: "share"
};

export const overdueShareDefinition: KpiDefinition = {
  label: "Overdue share",
  unit: "%",
  better: "lower"
};

export const cardOrder: readonly CardKey[] = [
  "dso",
  "bestPossibleDso",
  "averageDaysDelinquent",
  "collectionEffectivenessIndex",
  "turnover",
  "atRiskRate",
  "receivables",
  "overdueShare"
];

function cardValue(snapshot: KpiSnapshot, key: CardKey): number {
  if (key === "overdueShare") return snapshot.receivables.total > 0 ? snapshot.receivables.pastDue / snapshot.receivables.total : 0;
  if (key === "receivables") return snapshot.receivables.total;
  return snapshot[key];
}

function cardDigits(format: CardFormat): number {
  return format === "share" ? 4 : 2;
}

export interface KpisInputs {
  ledger: Ledger;
  history: ReceivablesHistory;
  /** Every open invoice (not a sample). */
  open: readonly OpenInvoice[];
  timing: CompiledTiming;
  segmentOf: ReadonlyMap<string, string | null>;
  /** Months in the trend (default 24). */
  months?: number;
  /** Days of the aging shift (default 30). */
  horizonDays?: number;
}

export function kpisFile({ledger, history, open, timing, segmentOf, months = 24, horizonDays = 30}: KpisInputs): KpisFile {
  const asOf = ledger.asOf;
  const comparison = compareKpis(history, asOf, 1);
  const cards = cardOrder.map((key) => {
    const definition = key === "overdueShare" ? overdueShareDefinition : kpiDefinitions[key];
    const format = cardFormats[key];
    const digits = cardDigits(format);
    const value = cardValue(comparison.current, key);
    const previous = cardValue(comparison.previous, key);
    return {
      key,
      label: definition.label,
      unit: definition.unit,
      format,
      better: definition.better,
      value: round(value, digits),
      previous: round(previous, digits),
      change: round(value - previous, digits)
    };
  });

  const series = kpiSeries(history, asOf, months);
  const receivables = comparison.current.receivables;
  const customerRisk = new Map(customerRisks(open).map((c) => [c.customerId, c.meanPLate]));
  const perSegment = segmentKpis(ledger.invoices, asOf, {segmentOf, customerRisk});
  const top = topRiskyCustomers(open, 10);
  const shift = agingShift(open, timing, asOf, horizonDays);

  return {
    asOf,
    asOfIso: formatIsoDay(asOf),
    previousAsOf: comparison.previous.asOf,
    previousAsOfIso: formatIsoDay(comparison.previous.asOf),
    currency: ledger.currency,
    cards,
    series: {
      length: series.length,
      month: series.map((s) => formatMonthIndex(monthIndex(s.asOf))),
      date: series.map((s) => formatIsoDay(s.asOf)),
      dso: series.map((s) => round(s.dso, 2)),
      bestPossibleDso: series.map((s) => round(s.bestPossibleDso, 2)),
      averageDaysDelinquent: series.map((s) => round(s.averageDaysDelinquent, 2)),
      collectionEffectivenessIndex: series.map((s) => round(s.collectionEffectivenessIndex, 2)),
      turnover: series.map((s) => round(s.turnover, 2)),
      atRiskRate: series.map((s) => round(s.atRiskRate, 4)),
      receivables: series.map((s) => round(s.receivables.total, 2)),
      overdueShare: series.map((s) => round(cardValue(s, "overdueShare"), 4))
    },
    aging: {
      total: roundFinite(receivables.total, 2),
      count: receivables.count,
      rows: receivables.aging.map((a) => ({
        bucket: a.bucket,
        amount: roundFinite(a.amount, 2),
        count: a.count,
        amountShare: roundFinite(a.amountShare, 4),
        countShare: roundFinite(a.countShare, 4)
      }))
    },
    segments: {
      highRiskCutoff: defaultRiskCutoffs.high,
      rows: perSegment.map((s) => ({
        segment: s.segment,
        customers: s.customers,
        openAmount: roundFinite(s.openAmount, 2),
        averageOutstanding: roundFinite(s.averageOutstanding, 2),
        dso: round(s.dso, 2),
        highRiskShare: round(s.highRiskShare, 4),
        highRiskCustomers: s.highRiskCustomers
      }))
    },
    topRiskyCustomers: top.map((c, i) => ({
      rank: i + 1,
      customerId: c.customerId,
      customerName: c.customerName,
      segment: c.segment,
      openAmount: roundFinite(c.openAmount, 2),
      expectedLateAmount: roundFinite(c.expectedLateAmount, 2),
      meanPLate: roundFinite(c.meanPLate, 4),
      invoices: c.invoices,
      maxDaysOverdue: c.maxDaysOverdue
    })),
    riskDistribution: riskDistribution(open).map((b) => ({
      lo: roundFinite(b.lo, 4),
      hi: roundFinite(b.hi, 4),
      band: b.band,
      bandLabel: riskBandLabels[b.band],
      count: b.count,
      amount: roundFinite(b.amount, 2)
    })),
    agingShift: {
      horizonDays,
      rows: shift.map((r) => ({
        bucket: r.bucket,
        todayAmount: roundFinite(r.todayAmount, 2),
        todayCount: r.todayCount,
        expectedAmount: roundFinite(r.expectedAmount, 2),
        expectedCount: roundFinite(r.expectedCount, 2)
      }))
    }
  };
}

