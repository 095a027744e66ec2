// One look per model family on every Model-page chart: a colour from the site palette and a dash
// pattern, so that the families stay apart without colour (and in print). Not a chart itself.
import type {FamilyCurves} from "../lib/pipeline/contract.js";

export interface FamilyStyle {
  color: string;
  /** SVG stroke-dasharray; undefined draws a solid line. */
  dash: string | undefined;
}

const styles: Record<string, FamilyStyle> = {
  logistic: {color: "var(--segment-c)", dash: "2,2.5"},
  forest: {color: "var(--segment-a)", dash: "7,3"},
  boosting: {color: "var(--segment-b)", dash: undefined}
};

export function familyStyle(family: string): FamilyStyle {
  return styles[family] ?? {color: "currentColor", dash: "1,2"};
}

/** A family's curve points as rows, for Plot. */
export function rocPoints(curve: FamilyCurves) {
  return curve.roc.falsePositiveRate.map((fpr, k) => ({
    family: curve.family,
    familyName: curve.familyName,
    falsePositiveRate: fpr,
    truePositiveRate: curve.roc.truePositiveRate[k],
    threshold: curve.roc.threshold[k]
  }));
}

export function prPoints(curve: FamilyCurves) {
  return curve.pr.recall.map((recall, k) => ({
    family: curve.family,
    familyName: curve.familyName,
    recall,
    precision: curve.pr.precision[k],
    threshold: curve.pr.threshold[k]
  }));
}
