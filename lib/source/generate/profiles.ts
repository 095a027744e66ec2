// The population the synthetic ledger is drawn from: four behaviour groups of customers and the mild
// effects of industry, region, terms and the calendar on paying late. The numbers are calibrated
// together (tests/source/generate.test.ts checks the result): at the defaults about 21 % of settled invoices
// are settled late, A + C issue about 70 % of invoices and D about 9 %.

export const industries = [
  "Manufacturing",
  "Wholesale",
  "Retail",
  "Construction",
  "Healthcare",
  "Technology",
  "Logistics",
  "Public sector"
] as const;
export type Industry = (typeof industries)[number];

export const regions = ["North America", "Europe", "UK & Ireland", "Asia-Pacific", "Latin America"] as const;
export type Region = (typeof regions)[number];

export const customerGroups = ["A", "B", "C", "D"] as const;
export type CustomerGroup = (typeof customerGroups)[number];

/** Net terms offered, in days. */
export const termsOptions = [15, 30, 45, 60] as const;

export interface GroupProfile {
  label: string;
  /** Share of customers (invoice shares differ: high-value customers invoice more often). */
  customerShare: number;
  /** Relative invoicing frequency of a typical customer of the group. */
  invoiceRate: number;
  /** Median invoice amount of a typical customer, in the ledger currency. */
  amountMedian: number;
  /** Beta(a, b) of the probability of paying on time before any pressure. */
  reliability: readonly [number, number];
  /** Beta(a, b) of the chance of answering a reminder with a payment. */
  reminderSensitivity: readonly [number, number];
  /** Beta(a, b) of the propensity to ask for more time. */
  negotiationTendency: readonly [number, number];
  /** Per-invoice dispute probability of a typical customer. */
  disputeRate: number;
  /** Per-invoice probability of paying in instalments. */
  instalmentRate: number;
  /** Median days late of a late payment, for a typical customer. */
  lateDaysMedian: number;
  creditScoreMean: number;
  /** Share of customers whose payment behaviour improves across the window. */
  improvingShare: number;
  /** Share of customers the collections team reminds before the due date. */
  preDueReminderShare: number;
  /** Mean and sd of the yearly log growth of invoicing volume. */
  creditGrowth: readonly [number, number];
}

export const groupProfiles: Record<CustomerGroup, GroupProfile> = {
  A: {
    label: "Low risk, high value",
    customerShare: 0.175,
    invoiceRate: 2,
    amountMedian: 9000,
    reliability: [5, 0.45],
    reminderSensitivity: [4, 2],
    negotiationTendency: [1.2, 12],
    disputeRate: 0.012,
    instalmentRate: 0.02,
    lateDaysMedian: 7,
    creditScoreMean: 745,
    improvingShare: 0.03,
    preDueReminderShare: 0.2,
    creditGrowth: [0.1, 0.2]
  },
  B: {
    label: "High risk, high value",
    customerShare: 0.095,
    invoiceRate: 2,
    amountMedian: 8000,
    reliability: [1.8, 1.4],
    reminderSensitivity: [2, 3],
    negotiationTendency: [2.5, 6],
    disputeRate: 0.04,
    instalmentRate: 0.1,
    lateDaysMedian: 18,
    creditScoreMean: 660,
    improvingShare: 0.25,
    preDueReminderShare: 0.6,
    creditGrowth: [0.12, 0.22]
  },
  C: {
    label: "Low risk, low value",
    customerShare: 0.58,
    invoiceRate: 0.6,
    amountMedian: 1400,
    reliability: [4.5, 0.65],
    reminderSensitivity: [4, 2],
    negotiationTendency: [1, 15],
    disputeRate: 0.01,
    instalmentRate: 0.02,
    lateDaysMedian: 8,
    creditScoreMean: 720,
    improvingShare: 0.05,
    preDueReminderShare: 0.2,
    creditGrowth: [0.06, 0.15]
  },
  D: {
    label: "High risk, low value",
    customerShare: 0.15,
    invoiceRate: 0.6,
    amountMedian: 1100,
    reliability: [1.3, 2.0],
    reminderSensitivity: [1.5, 3.5],
    negotiationTendency: [2, 6],
    disputeRate: 0.035,
    instalmentRate: 0.12,
    lateDaysMedian: 34,
    creditScoreMean: 610,
    improvingShare: 0.25,
    preDueReminderShare: 0.6,
    creditGrowth: [0.04, 0.2]
  }
};

/** High-value customers are spread over industries a little differently from small ones. */
export const industryWeights: Record<"highValue" | "lowValue", Record<Industry, number>> = {
  highValue: {
    Manufacturing: 0.2, Wholesale: 0.18, Retail: 0.1, Construction: 0.12,
    Healthcare: 0.1, Technology: 0.12, Logistics: 0.1, "Public sector": 0.08
  },
  lowValue: {
    Manufacturing: 0.14, Wholesale: 0.12, Retail: 0.2, Construction: 0.14,
    Healthcare: 0.12, Technology: 0.12, Logistics: 0.1, "Public sector": 0.06
  }
};

export const regionWeights: Record<Region, number> = {
  "North America": 0.4, Europe: 0.22, "UK & Ireland": 0.13, "Asia-Pacific": 0.15, "Latin America": 0.1
};

/** Added to the log-odds of paying late. Construction and the public sector pay slowly; tech promptly. */
export const industryLateEffect: Record<Industry, number> = {
  Manufacturing: 0, Wholesale: 0.05, Retail: 0.15, Construction: 0.35,
  Healthcare: 0.1, Technology: -0.15, Logistics: 0.1, "Public sector": 0.25
};

/** Public bodies pay late but almost never fail to pay. */
export const industryWriteOffFactor: Record<Industry, number> = {
  Manufacturing: 1, Wholesale: 1, Retail: 1.2, Construction: 1.5,
  Healthcare: 0.8, Technology: 1, Logistics: 1, "Public sector": 0.15
};

export const regionLateEffect: Record<Region, number> = {
  "North America": 0, Europe: 0.1, "UK & Ireland": 0, "Asia-Pacific": -0.1, "Latin America": 0.3
};

/** Net 15 is tight for many payers; Net 60 customers tend to stretch further. */
export const termsLateEffect: Record<number, number> = {15: 0.2, 30: 0, 45: 0.05, 60: 0.15};

/** Terms weights for high-value and small customers, in `termsOptions` order. */
export const termsWeights = {highValue: [0.05, 0.25, 0.3, 0.4], lowValue: [0.1, 0.45, 0.25, 0.2], publicSector: [0, 0.3, 0.3, 0.4]};

/** Log-odds effect of the month of issue (1–12): holiday and summer-leave months slow accounts payable. */
export const monthLateEffect = [0.1, 0, 0, 0, 0, 0, 0.1, 0.15, 0, 0, 0, 0.25];

/** Relative invoicing volume by month (1–12): Q4 peak, summer dip, quarter-end pushes. */
export const monthVolume = [0.9, 0.95, 1.1, 0.95, 1, 1.05, 0.85, 0.8, 1.05, 1.1, 1.2, 1.15];
