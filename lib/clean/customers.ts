// Customer records from a ledger's invoices: the attributes of each customer's latest invoice, any it
// lacks taken from earlier ones, and its most common terms. Cleaning builds them for the history and the
// as-of cut again for the invoices that existed on its date.
import type {Day} from "../core/dates.js";
import type {Customer, Invoice} from "../input/ledger.js";

interface CustomerTally {
  customer: Customer;
  /** Invoice date of the latest invoice seen. */
  latestDay: Day;
  terms: Map<number, number>;
}

/**
 * One record per customer, sorted by id: attributes from its latest invoice (by invoice date, then file
 * order), any it lacks taken from earlier ones; terms are the customer's most common (ties to the
 * shorter). Invoices without a customer name take the customer's.
 */
export function buildCustomers(invoices: readonly Invoice[]): Customer[] {
  const tallies = new Map<string, CustomerTally>();
  for (const invoice of invoices) {
    let tally = tallies.get(invoice.customerId);
    if (!tally) tallies.set(invoice.customerId, (tally = newCustomerTally(invoice.customerId)));
    const latest = invoice.invoiceDate >= tally.latestDay;
    if (latest) tally.latestDay = invoice.invoiceDate;
    takeAttributes(tally.customer, invoice, latest);
    tally.terms.set(invoice.termsDays, (tally.terms.get(invoice.termsDays) ?? 0) + 1);
  }
  const customers: Customer[] = [];
  for (const {customer, terms} of tallies.values()) {
    customer.name ||= customer.customerId;
    let best = -1;
    for (const [days, count] of terms) if (best < 0 || count > terms.get(best)! || (count === terms.get(best)! && days < best)) best = days;
    customer.termsDays = best;
    customers.push(customer);
  }
  for (const invoice of invoices) if (!invoice.customerName) invoice.customerName = tallies.get(invoice.customerId)!.customer.name;
  return customers.sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
}

function newCustomerTally(customerId: string): CustomerTally {
  const customer: Customer = {customerId, name: "", industry: null, region: null, creditScore: null, creditLimit: null, termsDays: 0, customerSince: null};
  return {customer, latestDay: -Infinity, terms: new Map()};
}

/** The invoice's customer attributes: all it carries when it is the latest so far, else only the gaps. */
function takeAttributes(customer: Customer, invoice: Invoice, latest: boolean): void {
  if (invoice.customerName && (latest || !customer.name)) customer.name = invoice.customerName;
  if (invoice.industry !== null && (latest || customer.industry === null)) customer.industry = invoice.industry;
  if (invoice.region !== null && (latest || customer.region === null)) customer.region = invoice.region;
  if (invoice.creditScore !== null && (latest || customer.creditScore === null)) customer.creditScore = invoice.creditScore;
  if (invoice.creditLimit !== null && (latest || customer.creditLimit === null)) customer.creditLimit = invoice.creditLimit;
  if (invoice.customerSince !== null && (latest || customer.customerSince === null)) customer.customerSince = invoice.customerSince;
}
