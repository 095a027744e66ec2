// Each strategy's action plan on one axis of days relative to the due date: when the collector acts, and
// through which channel. The shape of a channel's symbol repeats what its legend says.
import * as Plot from "@observablehq/plot";
import {offsetLabel, offsetShort, strategyShortLabels, strategyTinyLabels} from "../lib/views/strategy.js";
import type {TimelinePoint} from "../lib/views/strategy.js";
import type {StrategyKey} from "../lib/portfolio/strategy.js";
import {strategyColors} from "./palette.js";

const channels = ["email", "phone", "letter", "account"] as const;
const channelNames: Record<(typeof channels)[number], string> = {email: "Email", phone: "Call", letter: "Letter", account: "Account change"};
const channelSymbols = ["circle", "triangle", "square", "diamond"] as const;

export function strategyTimelineChart(points: readonly TimelinePoint[], {width}: {width: number}) {
  const narrow = width < 520;
  const strategies = [...new Set(points.map((p) => p.strategy))] as StrategyKey[];
  const offsets = points.map((p) => p.offsetDays);
  const lo = Math.min(-14, ...offsets) - 2;
  const hi = Math.max(30, ...offsets) + 4;
  const rowName = (s: StrategyKey) => (narrow ? strategyTinyLabels[s] : strategyShortLabels[s]);
  const rows = strategies.map(rowName);
  return Plot.plot({
    width,
    height: 64 + rows.length * 44,
    marginLeft: narrow ? 66 : 128,
    marginRight: 12,
    marginTop: 28,
    ariaLabel: "Timeline of each strategy's planned actions, in days relative to the due date",
    ariaDescription: strategies
      .map((s) => `${strategyShortLabels[s]}: ${points.filter((p) => p.strategy === s).map((p) => `${p.action.toLowerCase()} ${offsetLabel(p.offsetDays)}`).join("; ")}`)
      .join(". "),
    x: {domain: [lo, hi], label: "Days from the due date →", grid: true, ticks: narrow ? 5 : 10, tickFormat: (d: number) => (d === 0 ? "due" : d > 0 ? `+${d}` : `−${-d}`)},
    y: {domain: rows, label: null, padding: 0.5},
    symbol: {legend: true, domain: channels.map((c) => channelNames[c]), range: [...channelSymbols]},
    marks: [
      Plot.ruleX([0], {stroke: "currentColor", strokeWidth: 1.5}),
      Plot.text([0], {x: (d: number) => d, frameAnchor: "top", dy: -18, text: () => "Due date", fill: "currentColor", fontWeight: 600}),
      // The span from the first to the last action of each plan.
      Plot.ruleY(strategies, {
        y: rowName,
        x1: (s: StrategyKey) => Math.min(...points.filter((p) => p.strategy === s).map((p) => p.offsetDays)),
        x2: (s: StrategyKey) => Math.max(...points.filter((p) => p.strategy === s).map((p) => p.offsetDays)),
        stroke: (s: StrategyKey) => strategyColors[s],
        strokeWidth: 2,
        strokeOpacity: 0.6
      }),
      Plot.dot(points, {
        x: "offsetDays",
        y: (p: TimelinePoint) => rowName(p.strategy),
        symbol: (p: TimelinePoint) => channelNames[p.channel],
        fill: (p: TimelinePoint) => strategyColors[p.strategy],
        stroke: "var(--theme-background)",
        r: 6,
        title: (p: TimelinePoint) => `${strategyShortLabels[p.strategy]}, ${offsetLabel(p.offsetDays)}: ${p.action} (${channelNames[p.channel].toLowerCase()})`
      }),
      // On a phone the offsets would collide; the axis carries them there.
      narrow ? null : Plot.text(points, {x: "offsetDays", y: (p: TimelinePoint) => rowName(p.strategy), text: (p: TimelinePoint) => offsetShort(p.offsetDays), dy: -13, fontSize: 10, fill: "currentColor"})
    ]
  });
}
