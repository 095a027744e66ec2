// The words for open invoices' risk, by where it comes from. With a payment history the late-payment
// model predicts a probability; without one (an open-items snapshot) a rule stands in: an invoice
// already past due is late, one not yet due carries the share of open invoices already past due. Every
// page that words a risk figure takes its words from here, so none calls a rule's figure a prediction.
import type {RiskSource} from "../pipeline/types.js";

export type {RiskSource};

export interface RiskWords {
  /** The score as a column label: "P(late)", "Risk". */
  label: string;
  /** The score as an axis label. */
  axis: string;
  /** The score in a sentence: "predicted P(late)", "rule-based risk". */
  score: string;
  /** What an invoice's score is, in a sentence: "its predicted probability of being paid late". */
  invoiceScore: string;
  /** Where the scores come from, in a sentence: "the model's predicted P(late)". */
  source: string;
  /** What the expected path rests on, briefly: "the model’s predictions", "the past-due rule". */
  basis: string;
  /** The late-rate card's title on the Overview. */
  rateTitle: string;
}

const words: Record<RiskSource, RiskWords> = {
  model: {
    label: "P(late)",
    axis: "Predicted P(late) →",
    score: "predicted P(late)",
    invoiceScore: "its predicted probability of being paid late",
    source: "the model's predicted P(late)",
    basis: "the model’s predictions",
    rateTitle: "Predicted late rate"
  },
  rule: {
    label: "Risk",
    axis: "Risk by the past-due rule →",
    score: "rule-based risk",
    invoiceScore: "its risk by the past-due rule (1 once past due; before, the share of open invoices already past due)",
    basis: "the past-due rule",
    source: "the past-due rule, as the ledger has no payment history to fit a model on: an invoice already past due counts as late, one not yet due carries the share of open invoices already past due",
    rateTitle: "Late rate by the past-due rule"
  }
};

/** The words for a risk from `source`. */
export function riskWords(source: RiskSource): RiskWords {
  return words[source];
}

/** segments.json's customer features, the risk one worded by where risk comes from (its label and definition say "model"). */
export function featuresWorded<F extends {key: string; label: string; definition: string}>(features: readonly F[], source: RiskSource): F[] {
  if (source === "model") return [...features];
  return features.map((f) =>
    f.key === "predictedLate"
      ? {...f, label: "Risk by the past-due rule", definition: "The mean risk of the customer's invoices by the past-due rule (1 once past due), which stands in for a model: the ledger has no payment history."}
      : f
  );
}
