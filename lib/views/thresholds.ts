// The thresholds behind the report's judging words. A sentence that judges — "ranks late payers well",
// "barely changes", "mostly", "separates clearly" — says so only when its figure passes the threshold
// named here, and says something else when it does not; each threshold carries the reason for its value,
// and the Methodology page lists them, so a reader can see what a word means.

export interface Threshold {
  /** Where the judgement changes. */
  value: number;
  /** What the value rests on: a published convention, a measurement, or the rounding it guards. */
  reason: string;
}

export const thresholds = {
  // Model ------------------------------------------------------------------------------------------
  rankingVeryWell: {
    value: 0.9,
    reason: "Test ROC AUC from which a model ranks late payers \"very well\": Hosmer and Lemeshow's \"outstanding discrimination\" (Applied Logistic Regression, 2000)."
  },
  rankingWell: {
    value: 0.8,
    reason: "Test ROC AUC from which a model \"ranks late payers well\": Hosmer and Lemeshow's \"excellent discrimination\", 0.8–0.9."
  },
  rankingFair: {
    value: 0.7,
    reason: "Test ROC AUC from which a model ranks late payers \"fairly well\": Hosmer and Lemeshow's \"acceptable discrimination\", 0.7–0.8."
  },
  rankingWeak: {
    value: 0.6,
    reason: "Test ROC AUC below which a model ranks late payers \"barely better than chance\" (0.5 is a coin toss); from here to 0.7 it ranks them \"weakly\"."
  },
  narrowLead: {
    value: 0.02,
    reason:
      "AUC differences below this are a narrow lead, small enough to treat two models (or a re-weighting and none) as equivalent. On the default ledger's 5,818 test invoices the bootstrap standard error of the PR AUC difference between two families is 0.004–0.007 (ROC AUC 0.002–0.003; 200 resamples); on a test slice of under 1,000 invoices it is about 2.5 times that, so 0.02 is within two standard errors there."
  },
  usefulLift: {
    value: 2,
    reason:
      "Lift in the riskiest tenth from which \"a collector who starts from the top of the list reaches late payers first\": at 2× every call there finds twice as many late payers as a call at random."
  },
  weakLift: {
    value: 1.25,
    reason: "Lift in the riskiest tenth below which the top of the list is \"hardly richer in late payers than a random pick\": fewer than one extra late payer in every four calls."
  },
  mostSignal: {
    value: 0.5,
    reason: "\"Most of the signal\" means more than half: the share of the summed permutation importance (drops in test ROC AUC) held by the three strongest feature groups."
  },
  dominantFeature: {
    value: 0.5,
    reason: "A feature group \"dominates\" a model when shuffling the next one costs less than this share of its own drop in test ROC AUC."
  },
  readableProbabilities: {
    value: 0.03,
    reason:
      "Mean gap between predicted and observed late rates (expected calibration error, test slice) up to which raw probabilities \"can be read as they are\": a 30% prediction then means 27–33% late, close enough to multiply amounts by."
  },
  calibrationUndoes: {
    value: 0.005,
    reason: "Brier score difference below which calibration \"undoes\" what re-weighting did to the probabilities: under 5% of a typical 0.1–0.15 Brier score."
  },
  imbalanced: {
    value: 1 / 3,
    reason: "Late rate below which late invoices are \"only\" a minority worth re-weighting for: fewer than one late invoice for every two on time."
  },
  // KPIs and forecasts -------------------------------------------------------------------------------
  visibleDays: {
    value: 0.05,
    reason: "A change in days smaller than this rounds to 0.0 at one decimal, so no change is reported."
  },
  nearAverage: {
    value: 0.1,
    reason: "A month's figure within 10% of its average reads \"close to\" it; further away, \"above\" or \"below\"."
  },
  unchangedShare: {
    value: 0.005,
    reason: "A change under half a percent of the amount it moves (open amount, expected cash) is within the forecast's rounding: it reads as \"about the same\"."
  },
  dsoAtBest: {
    value: 1,
    reason: "DSO within a day of best possible DSO is \"at its best\": overdue invoices then tie up less than one day of sales."
  },
  // Segments ---------------------------------------------------------------------------------------
  mostlyShare: {
    value: 0.5,
    reason: "The open amount sits \"mostly\" with a segment only when it holds more than half of it."
  },
  elbowFlattening: {
    value: 1 / 3,
    reason:
      "More segments \"buy little\" after the elbow when each extra segment lowers the within-cluster spread by at most a third as much as each one before the elbow did."
  },
  silhouetteClear: {
    value: 0.5,
    reason: "Mean silhouette from which clusters \"separate clearly\": Kaufman and Rousseeuw (Finding Groups in Data, 1990) call 0.51–0.70 a reasonable structure."
  },
  silhouetteWeak: {
    value: 0.25,
    reason: "Mean silhouette up to which clusters \"hardly separate\": Kaufman and Rousseeuw find no substantial structure at 0.25 or less, and a weak one, possibly artificial, from 0.26 to 0.50."
  },
  // Strategy ---------------------------------------------------------------------------------------
  secondStrategy: {
    value: 0.05,
    reason: "A segment's second strategy is named only when it covers at least 5% of the segment's open amount."
  },
  // EDA --------------------------------------------------------------------------------------------
  minGroupInvoices: {
    value: 30,
    reason: "A group with fewer settled invoices is drawn faint and left out of the findings: its late rate moves by several points with one invoice."
  },
  significanceZ: {
    value: 1.959964,
    reason: "Two late rates differ \"beyond chance\" when a two-proportion z test puts them this many standard errors apart: the 5% level, two-sided."
  },
  equalRates: {
    value: 1.1,
    reason: "Late rates within this ratio of each other are paid late \"about equally often\", even when the difference is beyond chance."
  },
  weakCorrelation: {
    value: 0.1,
    reason: "A rank correlation with |ρ| below this does not \"track\" days late: Cohen's threshold for a small effect."
  }
} as const satisfies Record<string, Threshold>;

export type ThresholdKey = keyof typeof thresholds;
