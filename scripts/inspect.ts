// `npm run inspect -- file.csv`: what the build would make of a user's export, in seconds and without
// building the site — the encoding, delimiter and header found, which header feeds which column, each
// date and number column's format with a sample, the rows kept and set aside by rule, the end of data
// and the open invoices, and the mapping file that reproduces it all. On input the build would
// reject it prints the build's one-line error and exits 1. A user fixing an export iterates here.
//
//   npm run inspect -- invoices.csv [--payments payments.csv] [--mapping mapping.json] [--sheet NAME]
//                                   [--date-format DD/MM/YYYY] [--decimal ,] [--json]
// The same AR_* variables as the build are read too (AR_MAPPING, AR_DATE_FORMAT, ...).
import {isInputError} from "../lib/core/errors.js";
import {formatIsoDay} from "../lib/core/dates.js";
import {paymentHistoryGap} from "../lib/model/index.js";
import {chooseSplit, splitChoiceFacts} from "../lib/model/splitChoice.js";
import {splitSharesSentence} from "../lib/views/definitions/model.js";
import type {SourcedLedger} from "../lib/pipeline/source.js";
import {fileInputFrom, loadFile} from "../data-loaders/input.js";
import {currencySentence, formatName, formatReason, paidDateUnknownNote, paymentSourceSentence} from "../lib/views/data.js";

const flags: Record<string, string> = {"--payments": "AR_PAYMENTS", "--mapping": "AR_MAPPING", "--sheet": "AR_SHEET", "--date-format": "AR_DATE_FORMAT", "--decimal": "AR_DECIMAL_SEPARATOR", "--as-of": "AR_AS_OF", "--unreadable-share": "AR_UNREADABLE_SHARE", "--currency": "AR_CURRENCY"};

function parseArguments(argv: string[]): {env: Record<string, string | undefined>; json: boolean} {
  const env: Record<string, string | undefined> = {...process.env};
  let json = false;
  for (let i = 0; i < argv.length; ++i) {
    const arg = argv[i];
    if (arg === "--json") json = true;
    else if (flags[arg]) env[flags[arg]] = argv[++i];
    else if (arg.startsWith("--")) throw new UsageError(`unknown option ${arg} (options: ${[...Object.keys(flags), "--json"].join(", ")})`);
    else env.AR_DATA = arg;
  }
  if (!env.AR_DATA) throw new UsageError("name the export to inspect: npm run inspect -- path/to/invoices.csv");
  return {env, json};
}

class UsageError extends Error {}

function table(rows: string[][], indent = "  "): string {
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => (r[j] ?? "").length)));
  return rows.map((r) => indent + r.map((c, j) => (j === r.length - 1 ? c : c.padEnd(widths[j]))).join("  ")).join("\n");
}

const count = (n: number) => n.toLocaleString("en-US");
const money = (n: number) => n.toLocaleString("en-US", {minimumFractionDigits: 2, maximumFractionDigits: 2});

function describe(sourced: SourcedLedger): string {
  const {ledger, report, provenance} = sourced;
  const input = provenance.input!;
  const out: string[] = [];
  out.push(`${report.file}`);
  const shape = input.format === "xlsx" ? `Excel workbook, sheet ${JSON.stringify(input.sheet)}` : `${input.encoding ?? "text"}, ${delimiterName(input.delimiter)}-separated`;
  out.push(`  read as   ${shape}; header on line ${input.headerLine}${input.titleLines.length ? ` below ${input.titleLines.length} title line(s): ${input.titleLines.filter(Boolean).map((t) => JSON.stringify(t)).join(", ")}` : ""}`);
  out.push("", "Columns (your header → report column)");
  const mapped = (provenance.mapping ?? []).filter((m) => m.header !== null);
  const how = (column: string) => (column === "amount" && input.amountFromOpenAmount ? " (the amount still open, the file's only amount)" : input.byWords.includes(column) ? " (by its words)" : "");
  // Names standing in for ids are shown once, on the line that says so.
  const rows = mapped.filter((m) => !(m.column === "customer_id" && report.customerIdFromName)).map((m) => [JSON.stringify(m.header), "→", m.column + how(m.column)]);
  const entries = Object.entries(input.mappingJson.columns as Record<string, string>).filter(([column]) => !mapped.some((m) => m.column === column));
  for (const [column, header] of entries) rows.push([JSON.stringify(header), "→", column + how(column)]);
  if (report.customerIdFromName) rows.push([JSON.stringify(mapped.find((m) => m.column === "customer_name")?.header), "→", "customer_id (no id column: names identify customers)"]);
  out.push(table(rows));
  if (report.unmappedColumns.length) out.push(`  ignored: ${report.unmappedColumns.map((c) => JSON.stringify(c)).join(", ")}`);
  for (const {column, headers} of input.passedOver) out.push(`  also looked like ${column}: ${headers.map((h) => JSON.stringify(h)).join(", ")} (not used)`);
  out.push("", "Formats (decided from every value of each column)");
  out.push(table([["column", "format", "sample", "how it was decided"], ...input.formats.filter((f) => f.values).map((f) => [f.header, formatName(f.kind, f.format), f.sample ? `${JSON.stringify(f.sample.text)} → ${f.sample.reads}` : "–", formatReason(f) + (f.currencies.length ? `; currency marks: ${f.currencies.join(", ")}` : "")])]));
  out.push("", `Currency: ${currencySentence(report, input)}`);
  if (report.documentTypes.length) out.push("", `Document types: ${report.documentTypes.map((t) => `${JSON.stringify(t.type)} ${count(t.rows)} (${t.kind === "by sign" ? "unknown type: read by the amount's sign" : t.kind})`).join(", ")}`);
  out.push("", `Rows: ${count(report.rowsIn)} read, ${count(report.rowsKept)} kept, ${count(report.rowsQuarantined)} set aside`);
  const touched = report.rules.filter((r) => r.count);
  if (touched.length) {
    out.push(table(touched.map((r) => [r.action, r.id, count(r.count), r.amount !== null ? `total ${money(r.amount)}` : "", r.examples[0] ? `e.g. line ${r.examples[0].line} ${r.examples[0].column}: ${JSON.stringify(r.examples[0].before)} → ${r.examples[0].after}` : ""])));
  }
  if (input.payments) {
    const p = input.payments;
    out.push("", `Payments file ${p.file}: ${count(p.rowsIn)} rows, ${count(p.rowsKept)} receipts (${money(p.total)}) from columns ${JSON.stringify(p.headers.invoice_id)}, ${JSON.stringify(p.headers.payment_date)}, ${JSON.stringify(p.headers.amount)}`);
    for (const s of p.setAside) out.push(`  set aside: ${count(s.rows)} ${s.reason} (lines ${s.lines.join(", ")})`);
    if (report.unmatchedPayments?.count) out.push(`  ${count(report.unmatchedPayments.count)} receipts (${money(report.unmatchedPayments.amount)}) match no kept invoice, e.g. ${report.unmatchedPayments.examples.map((e) => JSON.stringify(e)).join(", ")}`);
  }
  const open = ledger.invoices.filter((i) => i.status === "open");
  const openAmount = open.reduce((s, i) => s + i.openAmount, 0);
  out.push("", `Paid dates: ${paymentSourceSentence(input, report)}`);
  const unknown = paidDateUnknownNote(input, report);
  if (unknown) out.push(`  ${unknown}`);
  out.push(`End of data (as-of date): ${formatIsoDay(ledger.asOf)} — ${report.asOfRule}`);
  out.push(`Open invoices: ${count(open.length)} of ${count(ledger.invoices.length)}, ${money(openAmount)} ${ledger.currency} open${report.openItemsOnly ? " (the file has no paid dates: every invoice is read as open)" : ""}`);
  const other = report.rules.find((r) => r.id === "other-currency");
  if (other?.count) out.push(`  ${count(other.count)} rows in other currencies than ${ledger.currency} are set aside (amounts are not added across currencies)`);
  const gap = paymentHistoryGap(ledger);
  out.push(`Late-payment model: ${gap ? `none — the ledger has ${gap.reason}` : `enough payment history to fit and validate one. ${splitSharesSentence(splitChoiceFacts(chooseSplit(ledger)))}`}`);
  out.push("", "Mapping file that reproduces this (save as mapping.json, build with AR_MAPPING=mapping.json):");
  out.push(JSON.stringify(input.mappingJson, null, 2));
  return out.join("\n");
}

function delimiterName(delimiter: string | null): string {
  return ({",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"} as Record<string, string>)[delimiter ?? ""] ?? "comma";
}

try {
  const {env, json} = parseArguments(process.argv.slice(2));
  const sourced = await loadFile(fileInputFrom(env)!);
  if (json) {
    const {report, provenance, ledger} = sourced;
    process.stdout.write(JSON.stringify({report: {...report, quarantine: report.quarantine.slice(0, 20)}, input: provenance.input, asOf: formatIsoDay(ledger.asOf), invoices: ledger.invoices.length, open: ledger.invoices.filter((i) => i.status === "open").length, currency: ledger.currency, model: paymentHistoryGap(ledger)?.reason ?? null, first: ledger.invoices[0] && {invoiceId: ledger.invoices[0].invoiceId, customerId: ledger.invoices[0].customerId, customerName: ledger.invoices[0].customerName}}, null, 1) + "\n");
  } else {
    process.stdout.write(describe(sourced) + "\n");
  }
} catch (error) {
  if (!isInputError(error) && !(error instanceof UsageError)) throw error;
  process.stderr.write(`AR Cashflow Intelligence cannot build the report from this input:\n  ${(error as Error).message}\n`);
  process.exit(1);
}
