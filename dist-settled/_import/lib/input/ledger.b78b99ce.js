export const rawColumns = [
  "invoice_id",
  "customer_id",
  "customer_name",
  "industry",
  "region",
  "credit_score",
  "credit_limit",
  "payment_terms",
  "customer_since",
  "invoice_date",
  "due_date",
  "amount",
  "currency",
  "paid_date",
  "paid_amount",
  "last_payment_date",
  "installments",
  "disputed",
  "reminders_sent",
  "last_reminder_date",
  "extension_requested",
  "write_off_date"
];
export const requiredColumns = ["invoice_id", "customer_id", "invoice_date", "amount", "paid_date"];
export const rawColumnDescriptions = {
  invoice_id: "Unique invoice number.",
  customer_id: "Customer account number.",
  customer_name: "Customer's trading name.",
  industry: "Customer's industry.",
  region: "Customer's sales region.",
  credit_score: "Customer's credit score (300\u2013850) from the credit bureau at onboarding.",
  credit_limit: "Credit limit granted to the customer, in the ledger currency.",
  payment_terms: "Agreed payment terms in days (Net 15/30/45/60).",
  customer_since: "Date the customer account was opened.",
  invoice_date: "Date the invoice was issued (YYYY-MM-DD).",
  due_date: "Date payment is due under the terms (YYYY-MM-DD).",
  amount: "Invoice amount, in the ledger currency.",
  currency: "ISO currency code of the amount.",
  paid_date: "Date the invoice was paid in full; blank while it is open or if it was written off.",
  paid_amount: "Amount received against the invoice up to the as-of date.",
  last_payment_date: "Date of the most recent payment (an instalment, or the final payment).",
  installments: "Number of payments received against the invoice.",
  disputed: "1 if the customer disputed the invoice.",
  reminders_sent: "Number of payment reminders sent.",
  last_reminder_date: "Date of the most recent reminder.",
  extension_requested: "1 if the customer asked for more time to pay.",
  write_off_date: "Date the unpaid balance was written off as bad debt; blank otherwise."
};
export const agingBuckets = ["Current", "1\u201330", "31\u201360", "61\u201390", "90+"];
export function agingBucket(daysPastDue) {
  if (daysPastDue <= 0) return "Current";
  if (daysPastDue <= 30) return "1\u201330";
  if (daysPastDue <= 60) return "31\u201360";
  if (daysPastDue <= 90) return "61\u201390";
  return "90+";
}
export function outcomeKnownAt(invoice, cutoff) {
  if (invoice.settledDate !== null && invoice.settledDate <= cutoff) return invoice.settledDate > invoice.dueDate;
  if (invoice.dueDate < cutoff) return true;
  return null;
}
