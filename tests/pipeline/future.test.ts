// No stage reads anything dated after the report date: change every fact of the recorded future — the
// invoices issued after it, every payment, reminder and write-off dated after it, the undated flags of
// invoices still open on it — and every data file but the backtest's stays byte-identical. The same
// comparison shows a stage pointed at the history would be caught.
import {readFileSync} from "node:fs";
import {describe, expect, test} from "vitest";
import {parseIsoDay, formatIsoDay} from "../../lib/core/dates.js";
import type {Payment, RawRow} from "../../lib/input/ledger.js";
import {buildReport} from "../../lib/pipeline/index.js";
import {dataStage} from "../../lib/pipeline/data.js";
import {cleanSyntheticLedger, csvLedger, draftSyntheticLedger} from "../../lib/pipeline/source.js";
import type {SourcedLedger} from "../../lib/pipeline/source.js";

const backtestFiles = new Set(["backtest", "replay"]);

/** Every file the report writes, serialised, except the backtest's. */
function reportFiles(sourced: SourcedLedger): Map<string, string> {
  const report = buildReport(sourced, {seed: 7});
  const files = new Map<string, string>();
  for (const [name, value] of Object.entries(report.files)) if (!backtestFiles.has(name)) files.set(`${name}.json`, JSON.stringify(value));
  for (const [name, lines] of Object.entries(report.downloads)) files.set(`${name}.csv`, Array.from(lines()).join(""));
  files.set("backtest.json", JSON.stringify(report.files.backtest));
  return files;
}

function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...a.keys()].filter((name) => a.get(name) !== b.get(name));
}

const later = (text: string, asOf: string) => text !== "" && text > asOf;
/** A date after the as-of moved `days` earlier, but never onto the as-of or before `floor`. */
const earlier = (text: string, days: number, asOf: string, floor: string) => {
  const moved = formatIsoDay(Math.max(parseIsoDay(asOf)! + 1, parseIsoDay(floor)!, parseIsoDay(text)! - days));
  return moved;
};
const cents = (value: number) => value.toFixed(2);

/** Every fact of a generated row dated after `asOf`, changed, keeping the row a clean, consistent invoice. */
function mutateRow(row: RawRow, asOf: string): RawRow {
  const r = {...row};
  const issuedLater = later(r.invoice_date, asOf);
  if (issuedLater) {
    r.amount = cents(Number(r.amount) * 1.37);
    if (r.paid_date) r.paid_amount = r.amount;
    r.customer_since = r.customer_since < r.invoice_date ? r.customer_since : r.invoice_date;
  }
  const openOnAsOf = !(r.paid_date && r.paid_date <= asOf) && !(r.write_off_date && r.write_off_date <= asOf);
  if (later(r.paid_date, asOf)) {
    const paid = earlier(r.paid_date, 2, asOf, r.invoice_date);
    if (r.last_payment_date === r.paid_date) r.last_payment_date = paid;
    r.paid_date = paid;
  }
  if (later(r.last_payment_date, asOf) && !r.paid_date) {
    r.last_payment_date = earlier(r.last_payment_date, 3, asOf, r.invoice_date);
    r.paid_amount = cents(Number(r.paid_amount) * 0.5);
  }
  if (later(r.write_off_date, asOf)) r.write_off_date = earlier(r.write_off_date, 3, asOf, r.invoice_date);
  if (later(r.last_reminder_date, asOf)) {
    r.last_reminder_date = earlier(r.last_reminder_date, 1, asOf, r.invoice_date);
    r.reminders_sent = String(Number(r.reminders_sent) + 1);
  }
  if (openOnAsOf) {
    r.disputed = r.disputed === "1" ? "0" : "1";
    r.extension_requested = r.extension_requested === "1" ? "0" : "1";
  }
  return r;
}

describe("the recorded future reaches no stage but the backtest", () => {
  test("the synthetic ledger: 13 weeks past its report date changed throughout", {timeout: 300_000}, () => {
    const options = {seed: 7, invoices: 3000, customers: 120};
    const original = draftSyntheticLedger(options);
    const asOf = formatIsoDay(original.synthetic.asOf);
    const sourced = cleanSyntheticLedger(original);

    // Rows cleaning sets aside (the dirt: credit notes, typos, duplicates) are not events of the ledger;
    // the cleaning report describes them as the file holds them, and they are left as they are.
    const kept = new Set(sourced.history.invoices.map((invoice) => invoice.invoiceId));
    const draft = draftSyntheticLedger(options);
    const rows = Array.from(draft.synthetic.rows(), (row) => (kept.has(row.invoice_id) ? mutateRow(row, asOf) : row));
    const payments = new Map<string, Payment[]>();
    for (const [id, receipts] of draft.synthetic.payments()) {
      payments.set(id, receipts.map((p) => (formatIsoDay(p.day) > asOf ? {...p, day: Math.max(p.day - 1, draft.synthetic.asOf + 1), amount: p.amount * 0.9} : p)));
    }
    const mutated = cleanSyntheticLedger({...draft, synthetic: {...draft.synthetic, payments: () => payments}}, rows);

    // The mutation reached the history: the later invoices, payments and flags all differ.
    expect(mutated.history.invoices.length).toBe(sourced.history.invoices.length);
    expect(JSON.stringify(mutated.history.invoices)).not.toBe(JSON.stringify(sourced.history.invoices));
    expect(mutated.history.invoices.length - mutated.ledger.invoices.length).toBeGreaterThan(300);

    const before = reportFiles(sourced);
    const after = reportFiles(mutated);
    expect(differences(before, after)).toEqual(["backtest.json"]);
    expect(before.size).toBeGreaterThan(15);

    // A stage that read the history instead of the ledger on the report date would be caught.
    const leaky = (s: SourcedLedger) => JSON.stringify(dataStage({...s, ledger: s.history}).files);
    expect(leaky(mutated)).not.toBe(leaky(sourced));
  });

  test("a fully settled CSV replayed at a given date: the rows after it changed throughout", {timeout: 300_000}, () => {
    const text = readFileSync(new URL("../fixtures/settled/settled.csv", import.meta.url), "utf8");
    const asOf = "2013-06-30";
    const source = (csv: string) => csvLedger({file: "settled.csv", text: csv, asOf: parseIsoDay(asOf), asOfSource: "AR_AS_OF"});
    const sourced = source(text);
    // The recorded future runs to the last day of data, which stays put; the few dates past a long gap
    // after it are typos that cleaning sets aside, not the future, and are left as they are.
    const endOfData = formatIsoDay(sourced.asOf.endOfData);
    const [header, ...lines] = text.trimEnd().split("\n");
    const columns = header.split(",");
    const at = (name: string) => columns.indexOf(name);
    const changed = lines.map((line) => {
      const v = line.split(",");
      const invoice = v[at("InvoiceDate")], settled = v[at("SettledDate")];
      if (invoice > asOf) v[at("InvoiceAmount")] = cents(Number(v[at("InvoiceAmount")]) * 1.37);
      if (settled > asOf && settled < endOfData) {
        v[at("SettledDate")] = earlier(settled, 2, asOf, invoice);
        v[at("Disputed")] = v[at("Disputed")] === "Yes" ? "No" : "Yes";
      }
      return v.join(",");
    });
    const mutated = source([header, ...changed].join("\n") + "\n");
    expect(sourced.asOf.kind).toBe("given");
    expect(JSON.stringify(mutated.history.invoices)).not.toBe(JSON.stringify(sourced.history.invoices));
    expect(differences(reportFiles(sourced), reportFiles(mutated))).toEqual(["backtest.json"]);
  });
});
