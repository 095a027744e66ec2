// The whole report, from a sourced ledger to the files the pages read. Pure: the loader does the I/O.
import {dataStage} from "./data.js";
import type {SourcedLedger} from "./source.js";
import type {ReportFiles, StageHook} from "./types.js";

export interface ReportOptions {
  seed: number;
  onStage?: StageHook;
}

export interface Report {
  /** name → JSON value, written as `<name>.json`. */
  files: ReportFiles;
  /** name → CSV lines, written as `<name>.csv` (downloads). */
  downloads: Record<string, () => Iterable<string>>;
}

export function buildReport(sourced: SourcedLedger, {onStage}: ReportOptions): Report {
  const stage = <T>(name: string, run: () => T): T => {
    onStage?.({stage: name, phase: "start"});
    const result = run();
    onStage?.({stage: name, phase: "end"});
    return result;
  };
  const data = stage("data", () => dataStage(sourced));
  return {files: {...data.files}, downloads: {"cleaned-ledger": data.cleanedCsv}};
}
