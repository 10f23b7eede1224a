import { describe, expect, it } from "vitest";
import { dice, features, mostSimilar } from "@/lib/similarity";

describe("similar problems", () => {
  it("finds the PIN-letter issue from an agent's own wording", () => {
    const issues = [
      { id: 1, title: "密码函寄送滞后导致客户无法及时用卡" },
      { id: 2, title: "账单分期手续费说明不清" },
      { id: 3, title: "热线晚间等候时间过长" },
    ];
    const found = mostSimilar("客户开卡后密码函一直没收到，无法刷卡", issues, (i) => i.title);
    expect(found[0]?.item.id).toBe(1);
    expect(found.map((f) => f.item.id)).not.toContain(3);
  });

  it("scores identical texts 1 and unrelated texts near 0", () => {
    const a = features("境外交易短信提醒延迟");
    expect(dice(a, features("境外交易短信提醒延迟"))).toBe(1);
    expect(dice(a, features("积分兑换失败"))).toBeLessThan(0.1);
  });

  it("ignores punctuation and filler words", () => {
    expect(features("客户反映：，。！")).toEqual(new Set());
  });
});
