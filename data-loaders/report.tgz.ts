// The report's one loader: reads the input (synthetic or AR_DATA), runs the pipeline once, and writes
// every file the pages read into one archive on stdout. Nothing is written unless the whole pipeline
// succeeds, so a bad input leaves no half-built report; its error names the file, row and column.
import {isInputError} from "../lib/core/errors.js";
import {buildReport} from "../lib/pipeline/index.js";
import type {ArchiveEntry} from "./archive.js";
import {tarGz} from "./archive.js";
import {reportInput} from "./input.js";

async function main(): Promise<void> {
  const started = performance.now();
  const input = reportInput();
  process.stderr.write(`report: building from ${input.describe}\n`);
  const sourced = await input.load();
  const report = buildReport(sourced, {
    seed: input.seed,
    onStage: ({stage, phase}) => {
      if (phase === "end") process.stderr.write(`report: ${stage} done at ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    }
  });
  const entries: ArchiveEntry[] = [];
  for (const [name, value] of Object.entries(report.files)) entries.push({name: `${name}.json`, content: JSON.stringify(value)});
  for (const [name, lines] of Object.entries(report.downloads)) entries.push({name: `${name}.csv`, content: Array.from(lines()).join("")});
  process.stdout.write(tarGz(entries));
}

try {
  await main();
} catch (error) {
  if (!isInputError(error)) throw error;
  process.stderr.write(`\nAR Cashflow Intelligence cannot build the report from this input:\n  ${error.message}\n\n`);
  process.exit(1);
}
