// Where a user sets what the importer would otherwise infer: the environment variable and the mapping
// file's key of each setting. Messages and the Data page name both, so this module imports nothing and
// ships to the browser with the views.

export const formatSettings = {
  dateFormat: {env: "AR_DATE_FORMAT", key: "dateFormat"},
  decimal: {env: "AR_DECIMAL_SEPARATOR", key: "decimalSeparator"},
  currency: {env: "AR_CURRENCY", key: "currency"}
} as const;

/** Unreadable values a column may have, as a share of the file's rows, before the build stops (AR_UNREADABLE_SHARE). */
export const defaultUnreadableShare = 0.02;
