/**
 * China regions reference (provincial + city level), pure functions over the
 * generated `data.json` (see scripts/build-regions.ts; GB/T 2260 codes).
 *
 * Levels:
 *  - "province": the 34 provincial-level units (incl. 4 municipalities, HK, Macau, Taiwan);
 *  - "city": prefecture-level units (市/地区/自治州/盟) and county-level units
 *    administered directly by a province (e.g. 海南 琼海市, 湖北 仙桃市, 新疆 石河子市),
 *    whose parentCode is the province. Municipalities, HK, Macau and Taiwan have a
 *    single city entry with the province's own name (`sameAsProvince: true`,
 *    code `xx0100`), so a province→city picker always has at least one option.
 *
 * Lists are in pinyin order (provinces; cities within a province).
 */
import { Converter } from "opencc-js/t2cn";
import data from "./data.json";
import { HISTORIC_REGION_NAMES } from "./historic";

export type RegionLevel = "province" | "city";

export interface Region {
  /** 6-digit GB/T 2260 code. */
  readonly code: string;
  /** Province code for cities, null for provinces. */
  readonly parentCode: string | null;
  readonly level: RegionLevel;
  /** Full Simplified name, e.g. 延边朝鲜族自治州. */
  readonly nameHans: string;
  /** Full Traditional name, e.g. 延邊朝鮮族自治州. */
  readonly nameHant: string;
  /** Name without administrative/ethnic suffix, e.g. 延边. */
  readonly shortHans: string;
  readonly shortHant: string;
  /** Toneless lowercase pinyin of the short name, space separated (ü kept), e.g. "chang sha". */
  readonly pinyin: string;
  /** First letters of the pinyin syllables, e.g. "cs". */
  readonly initials: string;
  /** Pinyin spelling (conventional English names for provinces), e.g. "Changsha", "Inner Mongolia". */
  readonly nameEn: string;
  /** City entry that mirrors its provincial-level unit (municipalities, HK, Macau, Taiwan). */
  readonly sameAsProvince?: boolean;
}

export type RegionMatchKind = "exact" | "short" | "historic";

export interface RegionNameMatch {
  region: Region;
  matchedBy: RegionMatchKind;
  /** Set when matchedBy is "historic". */
  historicNote?: string;
  /** Year of the historic change, when known. */
  historicYear?: number;
}

export interface ResolveRegionOptions {
  /** Only consider this province and its cities. */
  provinceCode?: string;
  /**
   * Which level wins when a name is ambiguous between a province and a city
   * (吉林 → 吉林省 / 吉林市, 海南 → 海南省 / 海南藏族自治州, 上海市 → province / its city entry).
   * Default "province".
   */
  prefer?: RegionLevel;
}

// ---------------------------------------------------------------------------
// Data and indexes (built once at module load; the data set is small)

const REGIONS: readonly Region[] = Object.freeze(
  (data.regions as readonly Region[]).map((r) => Object.freeze({ ...r })),
);

const ORDER = new Map<Region, number>(REGIONS.map((r, i) => [r, i]));
const BY_CODE = new Map<string, Region>(REGIONS.map((r) => [r.code, r]));
const PROVINCES: readonly Region[] = REGIONS.filter((r) => r.level === "province");
const CITIES_BY_PROVINCE = new Map<string, Region[]>();
for (const r of REGIONS) {
  if (r.level !== "city" || r.parentCode === null) continue;
  const list = CITIES_BY_PROVINCE.get(r.parentCode) ?? [];
  list.push(r);
  CITIES_BY_PROVINCE.set(r.parentCode, list);
}

function multiIndex(key: (r: Region) => string): Map<string, Region[]> {
  const m = new Map<string, Region[]>();
  for (const r of REGIONS) {
    const k = key(r);
    const list = m.get(k) ?? [];
    list.push(r);
    m.set(k, list);
  }
  return m;
}

const BY_FULL_NAME = multiIndex((r) => r.nameHans);
const BY_SHORT_NAME = multiIndex((r) => r.shortHans);

// ---------------------------------------------------------------------------
// Text normalisation

let t2sConverter: ((text: string) => string) | undefined;

/** Traditional → Simplified converter, constructed on first use and cached. */
function traditionalToSimplified(text: string): string {
  t2sConverter ??= Converter({ from: "t", to: "cn" });
  return t2sConverter(text);
}

/** Variant / Traditional characters seen in place names that must fold to the Simplified form. */
const CHAR_VARIANTS: Readonly<Record<string, string>> = {
  週: "周",
  裏: "里",
  裡: "里",
  臺: "台",
  檯: "台",
  颱: "台",
  崑: "昆",
  峯: "峰",
  巖: "岩",
  嶺: "岭",
  濟: "济",
  瀋: "沈",
};

const HAN_RE = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Simplified, whitespace/punctuation-free form of a Chinese place name. */
function normalizeHan(input: string): string {
  const compact = input.normalize("NFKC").replace(/[\s·•・．.,，、()（）\[\]【】"'“”‘’]/g, "");
  if (!compact) return "";
  const simplified = HAN_RE.test(compact) ? traditionalToSimplified(compact) : compact;
  let out = "";
  for (const ch of simplified) out += CHAR_VARIANTS[ch] ?? ch;
  return out;
}

const ETHNIC_WORDS = [
  "柯尔克孜", "哈萨克", "维吾尔", "蒙古族", "蒙古", "朝鲜族", "土家族", "布依族",
  "哈尼族", "景颇族", "傈僳族", "仡佬族", "仫佬族", "毛南族", "纳西族", "拉祜族",
  "撒拉族", "苗族", "侗族", "藏族", "羌族", "彝族", "壮族", "傣族", "白族", "回族",
  "黎族", "瑶族", "满族", "畲族", "水族", "佤族", "土族", "怒族",
].sort((a, b) => b.length - a.length);

const INPUT_SUFFIXES = ["特别行政区", "自治区", "自治州", "自治县", "地区", "林区", "省", "市", "盟", "州", "县"];

/** Strips one administrative suffix and trailing ethnic words: 恩施州 → 恩施, 甘南藏族 → 甘南. */
function stripInputSuffix(q: string): string {
  let s = q;
  for (const suffix of INPUT_SUFFIXES) {
    if (s.endsWith(suffix) && s.length - suffix.length >= 2) {
      s = s.slice(0, -suffix.length);
      break;
    }
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const w of ETHNIC_WORDS) {
      if (s.endsWith(w) && s.length - w.length >= 2) {
        s = s.slice(0, -w.length);
        changed = true;
        break;
      }
    }
  }
  return s;
}

// ---------------------------------------------------------------------------
// Lookups

/** Every region: each province (pinyin order) directly followed by its cities (pinyin order). */
export function allRegions(): Region[] {
  return [...REGIONS];
}

/** The 34 provincial-level units in pinyin order (安徽, 澳门, 北京, 重庆, …). */
export function listProvinces(): Region[] {
  return [...PROVINCES];
}

/** City-level regions of a province in pinyin order; [] for an unknown code. */
export function listCities(provinceCode: string): Region[] {
  return [...(CITIES_BY_PROVINCE.get(provinceCode) ?? [])];
}

export function getRegion(code: string): Region | null {
  return BY_CODE.get(code) ?? null;
}

/** The provincial-level unit of a region (itself for a province). */
export function getProvinceOf(code: string): Region | null {
  const r = BY_CODE.get(code);
  if (!r) return null;
  return r.parentCode === null ? r : BY_CODE.get(r.parentCode) ?? null;
}

// ---------------------------------------------------------------------------
// Name resolution

function inProvince(r: Region, provinceCode: string | undefined): boolean {
  return provinceCode === undefined || r.code === provinceCode || r.parentCode === provinceCode;
}

function pick(cands: readonly Region[], opts: ResolveRegionOptions): Region | null {
  const filtered = cands.filter((r) => inProvince(r, opts.provinceCode));
  if (filtered.length === 0) return null;
  const prefer = opts.prefer ?? "province";
  const sorted = [...filtered].sort(
    (a, b) =>
      (a.level === prefer ? 0 : 1) - (b.level === prefer ? 0 : 1) || ORDER.get(a)! - ORDER.get(b)!,
  );
  return sorted[0];
}

/** Short name, or a prefix of the full name that covers the short name (甘南藏族, 延边朝鲜, 海西蒙古). */
function shortOrPrefixMatches(q: string): Region[] {
  const out = [...(BY_SHORT_NAME.get(q) ?? [])];
  for (const r of REGIONS) {
    if (q.length > r.shortHans.length && q.startsWith(r.shortHans) && r.nameHans.startsWith(q)) {
      out.push(r);
    }
  }
  return out;
}

function historicMatch(q: string): { code: string; note: string; year?: number } | null {
  const direct = HISTORIC_REGION_NAMES[q];
  if (direct) return direct;
  // Historic name without its suffix (思茅 → 思茅市), unless that is a current name.
  for (const [name, entry] of Object.entries(HISTORIC_REGION_NAMES)) {
    if (stripInputSuffix(name) === q) return entry;
  }
  return null;
}

function resolveNormalized(
  q: string,
  opts: ResolveRegionOptions,
  allowProvincePrefix: boolean,
): RegionNameMatch | null {
  const exact = pick(BY_FULL_NAME.get(q) ?? [], opts);
  if (exact) return { region: exact, matchedBy: "exact" };

  const short = pick(shortOrPrefixMatches(q), opts);
  if (short) return { region: short, matchedBy: "short" };

  const historic = historicMatch(q);
  if (historic) {
    const region = BY_CODE.get(historic.code);
    if (region && inProvince(region, opts.provinceCode)) {
      return {
        region,
        matchedBy: "historic",
        historicNote: historic.note,
        ...(historic.year !== undefined ? { historicYear: historic.year } : {}),
      };
    }
  }

  const stripped = stripInputSuffix(q);
  if (stripped !== q) {
    const viaStripped = pick(shortOrPrefixMatches(stripped), opts);
    if (viaStripped) return { region: viaStripped, matchedBy: "short" };
  }

  // "湖北省武汉市", "广东深圳", "新疆伊犁": province prefix + city name.
  if (allowProvincePrefix) {
    for (const p of PROVINCES) {
      if (opts.provinceCode !== undefined && p.code !== opts.provinceCode) continue;
      for (const prefix of [p.nameHans, p.shortHans]) {
        if (q.length > prefix.length && q.startsWith(prefix)) {
          const rest = q.slice(prefix.length);
          const m = resolveNormalized(rest, { ...opts, provinceCode: p.code, prefer: "city" }, false);
          if (m) return m;
        }
      }
    }
  }
  return null;
}

/**
 * Resolves a Simplified or Traditional region name, with or without suffixes
 * ("長沙市", "延邊朝鮮", "恩施州", "齊齊哈爾", "阿裏"), including historic names
 * ("襄樊市" → 襄阳市, matchedBy "historic"). Returns null when nothing matches.
 */
export function resolveRegionName(name: string, options: ResolveRegionOptions = {}): RegionNameMatch | null {
  const key = `${name}\u0000${options.prefer ?? ""}\u0000${options.provinceCode ?? ""}`;
  const known = resolvedNames.get(key);
  if (known !== undefined) return known;
  const q = normalizeHan(name);
  const match = [...q].length < 2 ? null : resolveNormalized(q, options, true);
  // A short name can scan every region (about 0.2 ms); intake names the same few cities all day.
  if (resolvedNames.size >= resolvedNamesLimit) resolvedNames.clear();
  resolvedNames.set(key, match);
  return match;
}

/** Answers of resolveRegionName: a pure function of its arguments over fixed data. */
const resolvedNames = new Map<string, RegionNameMatch | null>();
const resolvedNamesLimit = 10_000;

// ---------------------------------------------------------------------------
// Type-ahead search

interface LatinKeys {
  pinyinV: string;
  pinyinU: string;
  initials: string;
  english: string;
}

let latinKeys: Map<Region, LatinKeys> | undefined;

function getLatinKeys(r: Region): LatinKeys {
  latinKeys ??= new Map(
    REGIONS.map((x) => {
      const compact = x.pinyin.replace(/\s+/g, "");
      return [
        x,
        {
          pinyinV: compact.replace(/ü/g, "v"),
          pinyinU: compact.replace(/ü/g, "u"),
          initials: x.initials.replace(/ü/g, "v"),
          english: x.nameEn.toLowerCase().replace(/[\s'’-]/g, ""),
        },
      ];
    }),
  );
  return latinKeys.get(r)!;
}

function latinScore(r: Region, q: string): number | null {
  const k = getLatinKeys(r);
  if (k.pinyinV === q || k.pinyinU === q || k.english === q) return 0;
  if (k.initials === q) return 1;
  if (k.pinyinV.startsWith(q) || k.pinyinU.startsWith(q) || k.english.startsWith(q)) return 2;
  if (k.initials.startsWith(q)) return 3;
  return null;
}

function hanScore(r: Region, q: string, raw: string): number | null {
  if (r.nameHans === q || r.shortHans === q || r.nameHant === raw || r.shortHant === raw) return 0;
  if (r.nameHans.startsWith(q) || r.nameHant.startsWith(raw)) return 1;
  if (r.nameHans.includes(q) || r.nameHant.includes(raw)) return 2;
  return null;
}

/**
 * Type-ahead search. Chinese input (either script) matches names by substring;
 * Latin input matches full pinyin by prefix (spaces/apostrophes optional, v or u for ü),
 * pinyin initials ("cs") or the English name. Best matches first (exact, then prefix,
 * then substring); within a tier cities come before provinces, then pinyin order.
 * Historic names ("襄樊") find today's region after current-name matches.
 */
export function searchRegions(query: string, limit = 20): Region[] {
  if (limit <= 0) return [];
  const raw = query.normalize("NFKC").trim();
  if (!raw) return [];

  const scored: Array<{ region: Region; score: number }> = [];
  if (HAN_RE.test(raw)) {
    const rawCompact = raw.replace(/\s+/g, "");
    const q = normalizeHan(raw);
    if (!q) return [];
    const seen = new Set<Region>();
    for (const r of REGIONS) {
      const s = hanScore(r, q, rawCompact);
      if (s !== null) {
        scored.push({ region: r, score: s });
        seen.add(r);
      }
    }
    for (const [name, entry] of Object.entries(HISTORIC_REGION_NAMES)) {
      const r = BY_CODE.get(entry.code);
      if (r && !seen.has(r) && name.includes(q)) {
        scored.push({ region: r, score: 3 });
        seen.add(r);
      }
    }
  } else {
    const q = raw
      .toLowerCase()
      .replace(/ü|u:/g, "v")
      .replace(/[\s'’\-_.]/g, "");
    if (!/^[a-z]+$/.test(q)) return [];
    for (const r of REGIONS) {
      const s = latinScore(r, q);
      if (s !== null) scored.push({ region: r, score: s });
    }
  }

  scored.sort(
    (a, b) =>
      a.score - b.score ||
      (a.region.level === "city" ? 0 : 1) - (b.region.level === "city" ? 0 : 1) ||
      ORDER.get(a.region)! - ORDER.get(b.region)!,
  );
  return scored.slice(0, limit).map((x) => x.region);
}
