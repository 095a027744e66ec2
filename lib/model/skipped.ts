// The model stage's stand-in when the ledger has no payment history to learn from (an open-items
// snapshot, or a history too short to validate on): no model is fitted or claimed. Open invoices are
// ranked by what is known without one — an invoice already past due is late by definition (risk 1);
// one not yet due carries the share of the open book that is already past due — and the files say
// so, so the Model page can explain what is missing instead of showing figures it does not have.
import type {Ledger} from "../input/ledger.js";
import type {ModelStage, PaymentHistoryGap} from "./index.js";
import type {SkippedModelFile, SkippedScoreBinsFile} from "../pipeline/contract.js";
import {familyKeys, variantKeys} from "./families.js";
import {noModelName} from "./names.js";

export {noModelName};
import type {FamilyKey, VariantKey} from "./families.js";

export function skippedModelStage(ledger: Ledger, {kind, reason}: PaymentHistoryGap): ModelStage {
  const {invoices, asOf} = ledger;
  let open = 0, pastDue = 0;
  for (const invoice of invoices) {
    if (invoice.status !== "open") continue;
    ++open;
    if (invoice.dueDate < asOf) ++pastDue;
  }
  const overdueShare = open ? pastDue / open : 0;
  const pLate = Float64Array.from(invoices, (invoice) => (invoice.settledDate !== null ? (invoice.paidLate ? 1 : 0) : invoice.dueDate < asOf ? 1 : overdueShare));
  const factors = new Map<number, string[]>();
  invoices.forEach((invoice, i) => {
    if (invoice.status === "open") factors.set(i, [invoice.dueDate < asOf ? `already ${asOf - invoice.dueDate} days past due` : `due in ${invoice.dueDate - asOf} days`]);
  });
  const rule =
    `Without a model, an open invoice already past due counts as late (risk 1), and one not yet due carries ` +
    `the share of open invoices already past due (${(100 * overdueShare).toFixed(1)} %).`;
  const summary = `No late-payment model: the ledger has ${reason}. ${rule}`;
  const file: SkippedModelFile = {skipped: true, kind, reason, rule, summary, modelName: noModelName, openInvoices: open, pastDue, overdueShare: Math.round(overdueShare * 10_000) / 10_000};
  const empty = {x: {rows: 0, cols: 0, values: new Float64Array(0)}, y: new Uint8Array(0)};
  return {
    files: {model: file, "score-bins": {skipped: true, reason} satisfies SkippedScoreBinsFile},
    scores: {pLate, factors, modelName: noModelName, riskSource: "rule"},
    tables: {
      featureNames: [],
      train: empty,
      test: empty,
      testIndices: new Int32Array(0),
      testScores: Object.fromEntries(familyKeys.map((family) => [family, new Float64Array(0)])) as Record<FamilyKey, Float64Array>,
      testVariants: Object.fromEntries(familyKeys.map((family) => [family, variantKeys[0]])) as Record<FamilyKey, VariantKey>
    },
    timings: {steps: {}, fits: [], importance: [], productionFit: 0, total: 0},
    features: null,
    recipe: null
  };
}
