import { describe, expect, it } from "vitest";
import { categoryRanking } from "@/lib/generator/profile";
import { actionCreated, readActionId, trafficMix } from "../../scripts/bench/intake";

describe("the bench's server action id, read from the build's manifest", () => {
  const manifest = {
    node: {
      "7f00aa": { workers: { "app/(staff)/agent/page": { moduleId: 1, async: false } }, filename: "lib/actions/intake.ts", exportedName: "createRecordAction" },
      "40b8a7": { workers: { "app/bench/action/page": { moduleId: 39491, async: false } }, filename: "app/bench/action/actions.ts", exportedName: "benchInsertAction" },
    },
    edge: {},
    encryptionKey: "x",
  };

  it("is the action the bench page references", () => {
    expect(readActionId(manifest)).toBe("40b8a7");
  });

  it("is found in builds that do not record export names", () => {
    expect(readActionId({ node: { abc: { workers: { "app/bench/action/page": {} } }, def: { workers: { "app/page": {} } } } })).toBe("abc");
  });

  it("says so when the build has no bench page, or is not a Next build", () => {
    expect(() => readActionId({ node: { "7f00aa": manifest.node["7f00aa"] } })).toThrow(/found 0/);
    expect(() => readActionId({})).toThrow(/no node actions/);
  });
});

describe("an action's answer", () => {
  it("counts when React's flight lines carry a created record", () => {
    expect(actionCreated('0:{"a":"$@1","q":"","i":false,"b":"LZW"}\n1:{"created":true,"id":19896}\n')).toBe(true);
  });

  it("does not count a refusal", () => {
    expect(actionCreated('0:{"a":"$@1","q":"","i":false,"b":"LZW"}\n1:{"created":false,"message":"Bench actions are off"}\n')).toBe(false);
  });
});

describe("the bench's traffic mix", () => {
  const mix = trafficMix(240);

  it("covers every site and every ranked category", () => {
    expect(mix).toHaveLength(240);
    expect(new Set(mix.map((m) => m.siteCode))).toEqual(new Set(["SH", "SZ", "TJ"]));
    expect(new Set(mix.map((m) => m.categoryCode))).toEqual(new Set(categoryRanking));
  });

  it("weighs sites as the seed does and categories by rank", () => {
    const share = (site: string) => mix.filter((m) => m.siteCode === site).length / mix.length;
    expect(share("SH")).toBeCloseTo(5 / 12, 1);
    expect(share("TJ")).toBeCloseTo(3 / 12, 1);
    const count = (code: string) => mix.filter((m) => m.categoryCode === code).length;
    expect(count(categoryRanking[0])).toBeGreaterThan(count(categoryRanking[5]));
    expect(count(categoryRanking[5])).toBeGreaterThan(count(categoryRanking.at(-1)!));
  });

  it("spreads neighbouring requests over different cells", () => {
    const same = mix.filter((m, i) => i > 0 && m.siteCode === mix[i - 1].siteCode && m.categoryCode === mix[i - 1].categoryCode).length;
    expect(same).toBeLessThan(mix.length / 10);
  });
});
