import { describe, expect, it } from "vitest";
import { civilDate, CopyWriter, fragment, NULL_FIELD } from "@/lib/generator/copy-text";
import { Random, Weighted } from "@/lib/generator/random";

// The generator writes COPY text straight into bytes, with dates from integer arithmetic: each
// encoder must say exactly what the slow, obvious way (Date, toISOString, String) says.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A moment as Shanghai timestamptz text, the obvious way: toISOString of the moment plus eight hours. */
function shanghaiText(ms: number): string {
  const iso = new Date(ms + 8 * HOUR).toISOString();
  const millis = iso.slice(20, 23);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${millis === "000" ? "" : `.${millis}`}+08`;
}

/** The fields of the rows written, as text. */
function fields(write: (w: CopyWriter) => void, capacity = 64): string[] {
  const w = new CopyWriter(capacity, 2);
  w.begin(256);
  write(w);
  w.end();
  return w.take().toString().replace(/\n$/, "").split("\t");
}

describe("COPY text encoder", () => {
  it("dates a day number as Date does, over four centuries and before 1970", () => {
    const wrong: number[] = [];
    for (let day = -25_567; day < 120_000; day += 1) {
      const iso = new Date(day * DAY).toISOString();
      if (civilDate(day) !== Number(iso.slice(0, 4)) * 10_000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10))) wrong.push(day);
    }
    expect(wrong).toEqual([]);
  });

  it("writes a moment in Shanghai time as toISOString plus eight hours says, at month, year and leap-day edges", () => {
    const edges = [
      "2025-12-31T15:59:59.999Z", // 23:59:59.999 on New Year's Eve in Shanghai
      "2025-12-31T16:00:00.000Z", // and midnight of the new year
      "2024-02-28T16:00:00.000Z", // leap day
      "2024-02-29T15:59:59.000Z",
      "2024-02-29T16:00:00.001Z", // 1 March
      "2023-02-28T16:00:00.000Z", // 1 March of a common year
      "2000-02-28T16:30:00.000Z", // 2000 is a leap year
      "2100-02-28T16:00:00.000Z", // 2100 is not
      "2026-04-30T16:00:00.000Z",
      "2026-06-30T23:59:59.500Z",
      "1970-01-01T00:00:00.000Z",
      "1969-12-31T15:59:59.000Z", // before the epoch, still 1969 in Shanghai
    ].map((t) => Date.parse(t));
    const random = new Random(11);
    const moments = [...edges, ...Array.from({ length: 2_000 }, () => Date.UTC(2015, 0, 1) + Math.floor(random.next() * 15 * 365 * DAY))];
    // One writer for all, so that days cached earlier (and days 64 apart, in the same slot) are checked too.
    const w = new CopyWriter(16, 1);
    const expected: string[] = [];
    for (const ms of [...moments, ...moments.map((m) => m + 64 * DAY), ...moments]) {
      w.begin(64);
      w.time(ms);
      w.end();
      expected.push(shanghaiText(ms));
    }
    expect(w.take().toString().split("\n").slice(0, -1)).toEqual(expected);
  });

  it("writes a moment that PostgreSQL reads as the same instant", () => {
    for (const ms of [Date.parse("2026-01-01T00:00:00Z"), Date.parse("2024-02-29T23:59:59.123Z")]) {
      const [text] = fields((w) => w.time(ms));
      expect(Date.parse(text.replace(" ", "T").replace(/\+08$/, "+08:00"))).toBe(ms);
    }
  });

  it("repeats the last time field, and writes integers, padded digits and NULL", () => {
    const ms = Date.parse("2026-03-15T02:03:04Z");
    expect(fields((w) => (w.time(ms), w.again(), w.again()))).toEqual(Array(3).fill(shanghaiText(ms)));
    expect(fields((w) => (w.int(0), w.int(7), w.int(1_234_567), w.int(2 ** 31), w.int(2 ** 40 + 5), w.int(-1)))).toEqual([
      "0",
      "7",
      "1234567",
      String(2 ** 31),
      String(2 ** 40 + 5),
      "\\N",
    ]);
    expect(fields((w) => (w.digits(42, 6), w.close(), w.digits(1_234_567, 6), w.close(), w.compactDate(Date.parse("2025-12-31T16:00:00Z")), w.close()))).toEqual([
      "000042",
      "1234567",
      "20260101",
    ]);
  });

  it("escapes texts once, when the fragment is made, and keeps NULL as the one unescaped backslash", () => {
    expect(fields((w) => (w.field(fragment("a\tb\\c\nd\re")), w.field(NULL_FIELD), w.text("x\ty"), w.ascii("https://example.com/a")))).toEqual([
      "a\\tb\\\\c\\nd\\re",
      "\\N",
      "x\\ty",
      "https://example.com/a",
    ]);
    expect(fields((w) => w.field2(fragment("客户来电"), fragment("谢谢。")))).toEqual(["客户来电谢谢。"]);
  });

  it("grows past its capacity and says where each row begins", () => {
    const w = new CopyWriter(8, 1);
    const lines: string[] = [];
    for (let i = 0; i < 300; i++) {
      w.begin(128);
      w.int(i);
      w.field(fragment("第".repeat(i % 40)));
      w.end();
      lines.push(`${i}\t${"第".repeat(i % 40)}\n`);
    }
    expect(w.rows).toBe(300);
    const offsets = w.rowOffsets();
    const bytes = w.take();
    expect(bytes.toString()).toBe(lines.join(""));
    expect(offsets.length).toBe(301);
    expect(bytes.subarray(offsets[299], offsets[300]).toString()).toBe(lines[299]);
    expect(bytes.subarray(0, offsets[10]).toString()).toBe(lines.slice(0, 10).join(""));
    expect(w.rows).toBe(0);
  });
});

describe("weighted choice", () => {
  it("picks the first item whose cumulative weight exceeds the draw, scanning short tables and searching long ones", () => {
    for (const size of [1, 2, 5, 8, 9, 30]) {
      const weights = Array.from({ length: size }, (_, i) => ((i * 7) % 5) + 0.5);
      const table = new Weighted(weights.map((w, i) => [i, w] as const));
      const a = new Random(size);
      const b = new Random(size);
      const total = weights.reduce((x, y) => x + y, 0);
      for (let k = 0; k < 5_000; k++) {
        const x = b.next() * total;
        let sum = 0;
        let expected = size - 1;
        for (let i = 0; i < size; i++) {
          sum += weights[i];
          if (sum > x) {
            expected = i;
            break;
          }
        }
        expect(table.pick(a)).toBe(expected);
      }
    }
  });
});
