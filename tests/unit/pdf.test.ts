import { describe, expect, it } from "vitest";
import { renderPdf, wrapText, type PdfBlock } from "@/lib/pdf/document";
import { textWidth } from "@/lib/pdf/metrics";

const title = "客户之声专题通报 第10期";

function sample(paragraphs = 3): Buffer {
  const blocks: PdfBlock[] = [
    { kind: "title", text: title },
    { kind: "subtitle", text: "2026年3月12日 · 通报期间 2026-03-01 至 2026-03-10" },
    { kind: "rule" },
    { kind: "heading", text: "编者按" },
  ];
  for (let i = 0; i < paragraphs; i++) {
    blocks.push({ kind: "heading", text: `${i + 1}. 分期手续费实际收取与营销宣传不一致` });
    blocks.push({ kind: "paragraph", text: "营销短信宣传“零手续费”分期，客户办理后账单中仍有每期手续费，认为被误导 (see note \\ 1)。".repeat(4) });
    blocks.push({ kind: "quote", text: "短信上写的零手续费，怎么账单里每期还扣钱？" });
  }
  return renderPdf({ title, author: "客户之声管理岗", runningHeader: title, blocks, createdAt: new Date("2026-03-12T02:00:00Z") });
}

/** The objects by number, located through the cross-reference table the file itself gives. */
function parse(pdf: Buffer) {
  const text = pdf.toString("latin1");
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
  expect(text.slice(startxref, startxref + 4)).toBe("xref");
  const [, first, size] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref))!.map(Number);
  expect(first).toBe(0);
  const table = text.slice(startxref).split("\n").slice(2, 2 + size);
  const objects = new Map<number, string>();
  table.forEach((line, n) => {
    // Every entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, two-byte end of line.
    expect(line.length + 1).toBe(20);
    if (n === 0) {
      expect(line).toBe("0000000000 65535 f\r");
      return;
    }
    const offset = Number(line.slice(0, 10));
    expect(line.slice(10)).toBe(" 00000 n\r");
    const header = `${n} 0 obj\n`;
    expect(text.slice(offset, offset + header.length)).toBe(header);
    const end = text.indexOf("\nendobj\n", offset);
    objects.set(n, text.slice(offset + header.length, end));
  });
  const trailer = /trailer\n<< \/Size (\d+) \/Root (\d+) 0 R \/Info (\d+) 0 R >>/.exec(text)!;
  expect(Number(trailer[1])).toBe(size);
  return { text, objects, root: Number(trailer[2]), info: Number(trailer[3]) };
}

function decodeHex(hex: string): string {
  let out = "";
  for (let i = 0; i < hex.length; i += 4) out += String.fromCharCode(Number.parseInt(hex.slice(i, i + 4), 16));
  return out;
}

/** The text a page's content stream shows, in order: literal strings and UCS-2 hex strings. */
function pageText(content: string): string[] {
  const lines: string[] = [];
  for (const block of content.match(/BT .*? ET/g) ?? []) {
    let line = "";
    for (const m of block.matchAll(/\((?:\\.|[^\\)])*\) Tj|<([0-9A-F]+)> Tj/g)) {
      line += m[1] !== undefined ? decodeHex(m[1]) : m[0].slice(1, -4).replace(/\\(.)/g, "$1");
    }
    lines.push(line);
  }
  return lines;
}

describe("the PDF writer", () => {
  it("writes a PDF 1.4 file whose cross-reference offsets point at each object exactly", () => {
    const pdf = sample();
    expect(pdf.subarray(0, 8).toString("latin1")).toBe("%PDF-1.4");
    const { objects, root } = parse(pdf);
    expect(objects.get(root)).toContain("/Type /Catalog");
    expect(objects.size).toBeGreaterThan(8);
  });

  it("gives every stream its exact length", () => {
    const { objects } = parse(sample());
    for (const body of objects.values()) {
      const m = /^<< \/Length (\d+) >>\nstream\n/.exec(body);
      if (!m) continue;
      const data = body.slice(m[0].length, body.lastIndexOf("\nendstream"));
      expect(Buffer.byteLength(data, "latin1")).toBe(Number(m[1]));
    }
  });

  it("uses the predefined CJK font with UCS-2 encoding and a ToUnicode map, and Helvetica for Latin", () => {
    const { text } = parse(sample());
    expect(text).toContain("/BaseFont /STSong-Light /Encoding /UniGB-UCS2-H");
    expect(text).toContain("/Registry (Adobe) /Ordering (GB1)");
    expect(text).toContain("/ToUnicode 7 0 R");
    expect(text).toContain("/BaseFont /Helvetica /Encoding /WinAnsiEncoding");
    expect(text).not.toContain("/FontFile");
  });

  it("carries the Chinese title in the document information and on the first page", () => {
    const { objects, info } = parse(sample());
    const hex = /\/Title <FEFF([0-9A-F]+)>/.exec(objects.get(info)!)![1];
    expect(decodeHex(hex)).toBe(title);
    const pages = [...objects.entries()].filter(([, body]) => body.includes("/Type /Page ")).map(([n]) => n);
    const firstContent = objects.get(pages[0] + 1)!;
    expect(pageText(firstContent)[0]).toBe(title);
    // Latin text with PDF's special characters comes back as written.
    expect(pageText(firstContent).join("")).toContain("(see note \\ 1)");
  });

  it("breaks long content into A4 pages, numbers them, and repeats the title on later pages", () => {
    const { objects } = parse(sample(12));
    const pagesObject = objects.get(2)!;
    const count = Number(/\/Count (\d+)/.exec(pagesObject)![1]);
    expect(count).toBeGreaterThan(1);
    expect(pagesObject.match(/\d+ 0 R/g)).toHaveLength(count);
    const pageObjects = [...objects.entries()].filter(([, body]) => body.includes("/Type /Page "));
    expect(pageObjects).toHaveLength(count);
    for (const [n, body] of pageObjects) {
      expect(body).toContain("/MediaBox [0 0 595.28 841.89]");
      const lines = pageText(objects.get(n + 1)!);
      const index = pageObjects.findIndex(([m]) => m === n);
      expect(lines).toContain(`${index + 1} / ${count}`);
      if (index > 0) expect(lines).toContain(title);
    }
  });
});

describe("line wrapping", () => {
  it("keeps every line within the width, breaking Chinese between characters and Latin at spaces", () => {
    const text = "客户反映密码函寄送滞后，开卡后无法用卡。Customers say the PIN letter arrives late and they cannot use the card.";
    const lines = wrapText(text, 11, 120);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(textWidth(line, 11)).toBeLessThanOrEqual(120 + 11);
    expect(lines.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
    // No English word is cut in two.
    const words = text.split(/[^A-Za-z]+/).filter(Boolean);
    const wrappedWords = lines.flatMap((l) => l.split(/[^A-Za-z]+/).filter(Boolean));
    expect(wrappedWords).toEqual(words);
  });

  it("never starts a line with closing punctuation, and breaks a word longer than the line", () => {
    // Ten ideographs fill 110 pt exactly: the comma after them hangs instead of starting the next line.
    const lines = wrapText("一二三四五六七八九十，十一", 11, 110);
    expect(lines[0]).toBe("一二三四五六七八九十，");
    expect(lines[1]).toBe("十一");
    const long = wrapText("x".repeat(100), 10, 100);
    for (const line of long) expect(textWidth(line, 10)).toBeLessThanOrEqual(100);
    expect(long.join("")).toBe("x".repeat(100));
  });

  it("keeps paragraphs apart and replaces characters UCS-2 cannot carry", () => {
    expect(wrapText("第一段\n第二段", 11, 200)).toEqual(["第一段", "第二段"]);
    expect(wrapText("表情😀", 11, 200)).toEqual(["表情?"]);
  });
});
