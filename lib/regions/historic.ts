/**
 * Historic or variant region names (Simplified) → today's city-level region code.
 *
 * Used by `resolveRegionName` as a last resort, so legacy data (old address
 * records, old city selectors) still maps to a current region. Keys are full
 * names; `resolveRegionName` also accepts them without their suffix
 * (思茅 → 普洱市), unless that short form is itself a current region name.
 */
export interface HistoricRegionName {
  /** Code of today's region (must exist in data.json). */
  code: string;
  /** Year of the change; omitted for names that never existed officially. */
  year?: number;
  /** One-line explanation. */
  note: string;
}

export const HISTORIC_REGION_NAMES: Readonly<Record<string, HistoricRegionName>> = {
  // Anhui
  巢湖市: {
    code: "340100",
    year: 2011,
    note: "Prefecture-level 巢湖市 abolished; its core became county-level 巢湖市 under 合肥市 (other counties went to 芜湖/马鞍山)",
  },
  巢湖地区: { code: "340100", year: 2011, note: "巢湖地区 became 巢湖市 (1999), abolished in 2011; core now under 合肥市" },
  徽州地区: { code: "341000", year: 1987, note: "徽州地区 became 黄山市" },
  // Yunnan
  思茅市: { code: "530800", year: 2007, note: "思茅市 renamed 普洱市" },
  思茅地区: { code: "530800", year: 2007, note: "思茅地区 became 思茅市 (2003), renamed 普洱市 in 2007" },
  丽江地区: { code: "530700", year: 2002, note: "丽江地区 became 丽江市" },
  临沧地区: { code: "530900", year: 2003, note: "临沧地区 became 临沧市" },
  // Gansu
  陇南地区: { code: "621200", year: 2004, note: "陇南地区 became 陇南市" },
  定西地区: { code: "621100", year: 2003, note: "定西地区 became 定西市" },
  平凉地区: { code: "620800", year: 2002, note: "平凉地区 became 平凉市" },
  庆阳地区: { code: "621000", year: 2002, note: "庆阳地区 became 庆阳市" },
  // Qinghai
  海东地区: { code: "630200", year: 2013, note: "海东地区 became 海东市" },
  // Hubei
  襄樊市: { code: "420600", year: 2010, note: "襄樊市 renamed 襄阳市" },
  荆沙市: { code: "421000", year: 1996, note: "荆沙市 renamed 荆州市" },
  // Hunan
  大庸市: { code: "430800", year: 1994, note: "大庸市 renamed 张家界市" },
  // Hainan
  南沙群岛: { code: "460300", year: 2012, note: "Administered by 三沙市 since 2012 (formerly 西南中沙群岛办事处)" },
  西沙群岛: { code: "460300", year: 2012, note: "Administered by 三沙市 since 2012 (formerly 西南中沙群岛办事处)" },
  中沙群岛: { code: "460300", year: 2012, note: "Administered by 三沙市 since 2012 (formerly 西南中沙群岛办事处)" },
  西南中沙群岛: { code: "460300", year: 2012, note: "西南中沙群岛办事处 replaced by 三沙市" },
  // Xinjiang
  哈密地区: { code: "650500", year: 2016, note: "哈密地区 became 哈密市" },
  吐鲁番地区: { code: "650400", year: 2015, note: "吐鲁番地区 became 吐鲁番市" },
  // Tibet
  昌都地区: { code: "540300", year: 2014, note: "昌都地区 became 昌都市" },
  日喀则地区: { code: "540200", year: 2014, note: "日喀则地区 became 日喀则市" },
  林芝地区: { code: "540400", year: 2015, note: "林芝地区 became 林芝市" },
  山南地区: { code: "540500", year: 2016, note: "山南地区 became 山南市" },
  那曲地区: { code: "540600", year: 2017, note: "那曲地区 became 那曲市" },
  // Guizhou
  毕节地区: { code: "520500", year: 2011, note: "毕节地区 became 毕节市" },
  铜仁地区: { code: "520600", year: 2011, note: "铜仁地区 became 铜仁市" },
  安顺地区: { code: "520400", year: 2000, note: "安顺地区 became 安顺市" },
  // Shandong
  莱芜市: { code: "370100", year: 2019, note: "莱芜市 abolished; its districts became part of 济南市" },
  // Inner Mongolia
  哲里木盟: { code: "150500", year: 1999, note: "哲里木盟 became 通辽市" },
  伊克昭盟: { code: "150600", year: 2001, note: "伊克昭盟 became 鄂尔多斯市" },
  呼伦贝尔盟: { code: "150700", year: 2001, note: "呼伦贝尔盟 became 呼伦贝尔市" },
  乌兰察布盟: { code: "150900", year: 2003, note: "乌兰察布盟 became 乌兰察布市" },
  巴彦淖尔盟: { code: "150800", year: 2003, note: "巴彦淖尔盟 became 巴彦淖尔市" },
  // Jilin
  浑江市: { code: "220600", year: 1994, note: "浑江市 renamed 白山市" },
  // Sichuan
  凉山市: { code: "513400", note: "Never existed: erroneous name (seen in legacy city selectors) for 凉山彝族自治州" },
};
