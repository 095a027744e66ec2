// The KPIs' and forecasts' fixed wording: how each KPI card's figure is computed, how kpis.json's aging
// shift is projected and how a scenario's band is drawn (lib/views/definitions/ holds the other rooms':
// the stages ship keys and numbers, the pages put these words beside them).
import type {CardKey} from "../../pipeline/contract.js";

// KPIs (kpis.json `cards`, lib/portfolio/kpi.ts) ----------------------------------------------------------

/** How each KPI card's figure is computed (lib/portfolio/kpi.ts). */
export const kpiFormulas: Record<CardKey, string> = {
  dso: "Receivables at the date are counted back against sales month by month, most recent first (the current month to date, then full calendar months): each month whose sales are fully absorbed adds its days; the last month adds (remaining receivables ÷ its sales) × its days.",
  bestPossibleDso: "The same countback applied to current (not yet due) receivables only, so that DSO − BPDSO is never negative.",
  averageDaysDelinquent: "ADD = DSO − best possible DSO: the days that overdue receivables add.",
  collectionEffectivenessIndex:
    "CEI = (beginning AR + sales − ending total AR) ÷ (beginning AR + sales − ending current AR) × 100, over the month ending at the date. Write-offs leave AR without cash and so count as collected, as in the standard formula.",
  turnover: "Sales over the 12 months ending at the date ÷ average AR, the mean of the 13 month-end balances from 12 months before the date to the date.",
  atRiskRate: "Share of open receivables more than 30 days past due (aging buckets 31–60, 61–90 and 90+).",
  receivables: "Sum of amounts still owed at the end of the date.",
  overdueShare: "Share of open receivables past their due date (every aging bucket but Current)."
};

// Projections (kpis.json `agingShift`, scenario.json `forecast`) ------------------------------------------

/** How kpis.json's `agingShift` rows are projected (lib/portfolio/riskOutlook.ts). */
export const agingShiftRule =
  "No new invoices; each open invoice ages by the horizon and stays open with its probability of being neither paid nor written off by then (payment-timing model).";

/** How a scenario's band is drawn (lib/views/scenarios.ts `scenarioForecastRows`). */
export const scenarioBandRule =
  "A scenario's band is the baseline band shifted, week by week, by the scenario's change in expected cash (scenario − baseline); re-simulating per slider move is too slow.";
