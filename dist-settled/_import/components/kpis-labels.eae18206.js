export function labelWidth(text, fontSize) {
  return text.length * fontSize * 0.58;
}
export function fitsOutside(value, text, { scale, plotWidth, fontSize, gap = 5 }) {
  return value * scale + gap + labelWidth(text, fontSize) <= plotWidth;
}
