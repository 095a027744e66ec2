// The case study's sentences that depend on the data: where the ledger came from (generated, or a
// user's file), how many customer features it supports, how the chosen model fared on test, how
// imbalanced the outcome is, and what the first limitation is. The rest of the page is the method,
// which is the same whatever the ledger.
import {formatCount, formatDays, formatDecimal, formatMoney, formatPercent} from "../core/format.js";
import {hasOpenBook} from "./overview.js";
import type {OverviewFacts} from "./overview.js";
import {thresholds} from "./thresholds.js";
import type {MetaFile, ModelNarrative, SegmentFeature, SegmentsFile} from "../pipeline/contract.js";

/** The fields of meta.json read here. */
export type CaseStudyMeta = Pick<MetaFile, "synthetic" | "invoices"> & {source: Pick<MetaFile["source"], "file">};

/** The first stage of the pipeline chart: generated, or read from the user's file. */
export function sourceStage(meta: CaseStudyMeta): {name: string; detail: string} {
  return meta.synthetic ? {name: "Generate", detail: `${formatCount(meta.invoices)} invoices, seeded`} : {name: "Read", detail: meta.source.file};
}

/** The approach's first step, after its bold stage name. */
export function sourceStep(meta: CaseStudyMeta): string {
  return meta.synthetic
    ? "a realistic ledger from hidden customer behaviour (reliability, sensitivity to reminders, negotiation, growing credit use), with seasonality, disputes, instalments, write-offs — and dirt."
    : `the invoice export ${meta.source.file} as it came, recognising its headers, delimiter and date format.`;
}

/** The fields of segments.json read here. */
export interface CaseStudySegments extends Partial<Pick<SegmentsFile, "available" | "clusteringFeatures">> {
  features: readonly Pick<SegmentFeature, "available">[];
}

/** "12 behaviour features per customer (7 of them in this ledger), of which k-means clusters on 5 (the others describe the segments)" */
export function segmentFeatures(seg: CaseStudySegments): string {
  const total = seg.features.length;
  const available = seg.features.filter((f) => f.available).length;
  const inLedger = available < total ? ` (${formatCount(available)} of them in this ledger)` : "";
  const clustering = seg.clusteringFeatures?.length ?? 0;
  if (seg.available === false || !clustering) return `${formatCount(total)} behaviour features per customer${inLedger}, though this ledger has too few customers with enough history to cluster`;
  return `${formatCount(total)} behaviour features per customer${inLedger}, of which k-means clusters on ${formatCount(clustering)} (the others describe the segments)`;
}

/** The segments' key result: how many groups, and where the open amount sits. */
export function segmentResult(k: number | null | undefined, top: {label: string; openShare: number | null} | null | undefined): string {
  if (!k) return "Too few customers with history to segment.";
  if (!top || !(top.openShare! > 0)) return `${formatCount(k)} behaviour groups; none has anything open at the report date.`;
  return `${formatCount(k)} behaviour groups; the largest exposure sits in ${top.label} (${formatPercent(top.openShare, 0)} of open value).`;
}

/** The fields of model.json `narrative` read here. */
export type CaseStudyNarrative = Pick<ModelNarrative, "model" | "runnerUp" | "testAuc" | "runnerUpTestAuc" | "aucGap" | "bestOnTest" | "choiceConfirmedOnTest" | "baseRate">;

/** The problem, in this ledger's figures: how much of what is owed is past due, and DSO against its best. */
export function problemFigures(facts: Pick<OverviewFacts, "currency" | "openAr" | "openInvoices" | "overdueShare" | "dso" | "bestPossibleDso">, asOf: string): string {
  if (!hasOpenBook(facts)) return `On ${asOf} nothing was owed: every invoice in this ledger had been paid or written off, so the report looks at how they were paid.`;
  const gap = facts.dso === null || facts.bestPossibleDso === null ? NaN : facts.dso - facts.bestPossibleDso;
  const owed = `${formatPercent(facts.overdueShare, 0)} of the ${formatMoney(facts.openAr, {currency: facts.currency})} owed on ${asOf} is past due`;
  if (!Number.isFinite(gap)) return `${owed}.`;
  const dso = gap >= thresholds.dsoAtBest.value ? `DSO runs ${formatDays(gap, 0)} above its best possible value` : "DSO is within a day of its best possible value";
  return `${owed}, and ${dso}.`;
}

/** The strategy stage's label in the pipeline chart and its key result. */
export function strategyResult(facts: Pick<OverviewFacts, "openAr" | "openInvoices" | "routineShare" | "focusShare">): {detail: string; result: string} {
  if (!hasOpenBook(facts)) return {detail: "nothing open", result: "No invoice is open, so no collection strategy is assigned; the rules apply to the next ones."};
  return {
    detail: `${formatPercent(facts.focusShare, 0)} need focus`,
    result: `${formatPercent(facts.routineShare, 0)} of open invoices can run on standard or loyalty terms; ${formatPercent(facts.focusShare, 0)} need manual follow-up or credit restriction.`
  };
}

/** The first key result: how the chosen model compared with the runner-up on test, in ROC AUC, and whether the choice held. */
export function modelResult(n: CaseStudyNarrative, test: {invoices: number; from: string}): string {
  const slice = `on the test slice (${formatCount(test.invoices)} invoices issued ${test.from} or later)`;
  let comparison: string;
  if (n.runnerUp === null || n.aucGap === null) comparison = `${n.model} reached a ROC AUC of ${formatDecimal(n.testAuc, 3)} ${slice}.`;
  else if (Math.abs(n.aucGap) < thresholds.narrowLead.value) {
    comparison = `${n.model} and ${n.runnerUp.toLowerCase()} ranked late payers about as well as each other ${slice}: ROC AUC ${formatDecimal(n.testAuc, 3)} against ${formatDecimal(n.runnerUpTestAuc, 3)}.`;
  } else {
    comparison = `${n.model} ${n.aucGap > 0 ? "beat" : "trailed"} ${n.runnerUp.toLowerCase()} by ${formatDecimal(Math.abs(n.aucGap), 3)} ROC AUC ${slice}.`;
  }
  const held = n.choiceConfirmedOnTest
    ? "The model chosen on validation also had the best test PR AUC."
    : `On test, ${n.bestOnTest.toLowerCase()} had the higher PR AUC: the choice was made on validation and is reported as it is.`;
  return `${comparison} ${held}`;
}

/** The imbalance paragraph's opening: how rare late invoices are, "only" when they are a clear minority. */
export function imbalanceOpening(baseRate: number): string {
  if (baseRate < thresholds.imbalanced.value) return `Only ${formatPercent(baseRate, 0)} of test invoices are late.`;
  return `${formatPercent(baseRate, 0)} of test invoices are late, so late and on-time invoices are not far from balanced.`;
}

/** The first limitation: what the data is, and what a real ledger adds. */
export function dataLimitation(meta: CaseStudyMeta): string {
  if (meta.synthetic) {
    return 'The data is synthetic. Real ledgers have messier customer masters, credit notes, partial disputes, and collection actions that change the outcome the model learns from (a reminder that worked makes an invoice look "on time").';
  }
  return `The figures come from ${meta.source.file} as exported. Collection actions change the outcome the model learns from (a reminder that worked makes an invoice look "on time"), and the file records outcomes, not what was done to reach them.`;
}
