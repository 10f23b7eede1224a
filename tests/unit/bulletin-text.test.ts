import { describe, expect, it } from "vitest";
import { chineseOrdinal, diffText, sectionNumber, signedPercent } from "@/lib/bulletin-text";

describe("bulletin text helpers", () => {
  it("numbers sections the Chinese way, and the English way in English", () => {
    expect([1, 2, 9, 10, 11, 12, 20, 21, 99].map(chineseOrdinal)).toEqual(["一", "二", "九", "十", "十一", "十二", "二十", "二十一", "九十九"]);
    expect(sectionNumber(3, "zh-Hans")).toBe("三、");
    expect(sectionNumber(3, "zh-Hant")).toBe("三、");
    expect(sectionNumber(3, "en")).toBe("3.");
    expect(sectionNumber(100, "zh-Hans")).toBe("100.");
  });

  it("writes a trend with its sign and one decimal", () => {
    expect(signedPercent(150)).toBe("+150.0%");
    expect(signedPercent(-12.5)).toBe("-12.5%");
    expect(signedPercent(0)).toBe("0.0%");
  });

  it("marks what a correction added to and removed from the summary, character by character", () => {
    const before = "建议到期前短信提醒。";
    const after = "建议卡片运营部在到期前三天短信提醒。";
    const parts = diffText(before, after);
    expect(parts.filter((p) => p.kind !== "added").map((p) => p.text).join("")).toBe(before);
    expect(parts.filter((p) => p.kind !== "removed").map((p) => p.text).join("")).toBe(after);
    expect(parts.filter((p) => p.kind === "added").map((p) => p.text)).toEqual(["卡片运营部在", "三天"]);
    expect(parts.some((p) => p.kind === "removed")).toBe(false);
    expect(diffText("第二项", "第三项")).toEqual([
      { kind: "same", text: "第" },
      { kind: "removed", text: "二" },
      { kind: "added", text: "三" },
      { kind: "same", text: "项" },
    ]);
    expect(diffText("", "新")).toEqual([{ kind: "added", text: "新" }]);
    expect(diffText("相同", "相同")).toEqual([{ kind: "same", text: "相同" }]);
  });
});
