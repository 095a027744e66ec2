// What a customer's settled invoices say about how it pays, updated one settlement at a time so that
// reading it at any date costs O(window), not O(history). Slot `customers` (one past the last customer)
// accumulates every settlement in the ledger: the ledger-wide behaviour that customers with little
// history are shrunk towards — itself only from settlements before the date being read.

/** The outcome of one settled invoice, as far as history features use it. */
export interface SettledOutcome {
  /** Settlement date − due date (negative: early; a write-off counts from its write-off date). */
  daysLate: number;
  disputed: boolean;
  partialPayment: boolean;
  reminded: boolean;
  paidAfterReminder: boolean;
  extensionRequested: boolean;
}

/** A customer's payment record as known at some date; averages are NaN where there is nothing to average. */
export interface HistorySnapshot {
  settled: number;
  late: number;
  /** Settled invoices in the recent window (≤ `recentWindow`) and how many of them were late. */
  recentCount: number;
  recentLate: number;
  meanDaysLate: number;
  /** Sample standard deviation; NaN below two settled invoices. */
  sdDaysLate: number;
  /** Days late of the most recently settled invoice. */
  lastDaysLate: number;
  /** Mean days late of the last `trendWindow` settlements minus the mean of all earlier ones. */
  daysLateTrend: number;
  disputes: number;
  partialPayments: number;
  reminded: number;
  paidAfterReminder: number;
  extensions: number;
}

export interface PaymentHistories {
  readonly customers: number;
  readonly recentWindow: number;
  readonly trendWindow: number;
  settled: Int32Array;
  late: Int32Array;
  sumDaysLate: Float64Array;
  /** Welford's sum of squared deviations, stable where a sum of squares would cancel. */
  m2DaysLate: Float64Array;
  disputes: Int32Array;
  partialPayments: Int32Array;
  reminded: Int32Array;
  paidAfterReminder: Int32Array;
  extensions: Int32Array;
  /** The last `ringSize` days-late values per slot, circular, oldest overwritten. */
  ring: Float64Array;
  ringSize: number;
}

export function paymentHistories(customers: number, {recentWindow, trendWindow}: {recentWindow: number; trendWindow: number}): PaymentHistories {
  const slots = customers + 1;
  const ringSize = Math.max(recentWindow, trendWindow, 1);
  return {
    customers,
    recentWindow,
    trendWindow,
    settled: new Int32Array(slots),
    late: new Int32Array(slots),
    sumDaysLate: new Float64Array(slots),
    m2DaysLate: new Float64Array(slots),
    disputes: new Int32Array(slots),
    partialPayments: new Int32Array(slots),
    reminded: new Int32Array(slots),
    paidAfterReminder: new Int32Array(slots),
    extensions: new Int32Array(slots),
    ring: new Float64Array(slots * ringSize),
    ringSize
  };
}

/** The slot holding ledger-wide history. */
export function ledgerSlot(histories: PaymentHistories): number {
  return histories.customers;
}

/** Adds a settlement to its customer's history and to the ledger-wide one. */
export function recordSettlement(histories: PaymentHistories, customer: number, outcome: SettledOutcome): void {
  addToSlot(histories, customer, outcome);
  addToSlot(histories, histories.customers, outcome);
}

function addToSlot(h: PaymentHistories, slot: number, outcome: SettledOutcome): void {
  const {daysLate} = outcome;
  const n = h.settled[slot];
  const previousMean = n ? h.sumDaysLate[slot] / n : 0;
  const mean = previousMean + (daysLate - previousMean) / (n + 1);
  h.m2DaysLate[slot] += (daysLate - previousMean) * (daysLate - mean);
  h.sumDaysLate[slot] += daysLate;
  h.ring[slot * h.ringSize + (n % h.ringSize)] = daysLate;
  h.settled[slot] = n + 1;
  if (daysLate > 0) ++h.late[slot];
  if (outcome.disputed) ++h.disputes[slot];
  if (outcome.partialPayment) ++h.partialPayments[slot];
  if (outcome.reminded) ++h.reminded[slot];
  if (outcome.paidAfterReminder) ++h.paidAfterReminder[slot];
  if (outcome.extensionRequested) ++h.extensions[slot];
}

/** The `back`-th most recent days-late value of a slot (0 = the latest); requires back < min(n, ringSize). */
function recentDaysLate(h: PaymentHistories, slot: number, back: number): number {
  const n = h.settled[slot];
  return h.ring[slot * h.ringSize + ((n - 1 - back) % h.ringSize)];
}

export function emptySnapshot(): HistorySnapshot {
  return {
    settled: 0,
    late: 0,
    recentCount: 0,
    recentLate: 0,
    meanDaysLate: NaN,
    sdDaysLate: NaN,
    lastDaysLate: NaN,
    daysLateTrend: NaN,
    disputes: 0,
    partialPayments: 0,
    reminded: 0,
    paidAfterReminder: 0,
    extensions: 0
  };
}

/** A slot's history now, written into `out` (reused across a million reads rather than reallocated). */
export function readHistory(h: PaymentHistories, slot: number, out: HistorySnapshot = emptySnapshot()): HistorySnapshot {
  const settled = h.settled[slot];
  const recentCount = Math.min(settled, h.recentWindow);
  let recentLate = 0;
  for (let b = 0; b < recentCount; ++b) if (recentDaysLate(h, slot, b) > 0) ++recentLate;
  let daysLateTrend = NaN;
  const k = h.trendWindow;
  if (settled > k) {
    let lastSum = 0;
    for (let b = 0; b < k; ++b) lastSum += recentDaysLate(h, slot, b);
    daysLateTrend = lastSum / k - (h.sumDaysLate[slot] - lastSum) / (settled - k);
  }
  out.settled = settled;
  out.late = h.late[slot];
  out.recentCount = recentCount;
  out.recentLate = recentLate;
  out.meanDaysLate = settled ? h.sumDaysLate[slot] / settled : NaN;
  out.sdDaysLate = settled > 1 ? Math.sqrt(h.m2DaysLate[slot] / (settled - 1)) : NaN;
  out.lastDaysLate = settled ? recentDaysLate(h, slot, 0) : NaN;
  out.daysLateTrend = daysLateTrend;
  out.disputes = h.disputes[slot];
  out.partialPayments = h.partialPayments[slot];
  out.reminded = h.reminded[slot];
  out.paidAfterReminder = h.paidAfterReminder[slot];
  out.extensions = h.extensions[slot];
  return out;
}
