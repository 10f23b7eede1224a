import { describe, it, expect } from "vitest";
import fs from "node:fs";
import {
  allRegions,
  getProvinceOf,
  getRegion,
  listCities,
  listProvinces,
  resolveRegionName,
  searchRegions,
  type Region,
} from "@/lib/regions";
import { HISTORIC_REGION_NAMES } from "@/lib/regions/historic";

const fixture = fs
  .readFileSync(new URL("../fixtures/seed-region-names.txt", import.meta.url), "utf8")
  .split(/\r?\n/)
  .filter((line) => line.trim() !== "")
  .map((line) => line.trim().split(/\s+/));

/** Province (short Simplified name) of each fixture line, in the fixture's order. */
const FIXTURE_PROVINCES = [
  "安徽", "福建", "甘肃", "广东", "广西", "贵州", "海南", "河北", "河南", "黑龙江",
  "湖北", "湖南", "吉林", "江苏", "江西", "辽宁", "内蒙古", "宁夏", "青海", "山东",
  "陕西", "山西", "四川", "新疆", "西藏", "云南", "浙江",
];

/** Historic / erroneous names in the seed list and what they must map to today. */
const SEED_HISTORIC: Record<string, { code: string; name: string }> = {
  巢湖市: { code: "340100", name: "合肥市" },
  隴南地區: { code: "621200", name: "陇南市" },
  南沙群島: { code: "460300", name: "三沙市" },
  西沙群島: { code: "460300", name: "三沙市" },
  中沙群島: { code: "460300", name: "三沙市" },
  海東地區: { code: "630200", name: "海东市" },
  涼山市: { code: "513400", name: "凉山彝族自治州" },
  思茅市: { code: "530800", name: "普洱市" },
};

/** Dictionary order of toneless pinyin: syllable by syllable ("xi zang" < "xin jiang"). */
function comparePinyin(a: string, b: string): number {
  const sa = a.split(" ");
  const sb = b.split(" ");
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    if (sa[i] !== sb[i]) return sa[i] < sb[i] ? -1 : 1;
  }
  return sa.length - sb.length;
}

function codes(regions: Region[]): string[] {
  return regions.map((r) => r.code);
}

describe("seed city selector fixture", () => {
  it("has 27 province lines", () => {
    expect(fixture).toHaveLength(27);
    expect(fixture[0][0]).toBe("安慶市");
    expect(fixture[26].at(-1)).toBe("衢州市");
  });

  it("resolves every name to a city-level region of the line's province", () => {
    fixture.forEach((names, i) => {
      const expectedProvince = FIXTURE_PROVINCES[i];
      for (const name of names) {
        const match = resolveRegionName(name);
        expect(match, `${name} should resolve`).not.toBeNull();
        const region = match!.region;
        expect(region.level, name).toBe("city");
        const province = getProvinceOf(region.code);
        expect(province?.level, name).toBe("province");
        expect(province?.shortHans, `${name} → ${region.nameHans}`).toBe(expectedProvince);
        expect(region.parentCode).toBe(province?.code);
      }
    });
  });

  it("resolves the Traditional/abbreviated seed names to the right regions", () => {
    const expected: Record<string, string> = {
      安順: "520400",
      黔東南: "522600",
      甘南藏族: "623000",
      延邊朝鮮: "222400",
      大興安嶺: "232700",
      齊齊哈爾: "230200",
      恩施州: "422800",
      楚雄州: "532300",
      西雙版納: "532800",
      湘西: "433100",
      阿壩: "513200",
      甘孜: "513300",
      海西蒙古: "632800",
      海南藏族: "632500",
      巴音郭楞: "652800",
      博爾塔拉: "652700",
      昌吉回族: "652300",
      克孜勒蘇: "653000",
      伊犁: "654000",
      錫林郭勒: "152500",
      呼倫貝爾: "150700",
      週口市: "411600",
      阿裏: "542500",
      邢臺市: "130500",
      瀋陽市: "210100",
      吉林市: "220200",
      七台河市: "230900",
      台州市: "331000",
      白沙黎族: "469025",
      澄邁縣: "469023",
      神農架林區: "429021",
      濟源市: "419001",
      石河子: "659001",
      圖木舒克: "659003",
    };
    for (const [name, code] of Object.entries(expected)) {
      expect(resolveRegionName(name)?.region.code, name).toBe(code);
    }
    expect(resolveRegionName("長沙市")).toMatchObject({ matchedBy: "exact", region: { code: "430100" } });
    expect(resolveRegionName("延邊朝鮮")?.matchedBy).toBe("short");
    expect(resolveRegionName("哈密")).toMatchObject({ matchedBy: "short", region: { nameHans: "哈密市" } });
  });

  it("maps historic names in the seed to today's regions and flags them", () => {
    for (const [name, { code, name: today }] of Object.entries(SEED_HISTORIC)) {
      const match = resolveRegionName(name);
      expect(match?.matchedBy, name).toBe("historic");
      expect(match?.region.code, name).toBe(code);
      expect(match?.region.nameHans, name).toBe(today);
      expect(match?.historicNote, name).toMatch(/\S/);
    }
  });

  it("flags only the historic names", () => {
    const historic = fixture.flat().filter((n) => resolveRegionName(n)?.matchedBy === "historic");
    expect(historic.sort()).toEqual(Object.keys(SEED_HISTORIC).sort());
  });
});

describe("historic names", () => {
  it("maps renamed and abolished units", () => {
    const cases: Array<[string, string, number]> = [
      ["襄樊市", "襄阳市", 2010],
      ["思茅市", "普洱市", 2007],
      ["陇南地区", "陇南市", 2004],
      ["海东地区", "海东市", 2013],
      ["巢湖市", "合肥市", 2011],
      ["哈密地区", "哈密市", 2016],
      ["吐鲁番地区", "吐鲁番市", 2015],
      ["昌都地区", "昌都市", 2014],
      ["日喀则地区", "日喀则市", 2014],
      ["林芝地区", "林芝市", 2015],
      ["山南地区", "山南市", 2016],
      ["那曲地区", "那曲市", 2017],
      ["毕节地区", "毕节市", 2011],
      ["铜仁地区", "铜仁市", 2011],
    ];
    for (const [name, today, year] of cases) {
      const match = resolveRegionName(name);
      expect(match?.region.nameHans, name).toBe(today);
      expect(match?.matchedBy, name).toBe("historic");
      expect(match?.historicYear, name).toBe(year);
    }
    expect(resolveRegionName("三沙")).toMatchObject({ matchedBy: "short", region: { code: "460300" } });
    expect(resolveRegionName("襄樊")?.region.code).toBe("420600");
    expect(resolveRegionName("凉山市")?.historicYear).toBeUndefined();
  });

  it("points every entry at an existing city-level region", () => {
    for (const [name, entry] of Object.entries(HISTORIC_REGION_NAMES)) {
      expect(getRegion(entry.code)?.level, name).toBe("city");
      expect(entry.note.length, name).toBeGreaterThan(5);
    }
  });
});

describe("data", () => {
  const provinces = listProvinces();

  it("has the 34 provincial-level units", () => {
    expect(provinces).toHaveLength(34);
    const names = provinces.map((p) => p.shortHans);
    for (const n of ["北京", "上海", "天津", "重庆", "香港", "澳门", "台湾", "内蒙古", "新疆", "广西"]) {
      expect(names).toContain(n);
    }
    expect(getRegion("150000")).toMatchObject({ nameHans: "内蒙古自治区", shortHans: "内蒙古", nameEn: "Inner Mongolia" });
    expect(getRegion("710000")).toMatchObject({ nameHant: "臺灣省", shortHans: "台湾", parentCode: null });
  });

  it("gives every province at least one city", () => {
    for (const p of provinces) {
      const cities = listCities(p.code);
      expect(cities.length, p.nameHans).toBeGreaterThan(0);
      for (const c of cities) {
        expect(c.level).toBe("city");
        expect(c.parentCode).toBe(p.code);
      }
    }
    expect(listCities("440000")).toHaveLength(21);
    expect(listCities("999999")).toEqual([]);
  });

  it("represents municipalities and SARs with a single same-named city", () => {
    for (const [province, city] of [
      ["310000", "310100"],
      ["110000", "110100"],
      ["500000", "500100"],
      ["810000", "810100"],
    ]) {
      const cities = listCities(province);
      expect(codes(cities)).toEqual([city]);
      expect(cities[0].nameHans).toBe(getRegion(province)?.nameHans);
      expect(cities[0].sameAsProvince).toBe(true);
    }
  });

  it("attaches directly administered county-level units to their province", () => {
    expect(codes(listCities("420000"))).toEqual(expect.arrayContaining(["429004", "429005", "429006", "429021"]));
    expect(codes(listCities("410000"))).toContain("419001");
    expect(codes(listCities("460000"))).toEqual(
      expect.arrayContaining(["469002", "469005", "469023", "469025", "460300", "460400"]),
    );
    expect(codes(listCities("650000"))).toEqual(expect.arrayContaining(["659001", "659002", "659003", "659004"]));
    for (const pseudo of ["419000", "429000", "469000", "659000"]) expect(getRegion(pseudo)).toBeNull();
  });

  it("fills all names and uses unique 6-digit codes", () => {
    const all = provinces.flatMap((p) => [p, ...listCities(p.code)]);
    expect(new Set(codes(all)).size).toBe(all.length);
    for (const r of all) {
      expect(r.code).toMatch(/^\d{6}$/);
      expect(r.nameHans, r.code).not.toBe("");
      expect(r.nameHant, r.code).not.toBe("");
      expect(r.shortHans, r.code).not.toBe("");
      expect(r.pinyin, r.code).toMatch(/^[a-zü]+( [a-zü]+)*$/);
      expect(r.initials, r.code).toBe(r.pinyin.split(" ").map((s) => s[0]).join(""));
      expect(r.nameEn, r.code).not.toBe("");
    }
  });

  it("strips suffixes and converts to Traditional", () => {
    expect(getRegion("222400")).toMatchObject({
      nameHans: "延边朝鲜族自治州",
      nameHant: "延邊朝鮮族自治州",
      shortHans: "延边",
      shortHant: "延邊",
    });
    expect(getRegion("652700")?.shortHans).toBe("博尔塔拉");
    expect(getRegion("632800")?.shortHans).toBe("海西");
    expect(getRegion("429021")?.shortHans).toBe("神农架");
    expect(getRegion("542500")).toMatchObject({ shortHans: "阿里", nameHant: "阿里地區" });
    expect(getRegion("210100")?.nameHant).toBe("瀋陽市");
    expect(getRegion("659009")?.nameHant).toBe("昆玉市");
    expect(getRegion("360500")?.nameHant).toBe("新餘市");
  });
});

describe("pinyin", () => {
  it("uses place-name readings", () => {
    const readings: Record<string, [string, string]> = {
      "430100": ["chang sha", "cs"],
      "500000": ["chong qing", "cq"],
      "350200": ["xia men", "xm"],
      "340300": ["beng bu", "bb"],
      "341500": ["lu an", "la"],
      "331100": ["li shui", "ls"],
      "511100": ["le shan", "ls"],
      "540300": ["chang du", "cd"],
      "653100": ["ka shi", "ks"],
      "220100": ["chang chun", "cc"],
      "141100": ["lü liang", "ll"],
    };
    for (const [code, [py, initials]] of Object.entries(readings)) {
      expect(getRegion(code)).toMatchObject({ pinyin: py, initials });
    }
    expect(getRegion("430100")?.nameEn).toBe("Changsha");
    expect(getRegion("610100")?.nameEn).toBe("Xi'an");
  });

  it("sorts provinces by pinyin", () => {
    const provinces = listProvinces();
    expect(provinces.slice(0, 5).map((p) => p.shortHans)).toEqual(["安徽", "澳门", "北京", "重庆", "福建"]);
    expect(provinces.at(-1)?.shortHans).toBe("浙江");
    const sorted = [...provinces].sort((a, b) => comparePinyin(a.pinyin, b.pinyin) || (a.code < b.code ? -1 : 1));
    expect(codes(provinces)).toEqual(codes(sorted));
    const order = provinces.map((p) => p.shortHans);
    expect(order.indexOf("西藏")).toBeLessThan(order.indexOf("新疆"));
    expect(order.indexOf("山西")).toBe(order.indexOf("陕西") - 1);
  });

  it("sorts cities within each province by pinyin", () => {
    for (const p of listProvinces()) {
      const cities = listCities(p.code);
      for (let i = 1; i < cities.length; i++) {
        expect(comparePinyin(cities[i - 1].pinyin, cities[i].pinyin), cities[i].nameHans).toBeLessThanOrEqual(0);
      }
    }
    expect(listCities("430000").slice(0, 3).map((c) => c.shortHans)).toEqual(["常德", "长沙", "郴州"]);
  });
});

describe("searchRegions", () => {
  it("finds 长沙 by initials, pinyin and either script", () => {
    for (const q of ["cs", "changsha", "chang sha", "ChangSha", "長沙", "长沙", "长沙市"]) {
      expect(searchRegions(q)[0]?.code, q).toBe("430100");
    }
  });

  it("finds 苏州 in either script", () => {
    for (const q of ["苏州", "蘇州"]) {
      const result = searchRegions(q);
      expect(result[0]?.code, q).toBe("320500");
      expect(codes(result)).not.toContain("341300"); // 宿州 is a different city
    }
    expect(codes(searchRegions("suzhou"))).toEqual(expect.arrayContaining(["320500", "341300"]));
  });

  it("ranks exact and prefix matches first and respects the limit", () => {
    expect(searchRegions("xian")[0]?.shortHans).toBe("西安");
    expect(codes(searchRegions("xian"))).toContain("610400"); // 咸阳, prefix
    expect(searchRegions("州", 5)).toHaveLength(5);
    expect(searchRegions("lvliang")[0]?.code).toBe("141100");
    expect(searchRegions("luliang")[0]?.code).toBe("141100");
    expect(codes(searchRegions("sz"))).toEqual(expect.arrayContaining(["320500", "440300"]));
    expect(searchRegions("黑龍江").map((r) => r.code)).toEqual(["230000"]);
    expect(searchRegions("襄樊")[0]?.code).toBe("420600");
  });

  it("returns nothing for empty or unknown queries", () => {
    expect(searchRegions("")).toEqual([]);
    expect(searchRegions("   ")).toEqual([]);
    expect(searchRegions("qqqq")).toEqual([]);
    expect(searchRegions("火星基地")).toEqual([]);
  });
});

describe("resolveRegionName", () => {
  it("returns null for unknown names", () => {
    expect(resolveRegionName("火星市")).toBeNull();
    expect(resolveRegionName("不存在地区")).toBeNull();
    expect(resolveRegionName("")).toBeNull();
    expect(resolveRegionName("Changsha")).toBeNull();
  });

  it("resolves provinces and ambiguous names", () => {
    expect(resolveRegionName("臺灣")?.region.code).toBe("710000");
    expect(resolveRegionName("内蒙古")?.region.code).toBe("150000");
    expect(resolveRegionName("廣西壯族自治區")).toMatchObject({ matchedBy: "exact", region: { code: "450000" } });
    expect(resolveRegionName("吉林")?.region.code).toBe("220000");
    expect(resolveRegionName("吉林", { prefer: "city" })?.region.code).toBe("220200");
    expect(resolveRegionName("海南")?.region.code).toBe("460000");
    expect(resolveRegionName("上海市", { prefer: "city" })?.region.code).toBe("310100");
    expect(resolveRegionName("朝阳", { provinceCode: "210000" })?.region.code).toBe("211300");
    expect(resolveRegionName("朝阳", { provinceCode: "110000" })).toBeNull();
  });

  it("accepts a province prefix", () => {
    expect(resolveRegionName("湖北省武汉市")?.region.code).toBe("420100");
    expect(resolveRegionName("廣東深圳")?.region.code).toBe("440300");
    expect(resolveRegionName("吉林吉林")?.region.code).toBe("220200");
  });
});

describe("allRegions", () => {
  it("lists every province followed by its cities", () => {
    const all = allRegions();
    expect(all).toHaveLength(
      listProvinces().reduce((n, p) => n + 1 + listCities(p.code).length, 0),
    );
    expect(all[0]).toMatchObject({ code: "340000", level: "province" });
    expect(all[1]).toMatchObject({ code: "340800", parentCode: "340000" }); // 安庆
    const seen = new Set<string>();
    for (const r of all) {
      if (r.parentCode !== null) expect(seen.has(r.parentCode), r.code).toBe(true);
      seen.add(r.code);
    }
  });
});
