// The segment letters: the four cells of the risk × value grid that segments are named after
// (lib/segments/naming.ts places clusters on it). Open invoices, strategies and pages carry a segment's
// label ("A", or "A2" when k ≠ 4 splits a cell) and read its letter here, without the naming machinery.

export const segmentLetters = ["A", "B", "C", "D"] as const;
export type SegmentLetter = (typeof segmentLetters)[number];

/** The grid letter of a segment label ("A", or "A2" when k ≠ 4 splits a quadrant); null when unsegmented. */
export function segmentLetter(segment: string | null | undefined): SegmentLetter | null {
  const letter = segment?.charAt(0);
  return letter === "A" || letter === "B" || letter === "C" || letter === "D" ? letter : null;
}
