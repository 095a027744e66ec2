// Bytes to text, in the encodings exports come in: UTF-8 with or without a byte-order mark, UTF-16
// (Excel's "Unicode text", little- or big-endian, usually with a mark) and Windows-1252 (older
// systems, and Excel's "CSV" on Western Windows). Bytes that are not valid UTF-8 are read as
// Windows-1252, which gives every byte a character, so "Müller" written by either comes out right.

export type TextEncoding = "UTF-8" | "UTF-8 with BOM" | "UTF-16LE" | "UTF-16BE" | "Windows-1252";

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** The text of `bytes` and the encoding it was read in. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return {text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "UTF-8 with BOM"};
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return {text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "UTF-16LE"};
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return {text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "UTF-16BE"};
  const unmarked = utf16WithoutMark(bytes);
  if (unmarked) return {text: new TextDecoder(unmarked === "UTF-16LE" ? "utf-16le" : "utf-16be").decode(bytes), encoding: unmarked};
  try {
    return {text: new TextDecoder("utf-8", {fatal: true}).decode(bytes), encoding: "UTF-8"};
  } catch {
    return {text: decodeWindows1252(bytes), encoding: "Windows-1252"};
  }
}

/**
 * Windows-1252 by hand: Node's TextDecoder("windows-1252") reads 0x80–0x9F as Latin-1 control
 * characters, losing €, curly quotes, dashes and Š/Ž/Œ that 1252 puts there.
 */
const high1252 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder("latin1").decode(bytes).replace(/[\u0080-\u009f]/g, (c) => high1252[c.charCodeAt(0) - 0x80]);
}

/**
 * UTF-16 without a byte-order mark: ASCII text in it has a NUL in every other byte. Odd positions for
 * little-endian, even for big-endian, in most of the first 512 byte pairs.
 */
function utf16WithoutMark(bytes: Uint8Array): TextEncoding | null {
  const pairs = Math.min(256, bytes.length >> 1);
  if (pairs < 2) return null;
  let evenZeros = 0, oddZeros = 0;
  for (let i = 0; i < pairs; ++i) {
    if (bytes[2 * i] === 0) ++evenZeros;
    if (bytes[2 * i + 1] === 0) ++oddZeros;
  }
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.1) return "UTF-16LE";
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.1) return "UTF-16BE";
  return null;
}

/** A ZIP archive (an .xlsx workbook is one) starts with "PK\x03\x04". */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
