import {describe, expect, test} from "vitest";
import {
  agreementFinding, clusterDescription, segmentObservations, biplotFinding, clusterTotals, countWord, definingLoadings, delayPhrase, disagreements,
  clusterTableTitle, elbowFinding, exposureKpi, exposureFinding, joinAnd, profileFinding, quadrantPhrase, segmentsLede, silhouetteFinding,
  thinHistoryFinding
} from "../../lib/views/segments.js";
import type {Agreement, ClusterRow, Loading} from "../../lib/views/segments.js";
import type {SegmentLetter} from "../../lib/segments/letters.js";
import type {ClusterRow as ClusterFile} from "../../lib/pipeline/contract.js";

function cluster(overrides: Partial<ClusterRow> & Pick<ClusterRow, "name">): ClusterRow {
  return {
    cluster: 0,
    letter: overrides.name[0] as SegmentLetter,
    label: "Low risk · High value",
    proposal: "Reward",
    customers: 10,
    invoices: 100,
    invoicedAmount: 1000,
    amountShare: 0.25,
    customerShare: 0.25,
    outstanding: 100,
    outstandingShare: 0.25,
    meanPLate: 0.2,
    riskLevel: "Medium",
    means: {},
    ...overrides
  };
}

// Two hand-made clusters: A owns most of the open amount and pays reliably; B is small and late.
const clusters = [
  cluster({name: "A", customers: 30, customerShare: 0.3, invoices: 600, outstanding: 800_000, outstandingShare: 0.8, meanPLate: 0.1, riskLevel: "Low", means: {averageDelay: -2}}),
  cluster({
    name: "B",
    label: "High risk · High value",
    customers: 70,
    customerShare: 0.7,
    invoices: 400,
    outstanding: 200_000,
    outstandingShare: 0.2,
    meanPLate: 0.6,
    riskLevel: "High",
    means: {averageDelay: 41}
  })
];

describe("small words", () => {
  test("countWord, joinAnd, quadrantPhrase, delayPhrase", () => {
    expect(countWord(4)).toBe("four");
    expect(countWord(10)).toBe("ten");
    expect(countWord(1234)).toBe("1,234");
    expect(joinAnd([])).toBe("");
    expect(joinAnd(["A"])).toBe("A");
    expect(joinAnd(["A", "B", "C"])).toBe("A, B and C");
    expect(quadrantPhrase("High risk · Low value")).toBe("high risk, low value");
    expect(delayPhrase(41)).toBe("pay 41.0 days late on average");
    expect(delayPhrase(-2.5, "pays")).toBe("pays 2.5 days early on average");
    expect(delayPhrase(null)).toBeNull();
  });
});

describe("segmentsLede", () => {
  test("names the groups, where the open amount sits and where the riskiest money is", () => {
    const text = segmentsLede({customers: {clustered: 100, total: 120}, minSettled: 5, k: 2, clusters, currency: "USD"});
    expect(text).toBe(
      "100 of the 120 customers have at least five settled invoices, enough history to group by how they pay; the elbow rule finds two behaviour groups: " +
        "A (low risk, high value, 30 customers) and B (high risk, high value, 70 customers). " +
        "The open amount sits mostly with A: $800K, 80% of it, from 30% of the customers, and its customers pay reliably (mean predicted P(late) 10.0%). " +
        "The riskiest money is B’s $200K (20%): its 70 customers pay 41.0 days late on average and carry a mean predicted P(late) of 60%."
    );
  });

  test("one sentence less when the largest exposure is also the riskiest; another wording for a k the reader picked", () => {
    const risky: ClusterRow[] = [{...clusters[0], meanPLate: 0.9, riskLevel: "High"}, clusters[1]];
    const text = segmentsLede({customers: {clustered: 100, total: 100}, minSettled: 3, k: 2, clusters: risky, currency: "EUR", chosen: false});
    expect(text).toContain("at this k there are two behaviour groups");
    expect(text).toContain("€800K");
    expect(text).not.toContain("pay reliably");
    expect(text).not.toContain("riskiest");
    const overruled = segmentsLede({customers: {clustered: 100, total: 100}, minSettled: 3, k: 2, clusters, currency: "USD", decidedBy: "silhouette"});
    expect(overruled).toContain("the silhouette check finds two behaviour groups");
  });

  test("contrary data: a largest share of half or less is not 'mostly'; nothing open says so", () => {
    const even = [{...clusters[0], outstandingShare: 0.45}, {...clusters[1], outstanding: 700_000, outstandingShare: 0.4}];
    const text = segmentsLede({customers: {clustered: 100, total: 120}, minSettled: 5, k: 2, clusters: even, currency: "USD"});
    expect(text).toContain("The open amount sits in no one group: the largest part is with A: $800K, 45% of it");
    expect(text).not.toContain("mostly");
    const closed = clusters.map((c) => ({...c, outstanding: 0, outstandingShare: 0}));
    const none = segmentsLede({customers: {clustered: 100, total: 120}, minSettled: 5, k: 2, clusters: closed, currency: "USD"});
    expect(none).toMatch(/behaviour groups: .*\. None of them has anything open at the report date\.$/);
    expect(none).not.toMatch(/\$0|0%|riskiest/);
    expect(exposureFinding(closed)).toBe("No cluster has anything open at the report date");
    expect(exposureKpi(clusters, "USD")).toEqual({title: "Largest exposure: A", value: "$800K", note: "80% of the open amount · Low risk · High value"});
    expect(exposureKpi(closed, "USD")).toEqual({title: "Open amount", value: "$0", note: "no cluster has anything open"});
    expect(clusterTableTitle(2, clusters)).toBe("2 clusters at k = 2: A 80%, B 20% of the open amount");
    expect(clusterTableTitle(2, closed)).toBe("2 clusters at k = 2; none has anything open at the report date");
  });

  test("missing numbers leave their sentence out rather than print NaN", () => {
    const blank = clusters.map((c) => ({...c, outstanding: null, outstandingShare: null, meanPLate: null}));
    const text = segmentsLede({customers: {clustered: 100, total: 100}, minSettled: 5, k: 2, clusters: blank, currency: "USD"});
    expect(text).not.toMatch(/NaN|undefined|null/);
    expect(text.split(". ").length).toBe(1);
  });
});

const curve = {k: [2, 3, 4, 5], inertia: [1000, 700, 500, 450], silhouette: [0.4, 0.3, 0.32, 0.25]};

describe("k choice titles", () => {
  test("elbow: the bend, how far inertia fell, and how little each later segment adds", () => {
    // Before the bend: (1000 − 500) / 1000 / 2 = 25% of k = 2's spread per segment; after: 50 / 1000 / 1 = 5%, under a third of 25%.
    expect(elbowFinding(curve, {k: 4, elbowK: 4, silhouetteK: 2, decidedBy: "elbow"})).toBe(
      "The curve bends at k = 4 (within-cluster spread 50% below k = 2): more segments buy little after that — each extra segment lowers the spread by 5% of k = 2's, against 25% before it"
    );
  });
  test("contrary data: a curve that keeps falling after the bend does not 'buy little'", () => {
    // After: (500 − 250) / 1000 / 1 = 25% per segment, as much as before.
    const steady = {...curve, inertia: [1000, 700, 500, 250]};
    const text = elbowFinding(steady, {k: 4, elbowK: 4, silhouetteK: 2, decidedBy: "elbow"});
    expect(text).toBe("The curve bends only softly at k = 4 (within-cluster spread 50% below k = 2): each extra segment lowers the spread by 25% of k = 2's, against 25% before it");
    expect(text).not.toContain("buy little");
  });
  test("silhouette: clearly from 0.5, weakly above 0.25, hardly below (Kaufman and Rousseeuw)", () => {
    expect(silhouetteFinding(curve, {k: 4, elbowK: 4, silhouetteK: 2, decidedBy: "elbow"})).toBe("Separation peaks at k = 2 (0.40); k = 4 separates only weakly (0.32)");
    const clear = {...curve, silhouette: [0.7, 0.6, 0.55, 0.4]};
    expect(silhouetteFinding(clear, {k: 4, elbowK: 4, silhouetteK: 2, decidedBy: "elbow"})).toBe("Separation peaks at k = 2 (0.70); k = 4 still separates clearly (0.55)");
    const none = {...curve, silhouette: [0.3, 0.2, 0.18, 0.1]};
    expect(silhouetteFinding(none, {k: 4, elbowK: 4, silhouetteK: 2, decidedBy: "elbow"})).toBe("Separation peaks at k = 2 (0.30); k = 4 hardly separates (0.18)");
    expect(silhouetteFinding(curve, {k: 2, elbowK: 2, silhouetteK: 2, decidedBy: "elbow"})).toBe("Clusters separate best at k = 2 (mean silhouette 0.40), though only weakly");
    expect(silhouetteFinding(clear, {k: 2, elbowK: 2, silhouetteK: 2, decidedBy: "elbow"})).toBe("Clusters separate best at k = 2 (mean silhouette 0.70), and clearly so");
  });
});

describe("biplotFinding", () => {
  const loadings: Loading[] = [
    {feature: "averageDelay", label: "Average payment delay", pc1: -0.48, pc2: -0.05},
    {feature: "totalInvoiced", label: "Total invoiced", pc1: -0.02, pc2: 0.71},
    {feature: "onTimeShare", label: "On-time share", pc1: 0.5, pc2: 0.09},
    {feature: "mystery", label: "Mystery index", pc1: 0.1, pc2: -0.69}
  ];
  test("the strongest loadings first, in the features' own words", () => {
    expect(definingLoadings(loadings, "pc1").map((l) => l.feature)).toEqual(["onTimeShare", "averageDelay"]);
    expect(definingLoadings(loadings, "pc1", {threshold: 0.9}).map((l) => l.feature)).toEqual(["onTimeShare"]);
    expect(biplotFinding(loadings, [0.478, 0.2216])).toBe(
      "Customers further right pay more invoices on time and pay earlier (PC1, 48% of the variance); " +
        "customers higher up are invoiced more and have lower mystery index (PC2, 22%)."
    );
  });
  test("a single component", () => {
    expect(biplotFinding(loadings.slice(0, 1), [1, null])).toBe("Customers further right pay earlier (PC1, 100% of the variance).");
    expect(biplotFinding([], [])).toBe("");
  });
});

describe("table and chart titles", () => {
  test("exposure", () => {
    expect(exposureFinding(clusters)).toBe("A holds 80% of the open amount with 30% of the customers");
    expect(exposureFinding([])).toBe("No cluster has anything open at the report date");
  });
  test("profile: the largest |z|", () => {
    expect(
      profileFinding([
        {cluster: "A", feature: "onTimeShare", label: "On-time share", z: 0.4},
        {cluster: "B", feature: "negotiationFrequency", label: "Negotiation frequency", z: 2.2011},
        {cluster: "B", feature: "onTimeShare", label: "On-time share", z: -2.01}
      ])
    ).toBe("B departs most from the average: its customers ask for extensions more often (2.2 standard deviations above)");
    expect(profileFinding([{cluster: "C", feature: "x", label: "X score", z: -1.25}])).toBe(
      "C departs most from the average: its customers have lower x score (1.3 standard deviations below)"
    );
  });
  test("totals: sums, and P(late) weighted by invoices", () => {
    const t = clusterTotals(clusters);
    expect(t).toMatchObject({customers: 100, invoices: 1000, invoicedAmount: 2000, outstanding: 1_000_000});
    expect(t.meanPLate).toBeCloseTo((0.1 * 600 + 0.6 * 400) / 1000, 12);
    expect(clusterTotals([]).meanPLate).toBeNaN();
  });
});

describe("agreement with the rule", () => {
  const agreement: Agreement = {
    share: 0.7106,
    customers: 895,
    letters: ["A", "B", "C", "D"],
    crossTab: [
      [229, 5, 5, 0],
      [1, 43, 2, 32],
      [96, 0, 284, 0],
      [26, 47, 45, 80]
    ]
  };
  test("off-diagonal cells, largest first", () => {
    expect(disagreements(agreement).slice(0, 3)).toEqual([
      {clusterLetter: "C", ruleLetter: "A", customers: 96},
      {clusterLetter: "D", ruleLetter: "B", customers: 47},
      {clusterLetter: "D", ruleLetter: "C", customers: 45}
    ]);
  });
  test("the sentence", () => {
    expect(agreementFinding(agreement)).toBe(
      "The clusters and the rule give the same letter to 636 of the 895 customers (71%). " +
        "The largest disagreement: 96 customers in a C cluster whom the rule rates A, then 47 D rated B."
    );
    expect(agreementFinding({...agreement, share: null, customers: 0})).toBe("No customers to compare.");
  });
});

describe("thinHistoryFinding", () => {
  test("count, reason and what is listed", () => {
    expect(thinHistoryFinding({count: 105, minSettled: 5, shown: 50}, 1_234_567, 1000, "USD")).toBe(
      "105 of the 1,000 customers have fewer than five settled invoices: too little history to say how they pay, so they are not clustered on noise. " +
        "The 50 with the largest open amounts are listed; together they owe $1.2M."
    );
    expect(thinHistoryFinding({count: 3, minSettled: 5, shown: 3}, 900, 10, "USD")).toMatch(/Together they owe \$900\.$/);
    expect(thinHistoryFinding({count: 0, minSettled: 5, shown: 0}, 0, 10, "USD")).toBe("Every customer has at least five settled invoices, so all are clustered.");
  });
});

describe("the cluster table in words", () => {
  // Two clusters as segments.json ships them (rounded): C holds the money and pays steadily, D pays late.
  const row = (overrides: Partial<ClusterFile> & Pick<ClusterFile, "cluster" | "letter" | "name" | "label">): ClusterFile => ({
    proposal: "Automate", customers: 664, customerShare: 0.66, invoices: 9000, invoiceShare: 0.6, invoicedAmount: 40_000_000, amountShare: 0.648,
    outstanding: 10_900_000, outstandingShare: 0.75, averageOutstanding: 16_400, dso: 38.4, meanPLate: 0.1234, riskLevel: "Low", riskScore: -0.5, valueScore: -0.2,
    means: {averageDelay: -1.25, onTimeShare: 0.8049, paymentConsistency: 3.1},
    ...overrides
  });
  const c = row({cluster: 0, letter: "C", name: "C", label: "Low risk · Low value"});
  const d = row({
    cluster: 1, letter: "D", name: "D", label: "High risk · Low value", customers: 231, outstanding: 3_600_000, outstandingShare: 0.25, amountShare: 0.179, dso: 68.2,
    meanPLate: 0.5243, means: {averageDelay: 26.9, onTimeShare: 0.45, paymentConsistency: 22.04}
  });

  test("a cluster's card: who its customers are and how they pay", () => {
    expect(clusterDescription(d, "USD")).toBe(
      "231 customers who pay on average 26.9 days late, 45% of invoices on time; 17.9% of the amount invoiced, $3.6M outstanding (DSO 68 days), mean predicted P(late) 52.4%."
    );
    expect(clusterDescription(c, "USD")).toMatch(/^664 customers who pay on average 1\.3 days early, 80% of invoices on time; 64\.8% of/);
    expect(clusterDescription({...d, means: {}}, "USD")).toMatch(/^231 customers; 17\.9% of the amount invoiced/);
  });

  test("what stands out: the largest exposure, the highest delay, the steadiest payers", () => {
    expect(segmentObservations([c, d], "USD")).toEqual([
      {kind: "largestExposure", name: "C", text: "Largest exposure: C (Low risk · Low value) owes $10.9M, 75.0% of the segmented customers' open amount, across 664 customers."},
      {kind: "highestDelay", name: "D", text: "Highest delay: D (High risk · Low value) pays on average 26.9 days late (amount-weighted), with 45% of invoices on time; mean predicted P(late) 52.4%."},
      {kind: "steadiestPayers", name: "C", text: "Steadiest payers: C (Low risk · Low value), whose payment delays vary least (standard deviation 3.1 days) and 80% of invoices are paid on time."}
    ]);
    // A feature the ledger lacks leaves its observation out.
    expect(segmentObservations([{...c, means: {}}, {...d, means: {}}], "USD").map((o) => o.kind)).toEqual(["largestExposure"]);
  });
});
