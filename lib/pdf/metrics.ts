/**
 * Glyph advance widths, in thousandths of the font size, for what the PDF generator draws:
 * printable ASCII in Helvetica (from Adobe's Helvetica AFM, WinAnsiEncoding), everything else
 * in the CJK font, whose ideographs and full-width punctuation are all one em wide.
 */
const helveticaAscii = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space … /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0 … 9
  278, 278, 584, 584, 584, 556, 1015, // : ; < = > ? @
  667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, // A … M
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // N … Z
  278, 278, 278, 469, 556, 333, // [ \ ] ^ _ `
  556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, // a … m
  556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, // n … z
  334, 260, 334, 584, // { | } ~
] as const;

/** Printable ASCII goes to Helvetica; any other character to the CJK font. */
export function isLatin(code: number): boolean {
  return code >= 0x20 && code <= 0x7e;
}

/** The advance of one character at a font size, in points. */
export function charWidth(char: string, size: number): number {
  const code = char.charCodeAt(0);
  return isLatin(code) ? (helveticaAscii[code - 0x20] * size) / 1000 : size;
}

export function textWidth(text: string, size: number): number {
  let width = 0;
  for (const char of text) width += charWidth(char, size);
  return width;
}
