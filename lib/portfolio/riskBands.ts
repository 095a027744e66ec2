// Risk bands: the three-way cut of a predicted P(late) that strategies, the payment-timing model and the
// scenario engine all share, so a band means the same thing on every page.

export const riskBands = ["low", "medium", "high"] as const;
export type RiskBand = (typeof riskBands)[number];

export const riskBandLabels: Record<RiskBand, string> = {low: "Low risk", medium: "Medium risk", high: "High risk"};

/** low < medium ≤ P(late) < high ≤ high band; a probability exactly on a cut-off belongs to the band above it. */
export interface RiskCutoffs {
  /** Lowest P(late) of the medium band (default 0.3). */
  medium: number;
  /** Lowest P(late) of the high band (default 0.6). */
  high: number;
}

export const defaultRiskCutoffs: Readonly<RiskCutoffs> = Object.freeze({medium: 0.3, high: 0.6});

export function checkRiskCutoffs(cutoffs: RiskCutoffs): RiskCutoffs {
  const {medium, high} = cutoffs;
  if (!(medium >= 0 && medium <= high && high <= 1)) throw new Error(`risk cut-offs must satisfy 0 ≤ medium ≤ high ≤ 1 (got ${medium}, ${high})`);
  return cutoffs;
}

export function riskBand(pLate: number, cutoffs: RiskCutoffs = defaultRiskCutoffs): RiskBand {
  if (pLate >= cutoffs.high) return "high";
  if (pLate >= cutoffs.medium) return "medium";
  return "low";
}
