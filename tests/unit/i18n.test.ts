import { describe, expect, it } from "vitest";
import { localName, localeFromAcceptLanguage } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";

const hans = loadMessages("zh-Hans");
const hant = loadMessages("zh-Hant");
const en = loadMessages("en");

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
}

function lookup(tree: Tree, key: string): string {
  return key.split(".").reduce<string | Tree>((node, part) => (node as Tree)[part], tree) as string;
}

describe("UI messages", () => {
  it("have the same keys in Simplified, Traditional and English", () => {
    const reference = keys(hans as Tree).sort();
    expect(keys(hant as Tree).sort()).toEqual(reference);
    expect(keys(en as Tree).sort()).toEqual(reference);
  });

  it("use the same placeholders in every language", () => {
    for (const key of keys(hans as Tree)) {
      const wanted = [...new Set(placeholders(lookup(hans as Tree, key)))];
      expect([...new Set(placeholders(lookup(en as Tree, key)))], key).toEqual(wanted);
      expect([...new Set(placeholders(lookup(hant as Tree, key)))], key).toEqual(wanted);
    }
  });

  it("are really translated: Traditional differs from Simplified where the script does", () => {
    expect(lookup(hans as Tree, "roles.specialist")).toBe("客户之声专员");
    expect(lookup(hant as Tree, "roles.specialist")).toBe("客戶之聲專員");
    expect(lookup(en as Tree, "roles.specialist")).toBe("VoC specialist");
  });
});

describe("locale choice", () => {
  it("reads Accept-Language", () => {
    expect(localeFromAcceptLanguage("zh-TW,zh;q=0.9")).toBe("zh-Hant");
    expect(localeFromAcceptLanguage("zh-HK")).toBe("zh-Hant");
    expect(localeFromAcceptLanguage("zh-CN,en;q=0.5")).toBe("zh-Hans");
    expect(localeFromAcceptLanguage("en-GB,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR")).toBe("zh-Hans");
    expect(localeFromAcceptLanguage(null)).toBe("zh-Hans");
  });

  it("picks the name in the viewer's script", () => {
    const row = { nameHans: "苏州", nameHant: "蘇州", nameEn: "Suzhou" };
    expect(localName(row, "zh-Hans")).toBe("苏州");
    expect(localName(row, "zh-Hant")).toBe("蘇州");
    expect(localName(row, "en")).toBe("Suzhou");
  });
});
