const styles = {
  logistic: { color: "var(--segment-c)", dash: "2,2.5" },
  forest: { color: "var(--segment-a)", dash: "7,3" },
  boosting: { color: "var(--segment-b)", dash: void 0 }
};
export function familyStyle(family) {
  return styles[family] ?? { color: "currentColor", dash: "1,2" };
}
export function rocPoints(curve) {
  return curve.roc.falsePositiveRate.map((fpr, k) => ({
    family: curve.family,
    familyName: curve.familyName,
    falsePositiveRate: fpr,
    truePositiveRate: curve.roc.truePositiveRate[k],
    threshold: curve.roc.threshold[k]
  }));
}
export function prPoints(curve) {
  return curve.pr.recall.map((recall, k) => ({
    family: curve.family,
    familyName: curve.familyName,
    recall,
    precision: curve.pr.precision[k],
    threshold: curve.pr.threshold[k]
  }));
}
