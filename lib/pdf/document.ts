import { charWidth, isLatin, textWidth } from "./metrics";

/**
 * A small PDF 1.4 writer for text-only A4 documents (bulletins, minutes): a title, headings,
 * paragraphs, quotes and rules, wrapped by character width and broken into pages.
 *
 * No font is embedded. Latin text uses Helvetica, one of the standard 14 fonts; Chinese uses
 * STSong-Light with the UniGB-UCS2-H encoding, a predefined CJK font that PDF viewers supply
 * themselves (Adobe-GB1 covers GBK, so Traditional characters print as well). Text in that
 * font is written as UCS-2 big-endian hex strings; a ToUnicode map keeps it searchable and
 * copyable in every viewer.
 */
export type PdfBlock =
  | { kind: "title"; text: string }
  /** Centered small print under the title: the date, the period. */
  | { kind: "subtitle"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string; muted?: boolean; size?: number }
  | { kind: "quote"; text: string }
  | { kind: "rule" }
  | { kind: "spacer"; height: number }
  | { kind: "pageBreak" };

export interface PdfDocument {
  title: string;
  author?: string;
  /** Small print at the top of every page after the first. */
  runningHeader?: string;
  /** Footer text of each page; defaults to "page / pages". */
  footer?: (page: number, pages: number) => string;
  blocks: PdfBlock[];
  createdAt?: Date;
}

export const a4 = { width: 595.28, height: 841.89 } as const;
const margin = { top: 64, bottom: 64, left: 60, right: 60 } as const;
const contentWidth = a4.width - margin.left - margin.right;

const style = {
  title: { size: 20, leading: 30, bold: true, gray: 0 },
  subtitle: { size: 10.5, leading: 16, bold: false, gray: 0.35 },
  heading: { size: 13.5, leading: 21, bold: true, gray: 0 },
  paragraph: { size: 11, leading: 18, bold: false, gray: 0.1 },
  quote: { size: 10.5, leading: 17, bold: false, gray: 0.3 },
} as const;

// Kinsoku: these never start a line (they hang at the end of the previous one) …
const noLineStart = new Set([..."，。、；：？！）」』》〉】〕”’…·%,.;:?!)]}"]);
// … and these never end one.
const noLineEnd = new Set([..."（「『《〈【〔“‘([{"]);

/** Splits text into lines no wider than `width`: CJK breaks between any two characters, Latin at spaces. */
export function wrapText(text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of normalize(text).split("\n")) {
    const tokens = paragraph.match(/[\x21-\x7e]+| +|[^\x20-\x7e]/gu) ?? [];
    let line: string[] = [];
    let lineWidth = 0;
    const flush = () => {
      while (line.length > 0 && line[line.length - 1].trim() === "") line.pop();
      const carried: string[] = [];
      // An opening bracket at the end moves down with what it opens.
      while (line.length > 1 && noLineEnd.has(line[line.length - 1])) carried.unshift(line.pop()!);
      lines.push(line.join(""));
      line = carried;
      lineWidth = textWidth(carried.join(""), size);
    };
    for (const token of tokens) {
      const w = textWidth(token, size);
      if (lineWidth + w <= width || line.length === 0 || (noLineStart.has(token) && lineWidth + w <= width + size)) {
        if (line.length === 0 && token.trim() === "" && lines.length > 0) continue;
        if (w > width && line.length === 0) {
          // A word wider than the line: break it by characters.
          for (const char of token) {
            const cw = charWidth(char, size);
            if (lineWidth + cw > width && line.length > 0) flush();
            line.push(char);
            lineWidth += cw;
          }
          continue;
        }
        line.push(token);
        lineWidth += w;
        continue;
      }
      flush();
      if (token.trim() === "") continue;
      if (w > width) {
        for (const char of token) {
          const cw = charWidth(char, size);
          if (lineWidth + cw > width && line.length > 0) flush();
          line.push(char);
          lineWidth += cw;
        }
        continue;
      }
      line.push(token);
      lineWidth += w;
    }
    flush();
  }
  return lines;
}

/**
 * Tabs and odd spaces become spaces; middle dots become the one GB 2312 has (U+30FB, which
 * UniGB-UCS2-H maps; U+00B7 it does not); characters outside the BMP (not in UCS-2) become "?".
 */
function normalize(text: string): string {
  return text
    .replace(/[\u00b7\u2022\u2027\uff65]/g, "\u30fb")
    .replace(/\u2212/g, "-")
    .replace(/\r\n?/g, "\n")
    .replace(/[\t\v\f\u00a0\u2000-\u200b\u3000]/g, " ")
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g, "")
    .replace(/[\ud800-\udbff][\udc00-\udfff]/g, "?")
    .replace(/[\ud800-\udfff]/g, "?");
}

interface Page {
  ops: string[];
}

const fmt = (n: number) => (Math.round(n * 100) / 100).toString();

function escapeLiteral(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`);
}

function ucs2Hex(text: string): string {
  let hex = "";
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, "0").toUpperCase();
  return hex;
}

/** Text-showing operators for one line: runs of ASCII in Helvetica (F1), the rest in the CJK font (F2). */
function showText(text: string, size: number): string {
  const ops: string[] = [];
  const runs = text.match(/[\x20-\x7e]+|[^\x20-\x7e]+/gu) ?? [];
  for (const run of runs) {
    if (isLatin(run.charCodeAt(0))) ops.push(`/F1 ${fmt(size)} Tf (${escapeLiteral(run)}) Tj`);
    else ops.push(`/F2 ${fmt(size)} Tf <${ucs2Hex(run)}> Tj`);
  }
  return ops.join(" ");
}

function drawLine(page: Page, text: string, x: number, y: number, size: number, gray: number, bold: boolean): void {
  text = normalize(text).replace(/\n/g, " ");
  if (text === "") return;
  // No bold face comes with the predefined fonts: stroke the outline as well, thinly.
  const render = bold ? `2 Tr ${fmt(size / 38)} w ${fmt(gray)} G` : "0 Tr";
  page.ops.push(`BT ${fmt(gray)} g ${render} ${fmt(x)} ${fmt(y)} Td ${showText(text, size)} ET`);
}

/** Lays the blocks out on A4 pages: wraps, breaks pages, keeps a heading with what follows it. */
function layout(doc: PdfDocument): Page[] {
  const pages: Page[] = [];
  let page: Page = { ops: [] };
  pages.push(page);
  const top = a4.height - margin.top;
  let y = top;
  const newPage = () => {
    page = { ops: [] };
    pages.push(page);
    y = top;
  };
  const ensure = (height: number) => {
    if (y - height < margin.bottom && y < top) newPage();
  };

  doc.blocks.forEach((block, index) => {
    switch (block.kind) {
      case "pageBreak":
        if (y < top) newPage();
        return;
      case "spacer":
        y -= block.height;
        return;
      case "rule":
        ensure(12);
        y -= 6;
        page.ops.push(`0.75 G 0.6 w ${fmt(margin.left)} ${fmt(y)} m ${fmt(a4.width - margin.right)} ${fmt(y)} l S`);
        y -= 10;
        return;
      default: {
        const s = style[block.kind];
        const size = block.kind === "paragraph" && block.size ? block.size : s.size;
        const leading = block.kind === "paragraph" && block.size ? block.size * 1.6 : s.leading;
        const indent = block.kind === "quote" ? 18 : 0;
        const lines = wrapText(block.text, size, contentWidth - indent * 2);
        const gray = block.kind === "paragraph" && block.muted ? 0.4 : s.gray;
        if (block.kind === "heading") {
          const next = doc.blocks[index + 1];
          // A heading never ends a page: keep it with two lines of what follows.
          ensure(leading * lines.length + 6 + (next && next.kind !== "pageBreak" ? style.paragraph.leading * 2 : 0));
          y -= 6;
        }
        if (block.kind === "quote" && lines.length > 0) ensure(leading * Math.min(lines.length, 2));
        const quoteTop = y;
        for (const line of lines) {
          if (y - leading < margin.bottom) newPage();
          y -= leading;
          const x = block.kind === "title" || block.kind === "subtitle" ? (a4.width - textWidth(line, size)) / 2 : margin.left + indent;
          drawLine(page, line, x, y + (leading - size) / 2, size, gray, s.bold);
        }
        if (block.kind === "quote" && y < quoteTop) {
          // A bar beside the quote (on its last page, from where it started there).
          const barTop = Math.min(quoteTop, top);
          page.ops.push(`0.8 G 1.5 w ${fmt(margin.left + 6)} ${fmt(barTop - 3)} m ${fmt(margin.left + 6)} ${fmt(y + 3)} l S`);
        }
        y -= block.kind === "title" ? 4 : block.kind === "heading" ? 2 : 6;
      }
    }
  });

  const total = pages.length;
  pages.forEach((p, i) => {
    const footer = doc.footer ? doc.footer(i + 1, total) : `${i + 1} / ${total}`;
    drawLine(p, footer, (a4.width - textWidth(footer, 9)) / 2, margin.bottom / 2, 9, 0.45, false);
    if (i > 0 && doc.runningHeader) drawLine(p, doc.runningHeader, margin.left, a4.height - margin.top / 2, 9, 0.45, false);
  });
  return pages;
}

function toUnicodeCMap(): string {
  // Codes are UCS-2 already: each high byte maps onto itself (surrogates excluded).
  const ranges: string[] = [];
  for (let hi = 0; hi < 256; hi++) {
    if (hi >= 0xd8 && hi <= 0xdf) continue;
    const h = hi.toString(16).padStart(2, "0").toUpperCase();
    ranges.push(`<${h}00> <${h}FF> <${h}00>`);
  }
  const blocks: string[] = [];
  for (let i = 0; i < ranges.length; i += 100) {
    const chunk = ranges.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfrange\n${chunk.join("\n")}\nendbfrange`);
  }
  return [
    "/CIDInit /ProcSet findresource begin",
    "12 dict begin",
    "begincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
    "/CMapName /Adobe-Identity-UCS def",
    "/CMapType 2 def",
    "1 begincodespacerange",
    "<0000> <FFFF>",
    "endcodespacerange",
    ...blocks,
    "endcmap",
    "CMapName currentdict /CMap defineresource pop",
    "end",
    "end",
  ].join("\n");
}

/** A text string for the document information dictionary: UTF-16BE with its byte-order mark. */
function infoString(text: string): string {
  let hex = "FEFF";
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, "0").toUpperCase();
  return `<${hex}>`;
}

function pdfDate(date: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `(D:${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}Z)`;
}

/** Renders the document: PDF 1.4 bytes with a cross-reference table of exact byte offsets. */
export function renderPdf(doc: PdfDocument): Buffer {
  const pages = layout(doc);
  const fixed = 8;
  const pageObject = (i: number) => fixed + 1 + i * 2;
  const objects: string[] = [];
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${pages.map((_, i) => `${pageObject(i)} 0 R`).join(" ")}] /Count ${pages.length} >>`;
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  objects[4] = "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] /ToUnicode 7 0 R >>";
  objects[5] =
    "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 6 0 R /DW 1000 >>";
  objects[6] = "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>";
  const cmap = toUnicodeCMap();
  objects[7] = `<< /Length ${Buffer.byteLength(cmap, "latin1")} >>\nstream\n${cmap}\nendstream`;
  const info = [`/Title ${infoString(doc.title)}`, "/Producer (VoC platform)", `/CreationDate ${pdfDate(doc.createdAt ?? new Date())}`];
  if (doc.author) info.push(`/Author ${infoString(doc.author)}`);
  objects[8] = `<< ${info.join(" ")} >>`;
  pages.forEach((page, i) => {
    const content = page.ops.join("\n");
    objects[pageObject(i)] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${a4.width} ${a4.height}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageObject(i) + 1} 0 R >>`;
    objects[pageObject(i) + 1] = `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`;
  });

  // Everything written is ASCII (CJK text is hex), so string length is byte length; the
  // header's comment line marks the file as binary for transfer programs.
  const chunks: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let offset = chunks[0].length;
  const offsets: number[] = [];
  for (let n = 1; n < objects.length; n++) {
    offsets[n] = offset;
    const chunk = Buffer.from(`${n} 0 obj\n${objects[n]}\nendobj\n`, "latin1");
    chunks.push(chunk);
    offset += chunk.length;
  }
  const xref = [`xref`, `0 ${objects.length}`, "0000000000 65535 f\r"];
  for (let n = 1; n < objects.length; n++) xref.push(`${String(offsets[n]).padStart(10, "0")} 00000 n\r`);
  const trailer = `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 8 0 R >>\nstartxref\n${offset}\n%%EOF\n`;
  chunks.push(Buffer.from(`${xref.join("\n")}\n${trailer}`, "latin1"));
  return Buffer.concat(chunks);
}
