// Customer ids typed by hand drift: "c00042", " C00042 ", "C-00042" and "C42" all mean C00042. The
// canonical form is the one the file itself uses most, so it is learned from the file before any id is
// rewritten: observe every id first, then resolve.

interface IdParts {
  prefix: string;
  separator: string;
  digits: string;
}

/** Letters, an optional space/hyphen/underscore run, then digits, after trimming and uppercasing. */
const idPattern = /^([A-Z]*)([\s_-]*)(\d+)$/;

export function splitCustomerId(raw: string): IdParts | null {
  const match = idPattern.exec(raw.trim().toUpperCase());
  if (!match) return null;
  return {prefix: match[1], separator: match[2] ? match[2][0] : "", digits: match[3]};
}

interface PrefixForm {
  separator: string;
  /** Digit count to pad to, or 0 when the file does not zero-pad. */
  width: number;
}

interface PrefixTally {
  separators: Map<string, number>;
  widths: Map<number, number>;
  /** Distinct digit strings seen, to tell a zero-padded numbering from a plain one. */
  digitForms: Set<string>;
}

export interface CustomerIdNormalizer {
  /** Counts `rows` rows spelling an id `raw` towards the dominant form; call before `resolve`. */
  observe(raw: string, rows?: number): void;
  /** The canonical spelling of `raw`. */
  resolve(raw: string): string;
}

/**
 * Ids of the form prefix + number are rewritten to the file's dominant form for that prefix: its most
 * common separator ("" in "C00042") and, if the file zero-pads, its most common digit count. A file
 * zero-pads when more of its distinct numbers are written with a leading zero than are written shorter
 * than the common width (C00001…C00950 pads; C1…C950 does not). Other ids (names, as QuickBooks and
 * Xero identify customers) keep their most common spelling among those that differ only in case and
 * spacing ("acme corp ", "Acme  Corp" → "Acme Corp"); with `names`, every id is read so.
 */
export function createCustomerIdNormalizer({names = false}: {names?: boolean} = {}): CustomerIdNormalizer {
  const tallies = new Map<string, PrefixTally>();
  let forms: Map<string, PrefixForm> | null = null;
  const resolved = new Map<string, string>();
  const spellings = new Map<string, Map<string, number>>();

  const split = (raw: string) => (names ? null : splitCustomerId(raw));

  function observe(raw: string, rows = 1): void {
    const parts = split(raw);
    if (!parts) {
      const spelling = raw.trim().replace(/\s+/g, " ");
      const key = spelling.toUpperCase();
      let counts = spellings.get(key);
      if (!counts) spellings.set(key, (counts = new Map()));
      increment(counts, spelling, rows);
      return;
    }
    let tally = tallies.get(parts.prefix);
    if (!tally) tallies.set(parts.prefix, (tally = {separators: new Map(), widths: new Map(), digitForms: new Set()}));
    increment(tally.separators, parts.separator, rows);
    increment(tally.widths, parts.digits.length, rows);
    tally.digitForms.add(parts.digits);
    forms = null;
  }

  function resolve(raw: string): string {
    let id = resolved.get(raw);
    if (id !== undefined) return id;
    forms ??= dominantForms(tallies);
    const parts = split(raw);
    if (parts) {
      const form = forms.get(parts.prefix) ?? {separator: parts.separator, width: 0};
      const number = parts.digits.replace(/^0+(?=\d)/, "");
      id = parts.prefix + (parts.prefix ? form.separator : "") + number.padStart(form.width, "0");
    } else {
      const spelling = raw.trim().replace(/\s+/g, " ");
      const counts = spellings.get(spelling.toUpperCase());
      id = counts ? mostCommon(counts, (a, b) => a < b) : spelling;
    }
    resolved.set(raw, id);
    return id;
  }

  return {observe, resolve};
}

function dominantForms(tallies: ReadonlyMap<string, PrefixTally>): Map<string, PrefixForm> {
  const forms = new Map<string, PrefixForm>();
  for (const [prefix, {separators, widths, digitForms}] of tallies) {
    const width = mostCommon(widths, (a, b) => a > b);
    let padded = 0, shorter = 0;
    for (const digits of digitForms) {
      if (digits.length > 1 && digits[0] === "0") ++padded;
      if (digits.length < width) ++shorter;
    }
    // Ties go to no separator: "C00042" over "C-00042" when a file is evenly split.
    const separator = mostCommon(separators, (a, b) => a === "" && b !== "");
    forms.set(prefix, {separator, width: padded > shorter ? width : 0});
  }
  return forms;
}

function increment<K>(counts: Map<K, number>, key: K, by: number): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

/** Key with the highest count; `preferOnTie(a, b)` says whether `a` beats an equally common `b`. */
function mostCommon<K>(counts: ReadonlyMap<K, number>, preferOnTie: (a: K, b: K) => boolean): K {
  let best: K | undefined, bestCount = -1;
  for (const [key, count] of counts) {
    if (count > bestCount || (count === bestCount && preferOnTie(key, best as K))) (best = key), (bestCount = count);
  }
  return best as K;
}
