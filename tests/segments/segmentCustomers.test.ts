import {describe, expect, it} from "vitest";
import {createRandom} from "../../lib/core/random.js";
import {customerFeatures} from "../../lib/segments/customerFeatures.js";
import {segmentCustomers} from "../../lib/segments/segmentCustomers.js";
import {fourGroupWorld} from "../fixtures/segments/invoices.js";

describe("segmentCustomers", () => {
  const world = fourGroupWorld(40, createRandom(21), 5);
  const table = customerFeatures(world.invoices, {asOf: world.asOf});
  const segmentation = segmentCustomers(table, {}, createRandom(22));

  it("precomputes every k from 2 to 10", () => {
    expect(segmentation.perK.map((r) => r.k)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const r of segmentation.perK) {
      expect(r.assignments).toHaveLength(160);
      expect(r.clusters).toHaveLength(r.k);
      expect(r.centroids.rows).toBe(r.k);
      expect(r.centroids.cols).toBe(table.clusteringFeatures.length);
      expect(r.clusters.reduce((s, c) => s + c.size, 0)).toBe(160);
      expect(r.silhouetteExact).toBe(true);
      // Ranks index the clusters; names are distinct.
      r.clusters.forEach((c, i) => expect(c.cluster).toBe(i));
      expect(new Set(r.clusters.map((c) => c.name)).size).toBe(r.k);
      r.assignments.forEach((rank, i) => expect(r.letters[i]).toBe(r.clusters[rank].letter));
    }
    expect(segmentation.customerIds).toHaveLength(160);
    expect(segmentation.pca.pc1).toHaveLength(160);
  });

  it("chooses four and names the built-in groups", () => {
    expect(segmentation.choice.k).toBe(4);
    const k4 = segmentation.perK[2];
    expect(k4.clusters.map((c) => c.name)).toEqual(["A", "B", "C", "D"]);
    // Every customer but the odd one whose draws made it look like a neighbouring group.
    const matches = segmentation.customerIds.filter((id, i) => world.group.get(id) === k4.letters[i]).length;
    expect(matches).toBeGreaterThanOrEqual(158);
    // The rule-based rating agrees on this clean world, save perhaps a few borderline customers.
    expect(k4.agreement.agreement).toBeGreaterThan(0.9);
    // Cluster profiles in raw units: B pays much later than A.
    expect(k4.clusters[1].means.averageDelay!).toBeGreaterThan(k4.clusters[0].means.averageDelay! + 10);
  });

  it("is deterministic for a seed", () => {
    const again = segmentCustomers(table, {}, createRandom(22));
    expect(again.perK.map((r) => [r.inertia, r.silhouette])).toEqual(segmentation.perK.map((r) => [r.inertia, r.silhouette]));
    expect(again.perK[5].assignments).toEqual(segmentation.perK[5].assignments);
  });

  it("refuses too few customers", () => {
    const small = customerFeatures(fourGroupWorld(0, createRandom(1), 3).invoices, {asOf: world.asOf});
    expect(() => segmentCustomers(small, {}, createRandom(1))).toThrow(/customers with enough history/);
  });
});
