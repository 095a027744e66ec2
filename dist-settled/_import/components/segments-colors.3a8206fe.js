import * as d3 from "../../_node/d3@7.9.2/index.c8f1bfbe.js";
import { segmentColors } from "./palette.3e60629a.js";
export function clusterColorScale(clusters) {
  const domain = clusters.map((c) => c.name);
  const distinctLetters = clusters.every((c) => c.name === c.letter && c.letter in segmentColors);
  if (distinctLetters) {
    return { domain, range: clusters.map((c) => segmentColors[c.letter]), segmentColours: true };
  }
  const scheme = d3.schemeObservable10 ?? d3.schemeTableau10;
  return { domain, range: domain.map((_, i) => scheme[i % scheme.length]), segmentColours: false };
}
