export const shortFeatureLabels = {
  averageDelay: "Delay",
  totalInvoiced: "Invoiced",
  outstanding: "Outstanding",
  onTimeShare: "On time",
  overdueOver30Share: "Over 30 days",
  partialPaymentRatio: "Partial pay",
  negotiationFrequency: "Extensions",
  utilisationVelocity: "Util. trend",
  reminderResponse: "Reminders",
  paymentConsistency: "Delay spread",
  creditScore: "Credit score",
  predictedLate: "P(late)"
};
