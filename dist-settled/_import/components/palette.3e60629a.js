export const segmentColors = { A: "var(--segment-a)", B: "var(--segment-b)", C: "var(--segment-c)", D: "var(--segment-d)" };
export const segmentNames = {
  A: "A \xB7 Low risk, high value",
  B: "B \xB7 High risk, high value",
  C: "C \xB7 Low risk, low value",
  D: "D \xB7 High risk, low value"
};
export const strategyColors = {
  loyalty: "var(--strategy-loyalty)",
  standard: "var(--strategy-standard)",
  reminders: "var(--strategy-reminders)",
  followUp: "var(--strategy-followup)",
  restrict: "var(--strategy-restrict)"
};
export const riskColors = { low: "var(--risk-low)", medium: "var(--risk-medium)", high: "var(--risk-high)" };
export function segmentScale(letters = ["A", "B", "C", "D"]) {
  return { domain: [...letters], range: letters.map((l) => segmentColors[l] ?? "currentColor") };
}
export const good = "var(--good)";
export const bad = "var(--bad)";
