// One colour per segment, strategy and risk band, on every page. The values are CSS variables (set in
// style.css for the light and dark themes), so charts follow the reader's colour scheme.
import type {StrategyKey} from "../lib/portfolio/strategy.js";
import type {RiskBand} from "../lib/portfolio/riskBands.js";

export const segmentColors = {A: "var(--segment-a)", B: "var(--segment-b)", C: "var(--segment-c)", D: "var(--segment-d)"} as const;
export const segmentNames = {
  A: "A · Low risk, high value",
  B: "B · High risk, high value",
  C: "C · Low risk, low value",
  D: "D · High risk, low value"
} as const;

export const strategyColors: Record<StrategyKey, string> = {
  loyalty: "var(--strategy-loyalty)",
  standard: "var(--strategy-standard)",
  reminders: "var(--strategy-reminders)",
  followUp: "var(--strategy-followup)",
  restrict: "var(--strategy-restrict)"
};

export const riskColors: Record<RiskBand, string> = {low: "var(--risk-low)", medium: "var(--risk-medium)", high: "var(--risk-high)"};

/** Plot colour scale options for segments A–D (domain and range in a fixed order). */
export function segmentScale(letters: readonly string[] = ["A", "B", "C", "D"]) {
  return {domain: [...letters], range: letters.map((l) => segmentColors[l as keyof typeof segmentColors] ?? "currentColor")};
}

export const good = "var(--good)";
export const bad = "var(--bad)";
