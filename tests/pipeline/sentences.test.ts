// Data files carry numbers, not sentences: the pages write the words (lib/views/). Every string a built
// report ships is checked; one longer than a name or a label is a sentence, and fails the test unless
// its path is one of the few listed below, each with the reason it is still shipped.
import {describe, expect, test} from "vitest";
import {buildReport} from "../../lib/pipeline/index.js";
import {syntheticLedger} from "../../lib/pipeline/source.js";

/** Longer than any customer name, label or id the files carry (the longest label is 43 characters). */
const sentenceLength = 60;

/** Paths (array indices as []) still shipping words, and why. */
const shippedWords: Record<string, string> = {
  // Read by src/data.md and written in lib/input/, lib/clean/ (the importer's rooms): to move with them.
  "cleaning.rules[].description": "cleaning rules, lib/clean/rules.ts",
  "dictionary.raw[].description": "raw columns, lib/input/ledger.ts",
  "dictionary.derived[].description": "derived columns, lib/pipeline/data.ts; read by src/data.md",
  "meta.source.dirt[].description": "the generator's dirt, lib/source/dirt.ts; read by src/data.md",
  // The worklist CSV download writes the same words, so they are decided once, at build time.
  "worklist.items.topFactors[]": "plain-words factors, lib/model/factors.ts; also in worklist.csv",
  // Action names of the collections playbook (lib/portfolio/strategy.ts), labels rather than sentences.
  "worklist.items.nextAction[]": "playbook action names; also in worklist.csv",
  "strategy.definitions[].actions[].action": "playbook action names",
  "strategy.table[].actions[].action": "playbook action names"
};

function longStrings(value: unknown, path: string, out: Map<string, string>): Map<string, string> {
  if (typeof value === "string") {
    if (value.length > sentenceLength && !out.has(path)) out.set(path, value);
  } else if (Array.isArray(value)) {
    for (const item of value) longStrings(item, `${path}[]`, out);
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) longStrings(item, path ? `${path}.${key}` : key, out);
  }
  return out;
}

describe("the data files", () => {
  const report = buildReport(syntheticLedger({invoices: 3000, customers: 120, seed: 7}), {seed: 7});

  test("carry no sentence but the listed ones", {timeout: 120_000}, () => {
    const found = new Map<string, string>();
    for (const [name, file] of Object.entries(report.files)) longStrings(file, name, found);
    const unlisted = [...found].filter(([path]) => !(path in shippedWords)).map(([path, text]) => `${path}: ${text}`);
    expect(unlisted).toEqual([]);
  });
});
