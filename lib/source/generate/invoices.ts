// One customer's invoices, issued and paid in date order. Each invoice's chance of being paid late is
// set from what was true on its issue day — the customer's own reliability (visible to a model only
// through the customer's history), credit pressure from invoices still open, the amount against the
// limit, month-end, tenure, terms, industry, region and season — and then the collection process plays
// out: disputes, extension requests, instalments, reminders the customer may answer, payment runs, and
// write-off of the uncollectable. Events after the last simulated day are cut off when the row is
// recorded; the invoices issued after the report date are simulated after all earlier ones, so the
// ledger up to the report date does not depend on how far past it the simulation runs.
import {endOfMonth} from "../../core/dates.js";
import type {Day} from "../../core/dates.js";
import type {Random} from "../../core/random.js";
import {logistic, logit} from "../../core/stats.js";
import {lastBusinessDayOfMonth, nextRunDay, previousRunDay, sampleIssueDay} from "./calendar.js";
import type {InvoicingCalendar} from "./calendar.js";
import {NO_DAY} from "./columns.js";
import type {InvoiceColumns} from "./columns.js";
import {firstIssueDay} from "./customers.js";
import type {CustomerBehaviour, SyntheticCustomer} from "./customers.js";
import {industryLateEffect, industryWriteOffFactor, monthLateEffect, regionLateEffect, termsLateEffect} from "./profiles.js";

/** Calibration of the log-odds of paying late, so that ≈ 21 % of settled invoices are late at the defaults. */
export const lateLogitShift = -1.25;
/** Calibration of the log-odds of an invoice never being paid (≈ 0.8 % of invoices). */
export const writeOffLogitShift = -7.0;

/** Spread of an invoice's amount around the customer's median (log scale). */
export const amountSigma = 0.7;
const smallestAmountCents = 2500;
const reminderIntervalDays = 14;
const maxOverdueReminders = 6;

export interface SimulationSettings {
  windowStart: Day;
  /** The report date. */
  asOf: Day;
  /** The last day simulated (≥ asOf): rows record what is known on it. */
  end: Day;
  /** Covers windowStart … end. */
  calendar: InvoicingCalendar;
}

/** Everything that happens to an invoice, including events after the last simulated day (cut off later). */
interface InvoiceFate {
  /** Paid in full on this day, or null if never. */
  paidDay: Day | null;
  writeOffDay: Day | null;
  /** Payment days and amounts in cents, in date order; the last one settles a paid invoice. */
  paymentDays: Day[];
  paymentCents: number[];
  disputeDay: Day | null;
  extensionDay: Day | null;
  reminderDays: Day[];
}

/** The situation on the issue day that shapes how an invoice is paid. */
interface IssueContext {
  day: Day;
  due: Day;
  amountCents: number;
  /** Open balance of earlier invoices ÷ credit limit. */
  utilisation: number;
  /** This invoice's amount ÷ credit limit. */
  amountToLimit: number;
}

/** Invoices of one customer: issued up to the report date, and after it up to the last simulated day. */
export interface InvoiceCount {
  issued: number;
  future: number;
}

/**
 * Simulates one customer's invoices into `columns[offset … offset + issued + future)`, in issue order:
 * those up to the report date first, then (their days drawn after every earlier draw) the later ones.
 */
export function simulateCustomerInvoices(
  customerIndex: number,
  customer: SyntheticCustomer,
  behaviour: CustomerBehaviour,
  count: InvoiceCount,
  settings: SimulationSettings,
  random: Random,
  columns: InvoiceColumns,
  offset: number
): void {
  const limitCents = customer.creditLimit * 100;
  const first = firstIssueDay(customer, {start: settings.windowStart, end: settings.asOf});
  // Earlier invoices not yet settled: their settlement day and amount.
  let openSettle: number[] = [], openCents: number[] = [];
  const simulate = (day: Day, k: number) => {
    let openBalance = 0;
    const keepSettle: number[] = [], keepCents: number[] = [];
    for (let j = 0; j < openSettle.length; ++j) {
      if (openSettle[j] < day) continue;
      keepSettle.push(openSettle[j]), keepCents.push(openCents[j]);
      openBalance += openCents[j];
    }
    (openSettle = keepSettle), (openCents = keepCents);
    const amountCents = Math.max(smallestAmountCents, Math.round(behaviour.amountScale * random.logNormal(0, amountSigma) * 100));
    const issue: IssueContext = {
      day,
      due: day + customer.termsDays,
      amountCents,
      utilisation: openBalance / limitCents,
      amountToLimit: amountCents / limitCents
    };
    const fate = invoiceFate(customer, behaviour, issue, settings, random);
    openSettle.push(fate.paidDay ?? fate.writeOffDay ?? Infinity);
    openCents.push(amountCents);
    record(columns, offset + k, customerIndex, issue, fate, settings.end);
  };
  const issued = issueDays(customer, behaviour, count.issued, first, settings.asOf, settings.calendar, random);
  issued.forEach((day, k) => simulate(day, k));
  if (!count.future) return;
  const future = issueDays(customer, behaviour, count.future, settings.asOf + 1, settings.end, settings.calendar, random);
  future.forEach((day, k) => simulate(day, count.issued + k));
}

/**
 * Issue days in [from, to], in order: drawn from the invoicing calendar with the customer's growth, or
 * month-end batches.
 */
function issueDays(customer: SyntheticCustomer, behaviour: CustomerBehaviour, count: number, from: Day, to: Day, calendar: InvoicingCalendar, random: Random): Int32Array {
  const days = new Int32Array(count);
  for (let k = 0; k < count; ++k) {
    let day = sampleIssueDay(calendar, from, to, customer.creditGrowth, random);
    if (behaviour.monthEndBilling) {
      const batch = lastBusinessDayOfMonth(day);
      if (batch >= from && batch <= to) day = batch;
    }
    days[k] = day;
  }
  return days.sort();
}

/** Log-odds that the customer, left alone, pays this invoice after its due date. */
function lateLogit(customer: SyntheticCustomer, behaviour: CustomerBehaviour, issue: IssueContext, settings: SimulationSettings, random: Random): number {
  const first = firstIssueDay(customer, {start: settings.windowStart, end: settings.asOf});
  const progress = settings.asOf > first ? (issue.day - first) / (settings.asOf - first) : 0;
  const tenureDays = issue.day - customer.customerSince;
  const unreliability = 1 - customer.reliability;
  return (
    logit(unreliability) +
    lateLogitShift +
    behaviour.improvement * (0.5 - progress) +
    industryLateEffect[customer.industry] +
    regionLateEffect[customer.region] +
    (termsLateEffect[customer.termsDays] ?? 0) +
    monthLateEffect[settings.calendar.month[issue.day - settings.calendar.start] - 1] +
    (settings.calendar.monthEnd[issue.day - settings.calendar.start] ? 0.45 : 0) +
    (tenureDays < 365 ? 0.35 : tenureDays < 730 ? 0.15 : 0) +
    sizeEffect(issue.amountToLimit) +
    creditPressure(issue.utilisation, unreliability) +
    random.normal(0, 0.25)
  );
}

/** An invoice that is large against the limit strains the customer's payables. */
function sizeEffect(amountToLimit: number): number {
  return 0.7 * Math.min(2.5, Math.max(0, Math.log(amountToLimit / 0.15)));
}

/** Late payers get later as their open balance nears the limit; reliable payers barely react. */
function creditPressure(utilisation: number, unreliability: number): number {
  return 3 * (0.3 + unreliability) * Math.min(1.5, Math.max(0, utilisation - 0.6));
}

function invoiceFate(customer: SyntheticCustomer, behaviour: CustomerBehaviour, issue: IssueContext, settings: SimulationSettings, random: Random): InvoiceFate {
  const z = lateLogit(customer, behaviour, issue, settings, random);
  const writeOffZ =
    writeOffLogitShift + 4.5 * (1 - customer.reliability) + 1.2 * Math.max(0, issue.utilisation - 1) + sizeEffect(issue.amountToLimit);
  if (random.bernoulli(logistic(writeOffZ) * industryWriteOffFactor[customer.industry])) {
    return uncollectableFate(customer, behaviour, issue, random);
  }
  const {day, due} = issue;
  const fate: InvoiceFate = {paidDay: null, writeOffDay: null, paymentDays: [], paymentCents: [], disputeDay: null, extensionDay: null, reminderDays: []};
  let paid: Day;
  // Customers short of cash both pay late and negotiate: instalments and extension requests mostly come
  // with a payment that was going to be late anyway.
  const strained = random.bernoulli(logistic(z));
  if (strained) {
    const pressure = 1 + 1.5 * Math.max(0, issue.utilisation - 0.6);
    paid = due + 1 + Math.floor(Math.min(400, behaviour.lateDaysMedian * pressure * random.logNormal(0, 0.95)));
  } else {
    paid = Math.max(day + 1, due - Math.floor(random.gamma(1.2, behaviour.earlyDays / 1.2)));
  }
  const instalments = random.bernoulli(Math.min(0.9, behaviour.instalmentRate * (strained ? 2.5 : 0.4) * (issue.amountToLimit > 0.2 ? 1.5 : 1)));
  if (instalments && strained) paid += Math.floor(random.exponential(8));
  if (random.bernoulli(Math.min(0.6, customer.disputeRate * (1 + issue.amountToLimit)))) {
    // A dispute holds payment until it is resolved: weeks later, for a quarter of them months later.
    fate.disputeDay = day + 3 + random.int(20);
    const resolution = random.bernoulli(0.25) ? 45 + random.int(120) : 7 + Math.floor(random.gamma(2, 9));
    paid = Math.max(paid, fate.disputeDay) + resolution;
  }
  let extendedDue = due;
  const askProbability =
    customer.negotiationTendency * ((strained ? 0.5 : 0.03) + (issue.amountToLimit > 0.3 ? 0.2 : 0) + 0.4 * Math.max(0, issue.utilisation - 0.7));
  if (random.bernoulli(Math.min(0.8, askProbability))) {
    fate.extensionDay = Math.max(day + 1, due - 1 - random.int(7));
    extendedDue = due + 10 + random.int(21);
    paid = Math.max(paid, extendedDue - random.int(4));
  }
  paid = collect(customer, behaviour, fate, issue, extendedDue, paid, random);
  // Accounts payable releases payments on its run days: an on-time payment goes out on the last run
  // before the planned day, a late one waits for the next run.
  const run = paid <= due ? previousRunDay(customer.paymentSchedule, paid) : nextRunDay(customer.paymentSchedule, paid);
  paid = run > day ? run : nextRunDay(customer.paymentSchedule, paid);
  while (fate.reminderDays.length && fate.reminderDays[fate.reminderDays.length - 1] >= paid) fate.reminderDays.pop();
  fate.paidDay = paid;
  if (instalments) splitIntoInstalments(fate, issue, paid, random);
  else fate.paymentDays.push(paid), fate.paymentCents.push(issue.amountCents);
  return fate;
}

/**
 * Reminders: one shortly before the due date for customers the team watches, then every two weeks once
 * overdue (up to six). A sensitive customer often pays within a week of one; a disputed invoice waits
 * for its resolution. Returns the (possibly earlier) payment day.
 */
function collect(customer: SyntheticCustomer, behaviour: CustomerBehaviour, fate: InvoiceFate, issue: IssueContext, extendedDue: Day, paid: Day, random: Random): Day {
  const {day, due} = issue;
  const responsive = fate.disputeDay === null;
  if (behaviour.preDueReminders && due - 5 >= day + 3) {
    fate.reminderDays.push(due - 5);
    if (paid > due && responsive && fate.extensionDay === null && random.bernoulli(0.35 * customer.reminderSensitivity)) {
      paid = due - random.int(4);
    }
  }
  for (let r = extendedDue + 7, sent = 0; sent < maxOverdueReminders && r < paid; r += reminderIntervalDays, ++sent) {
    fate.reminderDays.push(r);
    if (responsive && random.bernoulli(0.8 * customer.reminderSensitivity)) {
      paid = Math.min(paid, r + 1 + Math.min(6, Math.floor(random.exponential(2))));
    }
  }
  return paid;
}

/** Two or three payments spread between issue and settlement; the last one settles the invoice. */
function splitIntoInstalments(fate: InvoiceFate, issue: IssueContext, paid: Day, random: Random): void {
  const parts = Math.min(random.bernoulli(0.6) ? 2 : 3, paid - issue.day);
  let previousCents = 0, previousDay = issue.day;
  for (let j = 1; j <= parts; ++j) {
    const spread = issue.day + Math.round(((paid - issue.day) * j) / parts) - random.int(3);
    const payDay = j === parts ? paid : Math.min(paid - (parts - j), Math.max(previousDay + 1, spread));
    const cents = j === parts ? issue.amountCents : Math.round((issue.amountCents * j) / parts / 100) * 100;
    fate.paymentDays.push(payDay);
    fate.paymentCents.push(cents - previousCents);
    (previousCents = cents), (previousDay = payDay);
  }
}

/**
 * Never paid in full: perhaps a part payment or two, reminders until the collections team gives up,
 * and a write-off at a month-end close four to ten months past due.
 */
function uncollectableFate(customer: SyntheticCustomer, behaviour: CustomerBehaviour, issue: IssueContext, random: Random): InvoiceFate {
  const {day, due, amountCents} = issue;
  const writeOffDay = endOfMonth(due + 120 + Math.floor(random.gamma(2, 30)));
  const fate: InvoiceFate = {paidDay: null, writeOffDay, paymentDays: [], paymentCents: [], disputeDay: null, extensionDay: null, reminderDays: []};
  if (random.bernoulli(Math.min(0.8, 2 * customer.disputeRate + 0.1))) fate.disputeDay = day + 3 + random.int(20);
  if (random.bernoulli(0.4)) {
    const parts = 1 + random.int(2);
    let paidSoFar = 0, previous = due;
    for (let j = 0; j < parts; ++j) {
      previous += 10 + random.int(40);
      const cents = Math.round(amountCents * (0.05 + 0.25 * random.next()));
      if (previous >= writeOffDay || paidSoFar + cents >= amountCents) break;
      fate.paymentDays.push(previous), fate.paymentCents.push(cents);
      paidSoFar += cents;
    }
  }
  if (behaviour.preDueReminders && due - 5 >= day + 3) fate.reminderDays.push(due - 5);
  for (let r = due + 7, sent = 0; sent < maxOverdueReminders && r < writeOffDay; r += reminderIntervalDays, ++sent) fate.reminderDays.push(r);
  return fate;
}

/** Writes what the ledger shows on day `asOf` (the last simulated day): later events are not yet known. */
function record(columns: InvoiceColumns, i: number, customerIndex: number, issue: IssueContext, fate: InvoiceFate, asOf: Day): void {
  columns.customer[i] = customerIndex;
  columns.invoiceDate[i] = issue.day;
  columns.dueDate[i] = issue.due;
  columns.amountCents[i] = issue.amountCents;
  columns.paidDate[i] = knownBy(fate.paidDay, asOf);
  columns.writeOffDate[i] = knownBy(fate.writeOffDay, asOf);
  let payments = 0, paidCents = 0, lastPayment = NO_DAY;
  for (let j = 0; j < fate.paymentDays.length && fate.paymentDays[j] <= asOf; ++j) {
    ++payments;
    paidCents += fate.paymentCents[j];
    lastPayment = fate.paymentDays[j];
  }
  columns.paidCents[i] = paidCents;
  columns.installments[i] = payments;
  if (payments > 1) columns.receipts.set(i, {days: fate.paymentDays.slice(0, payments), cents: fate.paymentCents.slice(0, payments)});
  columns.lastPaymentDate[i] = lastPayment;
  let reminders = 0, lastReminder = NO_DAY;
  for (const r of fate.reminderDays) if (r <= asOf) ++reminders, (lastReminder = r);
  columns.remindersSent[i] = reminders;
  columns.lastReminderDate[i] = lastReminder;
  columns.disputed[i] = knownBy(fate.disputeDay, asOf) !== NO_DAY ? 1 : 0;
  columns.extensionRequested[i] = knownBy(fate.extensionDay, asOf) !== NO_DAY ? 1 : 0;
}

/** The day if it had happened by `asOf`, else blank. */
function knownBy(day: Day | null, asOf: Day): Day {
  return day !== null && day <= asOf ? day : NO_DAY;
}
