// The `segments` file: customer behaviour features, k-means for every k with its elbow and silhouette,
// the chosen k, the PCA picture, the case-study cluster table per k, profiles, proposals and the
// comparison with the rule-based rating. The page words it all with lib/views/segments.ts.
import {segmentKpis} from "../kpi.js";
import type {Ledger} from "../../input/ledger.js";
import {customerFeatureSpecs} from "../../segments/customerFeatures.js";
import type {CustomerFeatureKey, CustomerFeatureTable, CustomerProfile} from "../../segments/customerFeatures.js";
import {segmentLetters} from "../../segments/letters.js";
import type {SegmentLetter} from "../../segments/letters.js";
import {segmentQuadrants} from "../../segments/naming.js";
import type {Segmentation, SegmentationForK} from "../../segments/segmentCustomers.js";
import {round} from "../../core/json.js";
import type {ClusterRow, KSection, PcaPoints, RiskLevel, SegmentedFile, SegmentProposal, SegmentProposalWord, SegmentsBase, ThinHistory, UnsegmentedFile} from "../../pipeline/contract.js";
import {ascending} from "d3";
import {sampleIds} from "../sample.js";

/** What a collections team does with each quadrant, in one word (in a sentence: lib/views/definitions/segments.ts `quadrantActions`). */
export const segmentProposals: Record<SegmentLetter, {proposal: SegmentProposalWord}> = {
  A: {proposal: "Reward"},
  B: {proposal: "Safeguard"},
  C: {proposal: "Automate"},
  D: {proposal: "Monitor"}
};

/** Per letter: the quadrant's label and the proposal word. */
function proposalTable(): SegmentProposal[] {
  return segmentLetters.map((letter) => ({letter, label: segmentQuadrants[letter].label, ...segmentProposals[letter]}));
}

export type {RiskLevel} from "../../pipeline/contract.js";

/**
 * A cluster's mean predicted P(late) over its invoices, as a multiple of the mean over all clustered
 * customers' invoices: below `low` it is Low risk, above `high` High, otherwise Medium.
 */
export const riskLevelRatios = {low: 0.8, high: 1.25} as const;

/** A cluster's risk level from its mean P(late) against the portfolio's (clustered customers' invoices). */
export function clusterRiskLevel(meanPLate: number, portfolioPLate: number): RiskLevel {
  if (!(portfolioPLate > 0)) return "Medium";
  const ratio = meanPLate / portfolioPLate;
  return ratio < riskLevelRatios.low ? "Low" : ratio > riskLevelRatios.high ? "High" : "Medium";
}

/** k-means needs more customers than clusters: fewer than this many with enough history are reported unsegmented. */
export const minSegmentedCustomers = 3;

export interface SegmentsOptions {
  /** Most customers in the PCA scatter (default 2,500; a seeded hash of the customer id picks them above it). */
  pointsCap?: number;
  /** Thin-history customers listed (default 50, largest outstanding first). */
  thinRows?: number;
  seed: number;
}

interface CustomerTotals {
  invoices: number;
  invoiced: number;
  outstanding: number;
  pLateSum: number;
}

/** Invoice count, amounts and summed P(late) per customer id. */
export function customerTotals(ledger: Ledger, pLate: ArrayLike<number>): Map<string, CustomerTotals> {
  const totals = new Map<string, CustomerTotals>();
  ledger.invoices.forEach((invoice, i) => {
    let t = totals.get(invoice.customerId);
    if (!t) totals.set(invoice.customerId, (t = {invoices: 0, invoiced: 0, outstanding: 0, pLateSum: 0}));
    t.invoices += 1;
    t.invoiced += invoice.amount;
    t.outstanding += invoice.openAmount;
    t.pLateSum += pLate[i];
  });
  return totals;
}

export function segmentsFile(
  ledger: Ledger,
  pLate: ArrayLike<number>,
  table: CustomerFeatureTable,
  segmentation: Segmentation,
  options: SegmentsOptions
) {
  const {pointsCap = 2_500, thinRows = 50, seed} = options;
  const totals = customerTotals(ledger, pLate);
  const profiles = table.profiles;
  const clustered = profiles.map((p) => totals.get(p.customerId)!);
  const all = sumTotals(clustered);
  const portfolioPLate = all.invoices ? all.pLateSum / all.invoices : 0;

  const perK = segmentation.perK.map((fit) => kSection(ledger, table, fit, clustered, all, portfolioPLate));
  const chosen = segmentation.perK.find((fit) => fit.k === segmentation.choice.k)!;
  const segmentOf = new Map<string, string | null>();
  for (const p of table.thinHistory) segmentOf.set(p.customerId, null);
  profiles.forEach((p, i) => segmentOf.set(p.customerId, chosen.clusters[chosen.assignments[i]].name));

  const {keep, capped} = sampleIds(segmentation.customerIds, pointsCap, seed);
  const shown = profiles.flatMap((p, i) => (keep.has(p.customerId) ? [i] : []));
  const points: PcaPoints = {
    length: shown.length,
    customerId: shown.map((i) => profiles[i].customerId),
    name: shown.map((i) => profiles[i].name),
    pc1: shown.map((i) => round(segmentation.pca.pc1[i], 3)),
    pc2: shown.map((i) => round(segmentation.pca.pc2[i], 3)),
    // What a reader hovering a customer wants to know besides its position.
    outstanding: shown.map((i) => round(clustered[i].outstanding, 0)),
    totalInvoiced: shown.map((i) => round(clustered[i].invoiced, 0)),
    averageDelay: shown.map((i) => round(profiles[i].features.averageDelay, 1)),
    predictedLate: shown.map((i) => round(clustered[i].invoices ? clustered[i].pLateSum / clustered[i].invoices : NaN, 3))
  };
  // Each k's cluster (index into that k's `clusters`), so the k selector recolours the same points.
  for (const fit of segmentation.perK) points[`k${fit.k}`] = shown.map((i) => fit.assignments[i]);

  const letterCounts = Object.fromEntries(segmentLetters.map((l) => [l, 0])) as Record<SegmentLetter, number>;
  for (const l of segmentation.rule.letters) letterCounts[l] += 1;

  const file: SegmentedFile = {
    available: true,
    ...describeFeatures(ledger, table, totals, thinRows),
    kCurve: {
      length: segmentation.perK.length,
      k: segmentation.perK.map((f) => f.k),
      inertia: segmentation.perK.map((f) => round(f.inertia, 2)),
      silhouette: segmentation.perK.map((f) => round(f.silhouette, 4)),
      silhouetteExact: segmentation.perK.map((f) => f.silhouetteExact),
      elbowDistance: segmentation.perK.map((f) => round(segmentation.choice.elbow.find((e) => e.k === f.k)?.distance, 4))
    },
    choice: {
      k: segmentation.choice.k,
      minSilhouette: segmentation.choice.minSilhouette,
      elbowK: segmentation.choice.elbowK,
      silhouetteK: segmentation.choice.silhouetteK,
      agree: segmentation.choice.agree,
      decidedBy: segmentation.choice.decidedBy
    },
    riskLevels: {...riskLevelRatios},
    proposals: proposalTable(),
    perK,
    pca: {
      explainedVarianceRatio: segmentation.pca.explainedVarianceRatio.map((v) => round(v, 4)),
      loadings: segmentation.pca.loadings.map((l) => ({
        feature: l.feature,
        label: customerFeatureSpecs.find((s) => s.key === l.feature)?.label ?? l.feature,
        pc1: round(l.pc1, 4),
        pc2: round(l.pc2, 4)
      })),
      capped,
      cap: pointsCap,
      points
    },
    ruleRating: {
      lateDelayDays: segmentation.rule.lateDelayDays,
      valueThreshold: round(segmentation.rule.valueThreshold, 2),
      counts: letterCounts
    }
  };
  // segmentOf: customerId → segment name at the chosen k (null: too little history).
  return {file, segmentOf, chosen};
}


/** The file when too few customers have enough history to cluster: features and thin history only. */
export function unsegmentedFile(ledger: Ledger, pLate: ArrayLike<number>, table: CustomerFeatureTable, {thinRows = 50}: {thinRows?: number} = {}) {
  const segmentOf = new Map<string, string | null>();
  for (const p of [...table.profiles, ...table.thinHistory]) segmentOf.set(p.customerId, null);
  const file: UnsegmentedFile = {
    available: false,
    minCustomers: minSegmentedCustomers,
    ...describeFeatures(ledger, table, customerTotals(ledger, pLate), thinRows),
    kCurve: null,
    choice: null,
    riskLevels: {...riskLevelRatios},
    proposals: proposalTable(),
    perK: [],
    pca: null,
    ruleRating: null
  };
  return {file, segmentOf, chosen: null};
}

/** Feature definitions, customer counts and the thin-history list: the part of the file that needs no clustering. */
function describeFeatures(ledger: Ledger, table: CustomerFeatureTable, totals: Map<string, CustomerTotals>, thinRows: number): Omit<SegmentsBase, "riskLevels" | "proposals"> {
  const thin = [...table.thinHistory].sort((a, b) => b.features.outstanding! - a.features.outstanding! || ascending(a.customerId, b.customerId));
  return {
    asOf: ledger.asOf,
    currency: ledger.currency,
    features: customerFeatureSpecs.map((spec) => ({
      key: spec.key,
      label: spec.label,
      unit: spec.unit,
      transform: spec.transform,
      available: table.availableFeatures.includes(spec.key),
      unavailableReason: table.unavailable.find((u) => u.key === spec.key)?.reason ?? null,
      clustering: table.clusteringFeatures.includes(spec.key),
      imputed: table.imputed[spec.key] ?? 0
    })),
    clusteringFeatures: table.clusteringFeatures,
    constantFeatures: table.constant,
    customers: {clustered: table.profiles.length, thinHistory: table.thinHistory.length, total: table.profiles.length + table.thinHistory.length},
    thinHistory: {
      count: table.thinHistory.length,
      minSettled: table.minSettled,
      shown: Math.min(thinRows, thin.length),
      rows: thinTable(thin.slice(0, thinRows), totals)
    }
  };
}

function sumTotals(rows: readonly CustomerTotals[]): CustomerTotals {
  const s: CustomerTotals = {invoices: 0, invoiced: 0, outstanding: 0, pLateSum: 0};
  for (const r of rows) {
    s.invoices += r.invoices;
    s.invoiced += r.invoiced;
    s.outstanding += r.outstanding;
    s.pLateSum += r.pLateSum;
  }
  return s;
}

function thinTable(rows: readonly CustomerProfile[], totals: Map<string, CustomerTotals>): ThinHistory["rows"] {
  return {
    length: rows.length,
    customerId: rows.map((p) => p.customerId),
    name: rows.map((p) => p.name),
    invoices: rows.map((p) => p.invoiceCount),
    settled: rows.map((p) => p.settledCount),
    totalInvoiced: rows.map((p) => round(p.features.totalInvoiced, 2)),
    outstanding: rows.map((p) => round(p.features.outstanding, 2)),
    meanPLate: rows.map((p) => {
      const t = totals.get(p.customerId)!;
      return round(t.invoices ? t.pLateSum / t.invoices : NaN, 4);
    })
  };
}

function kSection(
  ledger: Ledger,
  table: CustomerFeatureTable,
  fit: SegmentationForK,
  clustered: readonly CustomerTotals[],
  all: CustomerTotals,
  portfolioPLate: number
 ): KSection {
  const groups = fit.clusters.map(() => ({invoices: 0, invoiced: 0, outstanding: 0, pLateSum: 0}));
  fit.assignments.forEach((rank, i) => {
    const g = groups[rank], t = clustered[i];
    g.invoices += t.invoices;
    g.invoiced += t.invoiced;
    g.outstanding += t.outstanding;
    g.pLateSum += t.pLateSum;
  });
  const segmentOf = new Map<string, string | null>();
  table.profiles.forEach((p, i) => segmentOf.set(p.customerId, fit.clusters[fit.assignments[i]].name));
  const dso = new Map(segmentKpis(ledger.invoices, ledger.asOf, {segmentOf}).map((s) => [s.segment, s.dso]));
  const customers = table.profiles.length;
  const clusters: ClusterRow[] = fit.clusters.map((c, rank) => {
    const g = groups[rank];
    const meanPLate = g.invoices ? g.pLateSum / g.invoices : NaN;
    return {
      cluster: rank,
      letter: c.letter,
      name: c.name,
      label: c.label,
      proposal: segmentProposals[c.letter].proposal,
      customers: c.size,
      customerShare: round(customers ? c.size / customers : 0, 4),
      invoices: g.invoices,
      invoiceShare: round(all.invoices ? g.invoices / all.invoices : 0, 4),
      invoicedAmount: round(g.invoiced, 2),
      amountShare: round(all.invoiced > 0 ? g.invoiced / all.invoiced : 0, 4),
      outstanding: round(g.outstanding, 2),
      outstandingShare: round(all.outstanding > 0 ? g.outstanding / all.outstanding : 0, 4),
      averageOutstanding: round(c.size ? g.outstanding / c.size : 0, 2),
      dso: round(dso.get(c.name) ?? NaN, 2),
      meanPLate: round(meanPLate, 4),
      riskLevel: clusterRiskLevel(meanPLate, portfolioPLate),
      riskScore: round(c.riskScore, 4),
      valueScore: round(c.valueScore, 4),
      means: Object.fromEntries(table.availableFeatures.map((key) => [key, round(c.means[key], featureDigits(key))]))
    };
  });
  return {
    k: fit.k,
    inertia: round(fit.inertia, 2),
    silhouette: round(fit.silhouette, 4),
    clusters,
    profile: {
      features: table.availableFeatures,
      z: profileMeans(table, fit).map((row) => row.map((v) => round(v, 4)))
    },
    agreement: {
      share: round(fit.agreement.agreement, 4),
      customers: fit.agreement.customers,
      letters: segmentLetters,
      // crossTab[i][j]: customers whose cluster has letter i and whom the rule rates j.
      crossTab: fit.agreement.crossTab
    }
  };
}

function featureDigits(key: CustomerFeatureKey): number {
  const unit = customerFeatureSpecs.find((s) => s.key === key)!.unit;
  return unit === "currency" || unit === "days" || unit === "score" ? 2 : 4;
}

/** Mean standardised value of each available feature per cluster (rows: clusters; columns: availableFeatures). */
function profileMeans(table: CustomerFeatureTable, fit: SegmentationForK): number[][] {
  const keys = table.availableFeatures;
  const sums = fit.clusters.map(() => new Float64Array(keys.length));
  const counts = fit.clusters.map(() => new Float64Array(keys.length));
  table.profiles.forEach((p, i) => {
    const rank = fit.assignments[i];
    keys.forEach((key, j) => {
      const z = p.z[key];
      if (z === undefined) return;
      sums[rank][j] += z;
      counts[rank][j] += 1;
    });
  });
  return sums.map((row, rank) => Array.from(row, (sum, j) => (counts[rank][j] ? sum / counts[rank][j] : NaN)));
}
