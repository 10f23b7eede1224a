import { describe, expect, it } from "vitest";
import { coverRange } from "@/lib/stats/cells";
import { addDays } from "@/lib/stats/filters";

/** Every day of a cover, weeks expanded, in order: it must be the range, each day once. */
function daysOf(cover: ReturnType<typeof coverRange>): string[] {
  const out: string[] = [];
  for (const [first, last] of cover.days) for (let d = first; d <= last; d = addDays(d, 1)) out.push(d);
  for (const monday of cover.weeks) for (let i = 0; i < 7; i++) out.push(addDays(monday, i));
  return out.sort();
}

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

describe("coverRange", () => {
  it("reads the whole weeks inside a range by week and the edges by day", () => {
    // 2026-03-03 is a Tuesday; 03-09 and 03-16 are Mondays.
    expect(coverRange("2026-03-03", "2026-03-23", "week")).toEqual({
      weeks: ["2026-03-09", "2026-03-16"],
      days: [
        ["2026-03-03", "2026-03-08"],
        ["2026-03-23", "2026-03-23"],
      ],
    });
  });

  it("reads everything by day for a day grain, and a range shorter than a week by day", () => {
    expect(coverRange("2026-03-02", "2026-03-15", "day")).toEqual({ weeks: [], days: [["2026-03-02", "2026-03-15"]] });
    expect(coverRange("2026-03-02", "2026-03-07", "week")).toEqual({ weeks: [], days: [["2026-03-02", "2026-03-07"]] });
  });

  it("keeps a week that runs over a month's end out of a month view", () => {
    // 2026-03-30 (Mon) .. 04-05 (Sun) straddles March and April.
    const cover = coverRange("2026-03-02", "2026-04-12", "month");
    expect(cover.weeks).toEqual(["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-04-06"]);
    expect(cover.days).toEqual([["2026-03-30", "2026-04-05"]]);
    expect(coverRange("2026-03-02", "2026-04-12", "week").weeks).toContain("2026-03-30");
  });

  it("covers every day of any range exactly once", () => {
    for (const grain of ["day", "week", "month"] as const) {
      for (const [from, to] of [
        ["2025-12-29", "2026-02-03"],
        ["2024-02-26", "2024-03-10"],
        ["2026-05-31", "2026-11-29"],
        ["2026-11-29", "2026-11-29"],
      ] as const) {
        expect(daysOf(coverRange(from, to, grain))).toEqual(range(from, to));
      }
    }
  });
});
