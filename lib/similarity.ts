/**
 * How alike two short Chinese texts are, for "does this look like an existing problem?".
 * Words from Intl.Segmenter plus character bigrams (robust to segmentation differences),
 * compared with the Dice coefficient. No index needed at the sizes it runs on: the open
 * issues and a site's records of the last two weeks.
 */
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
const stopWords = new Set(["客户", "反映", "来电", "表示", "要求", "的", "了", "是", "在", "和", "我", "您", "请", "一下", "没有", "不", "也", "就", "都", "还", "说"]);

export function features(text: string): Set<string> {
  const out = new Set<string>();
  const clean = text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, " ");
  // Runs of kept text (filler words and punctuation break a run), for bigrams within them.
  let runs = "";
  for (const { segment, isWordLike } of segmenter.segment(clean)) {
    const word = segment.trim();
    if (!isWordLike || stopWords.has(word)) {
      runs += "|";
      continue;
    }
    if (word.length >= 2) out.add(`w:${word}`);
    runs += word;
  }
  for (const run of runs.split("|")) {
    for (let i = 0; i + 1 < run.length; i++) out.add(`b:${run.slice(i, i + 2)}`);
  }
  return out;
}

export function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const f of a) if (b.has(f)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

export interface Scored<T> {
  item: T;
  score: number;
}

/** The candidates most like `text`, best first, above `threshold`. */
export function mostSimilar<T>(text: string, candidates: T[], textOf: (item: T) => string, options: { limit?: number; threshold?: number; bonus?: (item: T) => number } = {}): Scored<T>[] {
  const query = features(text);
  if (query.size === 0) return [];
  const { limit = 3, threshold = 0.18, bonus } = options;
  return candidates
    .map((item) => ({ item, score: dice(query, features(textOf(item))) + (bonus?.(item) ?? 0) }))
    .filter((s) => s.score >= threshold)
    .sort((x, y) => y.score - x.score)
    .slice(0, limit);
}
