// Every generated sentence of the report's pages, from the data files as the pages read them, calling
// the same lib/views functions with the same arguments (src/*.md). Used to read a whole report built from
// an unusual ledger without a browser; the browser tests check the rendered pages themselves.
import type {ReportFiles} from "../../lib/pipeline/contract.js";
import {compileTiming} from "../../lib/portfolio/paymentTiming.js";
import {openInvoicesFromTable} from "../../lib/portfolio/openInvoiceTable.js";
import {prepareScenario, runScenario} from "../../lib/portfolio/scenario.js";
import * as backtest from "../../lib/views/backtest.js";
import {backtestFinding, isScored} from "../../lib/views/backtestVerdicts.js";
import * as replay from "../../lib/views/replay.js";
import * as caseStudy from "../../lib/views/caseStudy.js";
import {generatorNotes} from "../../lib/views/data.js";
import * as kpis from "../../lib/views/kpis.js";
import * as model from "../../lib/views/model.js";
import * as overview from "../../lib/views/overview.js";
import * as scenarios from "../../lib/views/scenarios.js";
import * as segments from "../../lib/views/segments.js";
import {unsegmentedReason} from "../../lib/views/definitions/segments.js";
import * as strategy from "../../lib/views/strategy.js";

// The files are JSON: their shapes are checked by the stage tests, not here.
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Page → its generated sentences, in page order. */
export function pageSentences(files: ReportFiles): Record<string, string[]> {
  const f = files as Record<string, Json>;
  const {meta, model: m, kpis: k, segments: seg, strategy: st, scenario: sc} = f;
  const facts = f["overview-facts"];
  const bins = f["score-bins"];
  const currency = meta.currency;
  // A ledger whose history cannot train a model gets the stand-in (lib/model/skipped.ts): the pages that
  // read a model show only its note (src/components/model-missing.ts), written from the same file.
  const skipped = Boolean(m.skipped);
  const narrative = skipped ? null : m.narrative;
  const hasOpen = k.aging.count > 0;

  const pages: Record<string, string[]> = {};
  const lateCard = overview.predictedLateCard(facts);
  pages["/"] = [
    overview.overviewLede(facts, meta.asOf),
    `${lateCard.value}: ${lateCard.note}`,
    ...overview.keyFindings(facts, narrative, k.topRiskyCustomers, skipped ? m.summary : undefined).map((x) => x.text),
    overview.strategyMixFinding(facts),
    ...overview.nextSteps(facts, narrative, k.topRiskyCustomers, sc.options.averageDailySales).map((x) => x.text),
    backtestFinding(files.backtest)?.text ?? "",
    skipped ? `No prediction model: the ledger has ${m.reason}.` : ""
  ];
  pages["/data"] = generatorNotes(meta).map(([, text]) => text);

  pages["/model"] = skipped ? [`The ledger has ${m.reason}.`, m.rule] : modelSentences(m, bins, narrative);

  if (seg.available) {
    const chosen = seg.perK.find((s: Json) => s.k === seg.choice.k);
    const card = segments.exposureKpi(chosen.clusters, currency);
    pages["/segments"] = [
      `${card.title}: ${card.value}, ${card.note}`,
      segments.clusterTableTitle(seg.choice.k, chosen.clusters),
      segments.segmentsLede({customers: seg.customers, minSettled: seg.thinHistory.minSettled, k: seg.choice.k, clusters: chosen.clusters, currency, decidedBy: seg.choice.decidedBy}),
      segments.elbowFinding(seg.kCurve, seg.choice),
      segments.silhouetteFinding(seg.kCurve, seg.choice),
      segments.exposureFinding(chosen.clusters),
      segments.agreementFinding(chosen.agreement),
      ...segments.segmentObservations(chosen.clusters, currency).map((o) => o.text),
      ...chosen.clusters.map((c: Json) => segments.clusterDescription(c, currency))
    ];
  } else pages["/segments"] = [unsegmentedReason(seg)];
  const thinOutstanding = (seg.thinHistory.rows.outstanding ?? []).reduce((s: number, v: number | null) => s + (v ?? 0), 0);
  pages["/segments"].push(segments.thinHistoryFinding(seg.thinHistory, thinOutstanding, seg.customers.total, currency));

  const view = strategy.fileView(st);
  pages["/strategy"] = [
    strategy.strategyThemesFinding(view.themes, {currency, totalInvoices: view.totalInvoices}),
    ...(hasOpen ? [strategy.matrixFinding(view.grid, {currency}), strategy.restrictFinding(view.table), strategy.segmentMixTitle(view.segments)] : []),
    ...view.segments.map((row) => strategy.segmentMixFinding(row, {currency})),
    strategy.timelineFinding(strategy.actionTimeline())
  ].filter(Boolean);

  const shortSegment = (s: string | null) => (s === null ? "Not segmented" : `Segment ${s}`);
  const highCutoff = k.riskDistribution.find((b: Json) => b.band === "high")?.lo ?? 0.6;
  pages["/kpis"] = [
    kpis.dsoFinding(k.cards),
    kpis.dsoTrendFinding(k.series),
    ...(hasOpen
      ? [
          kpis.agingFinding(k.aging.rows, {currency}),
          kpis.agingShiftFinding(k.agingShift.rows, k.agingShift.horizonDays, {currency}),
          kpis.riskDistributionFinding(k.riskDistribution, highCutoff),
          kpis.topCustomersFinding(k.topRiskyCustomers, facts.cashAtRisk, {currency})
        ]
      : []),
    ...(k.segments.rows.some((r: Json) => r.segment !== null) ? [kpis.segmentDsoFinding(k.segments.rows, shortSegment)] : [])
  ];

  const scenarioOpen = sc.openInvoices.invoices.length > 0;
  pages["/scenarios"] = [];
  if (!scenarioOpen) {
    // The page still runs the opening scenario for its cards and charts.
    const prepared = prepareScenario(openInvoicesFromTable(sc.openInvoices), compileTiming(sc.timingModel), sc.asOf, sc.options);
    pages["/scenarios"].push(scenarios.decisionFinding(runScenario(prepared, sc.defaults), {currency}));
  } else {
    const prepared = prepareScenario(openInvoicesFromTable(sc.openInvoices), compileTiming(sc.timingModel), sc.asOf, sc.options);
    const result = runScenario(prepared, sc.defaults);
    const horizonDays = sc.options.horizonDays;
    pages["/scenarios"].push(
      scenarios.scenarioLede(result, {horizonDays, weeks: sc.forecast.weeks.length, currency}),
      scenarios.forecastFinding(scenarios.scenarioForecastRows(sc.forecast.weeks, result.cashByWeek, {scale: sc.sample.scale.amount}), {currency}),
      scenarios.decisionFinding(result, {currency}),
      scenarios.agingFinding(result.aging, {horizonDays, currency}),
      scenarios.customersFinding(scenarios.customerImpacts(prepared, result, {limit: 10}))
    );
  }

  const bt = files.backtest, own = bt.report;
  pages["/backtest"] = [
    replay.replayNote(files.replay) ?? "",
    backtest.backtestLede(bt),
    backtest.noModelSentence(bt) ?? "",
    replay.replayReason(files.replay, f.cleaning.asOfRule),
    ...(isScored(own)
      ? [backtest.rankingSentence({...bt, report: own}, narrative?.testAuc ?? null), backtest.openBookCalibration({...bt, report: own}), backtest.captureSentence(own), backtest.forecastSentence(own), backtest.bookSentence(own), backtest.bookTitle(own)]
      : [backtest.notScoredNote(bt)]),
    backtest.rollingSentence(bt),
    ...(bt.noModel ? [] : [backtest.originRule(bt), backtest.reuseRule(bt), backtest.skippedOrigins(bt)])
  ];

  pages["/case-study"] = skipped ? [`The ledger has ${m.reason}.`, m.rule] : [
    caseStudy.problemFigures(facts, meta.asOf),
    caseStudy.strategyResult(facts).result,
    caseStudy.sourceStep(meta),
    caseStudy.segmentFeatures(seg),
    caseStudy.segmentResult(seg.choice?.k, facts.topSegment),
    caseStudy.modelResult(narrative, {invoices: narrative.testInvoices, from: m.split.testStart}),
    caseStudy.imbalanceOpening(narrative.baseRate),
    caseStudy.dataLimitation(meta)
  ];
  for (const page of Object.keys(pages)) pages[page] = pages[page].filter((sentence) => sentence !== "");
  return pages;
}

/**
 * What a sentence must never say: a broken value, an em-less dash standing for a missing figure, a share
 * of nothing, or a plural of one.
 */
export function sentenceProblems(sentence: string): string[] {
  const checks: [RegExp, string][] = [
    [/\b(NaN|undefined|Infinity|null)\b/, "a broken value"],
    [/(^|[\s(])[–-](?=$|[\s).,;:])/, "a dash for a missing figure"],
    [/\$0 of the \$0|of the \$0 open/, "a share of nothing"],
    [/(?<![\d.])1 (customers|invoices|days|groups|features)\b/, "a plural of one"],
    [/(?<![\d.])(0|0\.0) days? (against|above)/, "a comparison of nothing"],
    [/\ba [AEIOU]\b/, "a for an"]
  ];
  return checks.filter(([pattern]) => pattern.test(sentence)).map(([, what]) => `${what}: ${sentence}`);
}

/** The Model page's sentences (src/model.md) about a fitted model. */
function modelSentences(m: Json, bins: Json, narrative: Json): string[] {
  const chosenImportance = m.importance.find((e: Json) => e.family === m.selection.family);
  const sweep = model.thresholdSweep(bins);
  const outcome = model.thresholdOutcome(bins, bins.threshold);
  return [
    model.modelLede(narrative),
    model.modelDetail(narrative, chosenImportance),
    model.droppedFeaturesNote(m.features.dropped),
    model.thresholdSentence(outcome, bins.currency),
    model.thresholdFinding(outcome),
    model.tradeoffFinding(sweep, bins.threshold),
    model.scoreDistributionFinding(bins),
    model.imbalanceFinding(m.comparison),
    model.comparisonFinding(m.selection),
    model.rocFinding(m.curves),
    model.prFinding(m.curves.find((c: Json) => c.family === m.selection.family) ?? m.curves[0], m.baseRate),
    model.calibrationFinding(m.calibration),
    model.brierFinding(m.calibration, m.baseRate),
    ...m.importance.map((e: Json) => model.importanceFinding(e))
  ];
}
