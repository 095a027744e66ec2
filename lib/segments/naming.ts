// Stable segment names: clusters are placed on a risk × value grid by their profile, not by the
// arbitrary index k-means gave them, so a rebuild or another seed does not shuffle names.
import type {CustomerFeatureKey} from "./customerFeatures.js";
import {segmentLetters} from "./letters.js";
import type {SegmentLetter} from "./letters.js";

export interface SegmentQuadrant {
  letter: SegmentLetter;
  risk: "low" | "high";
  value: "low" | "high";
  label: string;
}

// The collections treatment each quadrant calls for is lib/views/definitions/segments.ts `quadrantActions`.
export const segmentQuadrants: Record<SegmentLetter, SegmentQuadrant> = {
  A: {letter: "A", risk: "low", value: "high", label: "Low risk · High value"},
  B: {letter: "B", risk: "high", value: "high", label: "High risk · High value"},
  C: {letter: "C", risk: "low", value: "low", label: "Low risk · Low value"},
  D: {letter: "D", risk: "high", value: "low", label: "High risk · Low value"}
};

export function quadrantOf(riskScore: number, valueScore: number): SegmentLetter {
  // Zero is the average clustered customer: every feature score is standardised over them.
  const highRisk = riskScore > 0, highValue = valueScore > 0;
  return highRisk ? (highValue ? "B" : "D") : highValue ? "A" : "C";
}

export interface ScoreDefinition {
  /** Standardised features averaged into the risk score; a leading minus means "lower is riskier". */
  risk: readonly {key: CustomerFeatureKey; sign: 1 | -1}[];
  value: readonly {key: CustomerFeatureKey; sign: 1 | -1}[];
}

export const defaultScoreDefinition: ScoreDefinition = {
  risk: [
    {key: "averageDelay", sign: 1},
    {key: "onTimeShare", sign: -1},
    {key: "predictedLate", sign: 1}
  ],
  value: [
    {key: "totalInvoiced", sign: 1},
    {key: "outstanding", sign: 1}
  ]
};

export interface CustomerScores {
  risk: Float64Array;
  value: Float64Array;
  /** The features each score averaged (those present in the z values). */
  riskFeatures: CustomerFeatureKey[];
  valueFeatures: CustomerFeatureKey[];
}

/** Each customer's risk and value score: the mean of its signed standardised features (missing ones skipped). */
export function customerScores(
  z: readonly Partial<Record<CustomerFeatureKey, number>>[],
  definition: ScoreDefinition = defaultScoreDefinition
): CustomerScores {
  const present = (terms: ScoreDefinition["risk"]) => terms.filter((t) => z.length > 0 && z.every((row) => row[t.key] !== undefined));
  const riskTerms = present(definition.risk), valueTerms = present(definition.value);
  const score = (row: Partial<Record<CustomerFeatureKey, number>>, terms: ScoreDefinition["risk"]) =>
    terms.length ? terms.reduce((s, t) => s + t.sign * row[t.key]!, 0) / terms.length : 0;
  return {
    risk: Float64Array.from(z, (row) => score(row, riskTerms)),
    value: Float64Array.from(z, (row) => score(row, valueTerms)),
    riskFeatures: riskTerms.map((t) => t.key),
    valueFeatures: valueTerms.map((t) => t.key)
  };
}

export interface NamedCluster {
  /** The cluster's index in the k-means fit. */
  cluster: number;
  /** Position in the stable order (0 = first). */
  rank: number;
  letter: SegmentLetter;
  /** "A" when alone in its quadrant, else "A1", "A2", … in score order. */
  name: string;
  label: string;
  size: number;
  /** Mean customer risk and value score of the cluster. */
  riskScore: number;
  valueScore: number;
}

export interface ClusterNaming {
  /** In stable order: A, B, C, D; within a quadrant by rising risk, then falling value. */
  clusters: NamedCluster[];
  /** Name of each k-means cluster index. */
  nameOf: string[];
  /** Each row's cluster as its stable rank. */
  ranks: Int32Array;
}

/**
 * Names clusters from their members' scores. Everything depends on which rows share a cluster, never on
 * the cluster's index: relabelling the clusters yields the same name for every row.
 */
export function nameClusters(assignments: ArrayLike<number>, k: number, scores: Pick<CustomerScores, "risk" | "value">): ClusterNaming {
  const size = new Float64Array(k), risk = new Float64Array(k), value = new Float64Array(k);
  // The first row of each cluster breaks exact ties, which only identical profiles produce.
  const firstRow = new Int32Array(k).fill(-1);
  for (let i = 0; i < assignments.length; ++i) {
    const c = assignments[i];
    ++size[c];
    risk[c] += scores.risk[i];
    value[c] += scores.value[i];
    if (firstRow[c] < 0) firstRow[c] = i;
  }
  const clusters = Array.from({length: k}, (_, c) => {
    const riskScore = size[c] ? risk[c] / size[c] : 0;
    const valueScore = size[c] ? value[c] / size[c] : 0;
    return {cluster: c, size: size[c], riskScore, valueScore, letter: quadrantOf(riskScore, valueScore), firstRow: firstRow[c]};
  });
  clusters.sort(
    (a, b) =>
      segmentLetters.indexOf(a.letter) - segmentLetters.indexOf(b.letter) ||
      a.riskScore - b.riskScore ||
      b.valueScore - a.valueScore ||
      // Empty clusters (firstRow −1) go last.
      (a.firstRow < 0 ? 1 : 0) - (b.firstRow < 0 ? 1 : 0) ||
      a.firstRow - b.firstRow
  );
  const perLetter = new Map<SegmentLetter, number>();
  for (const c of clusters) perLetter.set(c.letter, (perLetter.get(c.letter) ?? 0) + 1);
  const seen = new Map<SegmentLetter, number>();
  const named: NamedCluster[] = clusters.map((c, rank) => {
    const index = (seen.get(c.letter) ?? 0) + 1;
    seen.set(c.letter, index);
    const quadrant = segmentQuadrants[c.letter];
    return {
      cluster: c.cluster,
      rank,
      letter: c.letter,
      name: perLetter.get(c.letter)! > 1 ? `${c.letter}${index}` : c.letter,
      label: quadrant.label,
      size: c.size,
      riskScore: c.riskScore,
      valueScore: c.valueScore
    };
  });
  const nameOf: string[] = new Array(k);
  const rankOf = new Int32Array(k);
  for (const c of named) [nameOf[c.cluster], rankOf[c.cluster]] = [c.name, c.rank];
  return {clusters: named, nameOf, ranks: Int32Array.from(assignments, (c) => rankOf[c])};
}
