import {describe, expect, it} from "vitest";
import {createRandom} from "../../lib/core/random.js";
import {customerFeatures} from "../../lib/segments/customerFeatures.js";
import {fitKMeans} from "../../lib/segments/kmeans.js";
import {customerScores, nameClusters, quadrantOf} from "../../lib/segments/naming.js";
import {fourGroupWorld} from "../fixtures/segments/invoices.js";

describe("quadrantOf", () => {
  it("places risk × value on the A–D grid around the average customer", () => {
    expect(quadrantOf(-0.5, 0.5)).toBe("A");
    expect(quadrantOf(0.5, 0.5)).toBe("B");
    expect(quadrantOf(-0.5, -0.5)).toBe("C");
    expect(quadrantOf(0.5, -0.5)).toBe("D");
  });
});

describe("customerScores", () => {
  it("averages the signed standardised features that are present", () => {
    const z = [
      {averageDelay: 1, onTimeShare: -1, totalInvoiced: 2, outstanding: 0},
      {averageDelay: -1, onTimeShare: 0.5, totalInvoiced: -1, outstanding: -2}
    ];
    const scores = customerScores(z);
    expect(Array.from(scores.risk)).toEqual([(1 + 1) / 2, (-1 - 0.5) / 2]);
    expect(Array.from(scores.value)).toEqual([1, -1.5]);
    expect(scores.riskFeatures).toEqual(["averageDelay", "onTimeShare"]);
    const withModel = customerScores(z.map((row, i) => ({...row, predictedLate: i ? -3 : 3})));
    expect(Array.from(withModel.risk)).toEqual([(1 + 1 + 3) / 3, (-1 - 0.5 - 3) / 3]);
  });
});

describe("nameClusters", () => {
  // Six customers in four clusters; scores chosen by hand.
  const risk = Float64Array.from([-1, -1, 1, 2, -0.5, 1.5]);
  const value = Float64Array.from([1, 1, 1, -1, -1, -2]);
  const assignments = [0, 0, 1, 2, 3, 2];

  it("names and orders clusters by their profile", () => {
    const naming = nameClusters(assignments, 4, {risk, value});
    expect(naming.clusters.map((c) => [c.name, c.cluster, c.size])).toEqual([
      ["A", 0, 2],
      ["B", 1, 1],
      ["C", 3, 1],
      ["D", 2, 2]
    ]);
    expect(naming.clusters[3].riskScore).toBeCloseTo(1.75, 15);
    expect(naming.clusters[3].valueScore).toBeCloseTo(-1.5, 15);
    expect(naming.nameOf).toEqual(["A", "B", "D", "C"]);
    expect(Array.from(naming.ranks)).toEqual([0, 0, 1, 3, 2, 3]);
  });

  it("gives the same name to every customer however the clusters are numbered", () => {
    const base = nameClusters(assignments, 4, {risk, value});
    for (const permutation of [[3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]]) {
      const relabelled = assignments.map((c) => permutation[c]);
      const naming = nameClusters(relabelled, 4, {risk, value});
      expect(relabelled.map((c) => naming.nameOf[c])).toEqual(assignments.map((c) => base.nameOf[c]));
      expect(naming.ranks).toEqual(base.ranks);
    }
  });

  it("numbers clusters sharing a quadrant by rising risk", () => {
    // Three low-risk high-value clusters and one high-risk low-value one.
    const r = Float64Array.from([-0.2, -0.9, -0.5, 1]);
    const v = Float64Array.from([1, 1, 1, -1]);
    const naming = nameClusters([0, 1, 2, 3], 4, {risk: r, value: v});
    expect(naming.clusters.map((c) => `${c.name}=${c.cluster}`)).toEqual(["A1=1", "A2=2", "A3=0", "D=3"]);
    expect(naming.clusters.every((c, i) => c.rank === i)).toBe(true);
  });

  it("gives the same names for another restart seed", () => {
    const world = fourGroupWorld(25, createRandom(8));
    const table = customerFeatures(world.invoices, {asOf: world.asOf});
    const scores = customerScores(table.profiles.map((p) => p.z));
    const rawLabels = new Set<string>();
    const names = (seed: number) => {
      const fit = fitKMeans(table.matrix, 4, {restarts: 3}, createRandom(seed));
      rawLabels.add(fit.assignments.join(","));
      const naming = nameClusters(fit.assignments, 4, scores);
      return Array.from(fit.assignments, (c) => naming.nameOf[c]);
    };
    const first = names(1);
    for (const seed of [2, 3, 4]) expect(names(seed)).toEqual(first);
    // The seeds numbered the clusters differently; the names did not change.
    expect(rawLabels.size).toBeGreaterThan(1);
    // And the names are the groups the world was built with.
    expect(first).toEqual(table.profiles.map((p) => world.group.get(p.customerId)));
  });
});
