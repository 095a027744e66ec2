// Where a bar's value label goes: after the bar when it fits in the plot, otherwise inside the bar's end
// (with a halo), so that no label runs off a phone-width chart.

/** Rough width of a label in pixels at a given font size (tabular figures, sans-serif). */
export function labelWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.58;
}

export interface FitOptions {
  /** Pixels per unit of the bar's value. */
  scale: number;
  /** Plot area width in pixels. */
  plotWidth: number;
  fontSize: number;
  gap?: number;
}

/** True when the label fits after the bar's end. */
export function fitsOutside(value: number, text: string, {scale, plotWidth, fontSize, gap = 5}: FitOptions): boolean {
  return value * scale + gap + labelWidth(text, fontSize) <= plotWidth;
}
