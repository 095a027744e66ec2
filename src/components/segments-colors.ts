// Colours for the clusters of one k. When every cluster has its own quadrant letter (always so at k = 4
// with four distinct quadrants), the site's segment colours A–D are used, so that a letter keeps its
// colour from page to page; when a letter repeats (A1, A2 at larger k) a categorical scheme tells the
// clusters apart, and the cluster names are always written on the charts as well.
import type {ClusterRow} from "../lib/pipeline/contract.js";
import * as d3 from "d3";
import {html} from "htl";
import {segmentColors} from "./palette.js";

/** A cluster as the colour scale needs it. */
export type ColoredCluster = Pick<ClusterRow, "name" | "letter">;

export interface ClusterColorScale {
  domain: string[];
  range: string[];
  /** Whether the colours are the site's segment colours (A–D) rather than a categorical scheme. */
  segmentColours: boolean;
}

export function clusterColorScale(clusters: readonly ColoredCluster[]): ClusterColorScale {
  const domain = clusters.map((c) => c.name);
  const distinctLetters = clusters.every((c) => c.name === c.letter && c.letter in segmentColors);
  if (distinctLetters) {
    return {domain, range: clusters.map((c) => segmentColors[c.letter as keyof typeof segmentColors]), segmentColours: true};
  }
  const scheme = d3.schemeObservable10 ?? d3.schemeTableau10;
  return {domain, range: domain.map((_, i) => scheme[i % scheme.length]), segmentColours: false};
}

/** A small colour square before a cluster's name; decorative, since the name is written beside it. */
export function swatch(color: string | undefined): HTMLElement {
  return html`<span class="swatch" style=${{background: color}} aria-hidden="true"></span>`;
}
