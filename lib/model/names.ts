// The model families and imbalance variants by key and name: a module of its own so that the browser
// (lib/views/definitions/model.ts) can name them without loading the learners.

export const familyKeys = ["logistic", "forest", "boosting"] as const;
export type FamilyKey = (typeof familyKeys)[number];

export const familyNames: Record<FamilyKey, string> = {
  logistic: "Logistic regression",
  forest: "Random forest",
  boosting: "Gradient-boosted trees"
};

/** Listed from the least to the most intervention in the training data: the order ties are broken in. */
export const variantKeys = ["none", "balanced", "smote"] as const;
export type VariantKey = (typeof variantKeys)[number];

export const variantNames: Record<VariantKey, string> = {
  none: "No re-weighting",
  balanced: "Balanced class weights",
  smote: "SMOTE"
};

/** What a report that fitted no late-payment model (./skipped.ts) names its model. */
export const noModelName = "No model";
