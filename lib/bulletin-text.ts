import type { Locale } from "@/lib/i18n/config";

/**
 * Small text helpers the bulletin's page and its PDF share: how sections are numbered, how a
 * trend reads, and what changed between two wordings of a corrected bulletin.
 */

const digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一: how Chinese documents number their sections (1–99). */
export function chineseOrdinal(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  return `${tens === 0 ? "" : tens === 1 ? "十" : `${digits[tens]}十`}${digits[n % 10]}`;
}

/** "一、" in Chinese, "1." in English. */
export function sectionNumber(n: number, locale: Locale): string {
  if (locale === "en" || !Number.isInteger(n) || n <= 0 || n >= 100) return `${n}.`;
  return `${chineseOrdinal(n)}、`;
}

/** A change in percent with its sign and one decimal: +150.0%, -12.5%, 0.0%. */
export function signedPercent(value: number): string {
  return `${value > 0 ? "+" : ""}${value.toFixed(1)}%`;
}

export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

/** Beyond this many character pairs the texts are shown whole, old then new, instead of compared. */
const maxCells = 4_000_000;

/**
 * What changed between two texts, character by character (Chinese has no spaces to split
 * words on): the longest common subsequence, with the rest marked removed or added.
 */
export function diffText(before: string, after: string): DiffPart[] {
  const a = [...before];
  const b = [...after];
  if (a.length * b.length > maxCells) {
    return [...(before ? [{ kind: "removed" as const, text: before }] : []), ...(after ? [{ kind: "added" as const, text: after }] : [])];
  }
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart["kind"], text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push("same", a[i]);
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) {
      push("removed", a[i++]);
    } else {
      push("added", b[j++]);
    }
  }
  while (i < a.length) push("removed", a[i++]);
  while (j < b.length) push("added", b[j++]);
  return parts;
}
