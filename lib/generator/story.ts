import type { RecordKind } from "@/db/schema";
import { Weighted } from "./random";
import { spikeCurve, type Spike } from "./volume";
import type { ForcedIssue, WorkflowPlan } from "./workflow-plan";

/**
 * The topics that flare up in the window. The PIN letter (密码函) is the seed's own story: calls
 * about late PIN letters rise for weeks, the issue is raised, published, turned into an immediate
 * new practice (set the PIN on the 800 line right after activation), verified at the monthly
 * meeting, and the calls fall back to a trickle. Three shorter flares need no story to end them.
 */
interface Flare {
  key: string;
  category: string;
  /** Where the flare starts, as a share of the window counted back from today. */
  at: number;
  riseDays: number;
  plateauDays: number;
  fallDays: number;
  height: number;
  siteCode: string;
}

const flares: Flare[] = [
  { key: "app-update", category: "digital", at: 0.3, riseDays: 2, plateauDays: 5, fallDays: 9, height: 0.05, siteCode: "SH" },
  { key: "annual-fee", category: "fees.annual", at: 0.55, riseDays: 7, plateauDays: 14, fallDays: 10, height: 0.03, siteCode: "SZ" },
  { key: "evening-peak", category: "service.waiting", at: 0.12, riseDays: 2, plateauDays: 6, fallDays: 4, height: 0.025, siteCode: "TJ" },
];

export interface StoryTimes {
  /** Days ago the PIN-letter calls start to rise, and the day the issue is raised. */
  pinStart: number;
  pinRaised: number;
  /** The day the new practice goes live (the action is done). */
  pinFixed: number;
}

/** The PIN-letter story needs two months of window; shorter windows get only the flares that fit. */
export function storyTimes(days: number): StoryTimes | null {
  if (days < 60) return null;
  const pinStart = Math.min(182, Math.floor(0.8 * (days - 1)));
  return { pinStart, pinRaised: pinStart - Math.round(pinStart * 0.12), pinFixed: Math.round(pinStart * 0.56) };
}

export function forcedIssues(days: number, records: number, categories: Set<string>): ForcedIssue[] {
  const out: ForcedIssue[] = [];
  const times = storyTimes(days);
  const scale = Math.sqrt(records / 100_000);
  if (times && categories.has("pin.letter")) {
    out.push({
      key: "pin-letter",
      category: "pin.letter",
      createdDay: times.pinRaised,
      siteCode: "SZ",
      title: "密码函寄送滞后，客户开卡后无法及时用卡",
      description:
        "客户开卡后须等待邮寄的密码函才能设置交易密码，密码函常迟到或寄错地址，客户无法刷卡消费，三个中心同类来电持续上升，座席需反复解释安抚。建议开卡环节改为在800电话直接设置交易密码。",
      tags: ["密码函", "开卡", "用卡体验"],
      linkTarget: Math.max(12, Math.round(60 * scale)),
      action: { departmentCode: "card_ops", disposition: "immediate_practice", doneDay: times.pinFixed },
      publicTitle: "开卡后可在800电话直接设置密码，当天即可用卡",
      publicOutcome: "您反映的密码函寄送慢、开卡后无法及时用卡的问题已解决：开卡成功后可直接通过800客服热线设置交易密码，当天即可用卡，不再等待密码函。",
    });
  }
  for (const f of flaresFor(days, categories)) {
    out.push({
      key: f.key,
      category: f.category,
      createdDay: f.start - f.riseDays - 2,
      siteCode: f.siteCode,
      title: "",
      description: "",
      tags: [],
      linkTarget: Math.max(5, Math.round(25 * scale)),
    });
  }
  return out;
}

/** The flares' curves, once the plan knows when the PIN-letter fix actually went live. */
export function spikes(days: number, plan: WorkflowPlan, categories: Set<string>): Spike[] {
  const out: Spike[] = [];
  const times = storyTimes(days);
  const pinIssue = plan.issues.find((i) => i.key === "pin-letter");
  if (categories.has("pin.letter")) {
    const fixed = pinIssue?.actions[0]?.doneDay ?? (times ? times.pinFixed : -1);
    const start = times?.pinStart ?? -1;
    out.push({
      key: "pin-letter",
      category: "pin.letter",
      level: spikeCurve(days, {
        rise: start,
        peak: start - Math.round(Math.max(start, 0) * 0.15),
        fall: fixed,
        end: fixed - 10,
        height: times ? 0.07 : 0.004,
        before: 0.004,
        after: 0.0025,
      }),
      kinds: new Weighted<RecordKind>([["complaint", 75], ["business_contact", 15], ["service_record", 10]]),
      kindsAfterFix: new Weighted<RecordKind>([["service_record", 60], ["business_contact", 30], ["complaint", 10]]),
      fixedDay: fixed,
      hotlineShare: 0.93,
    });
  }
  for (const f of flaresFor(days, categories)) {
    out.push({
      key: f.key,
      category: f.category,
      level: spikeCurve(days, {
        rise: f.start,
        peak: f.start - f.riseDays,
        fall: f.start - f.riseDays - f.plateauDays,
        end: f.start - f.riseDays - f.plateauDays - f.fallDays,
        height: f.height,
        before: 0,
        after: 0,
      }),
      kinds: new Weighted<RecordKind>([["complaint", 70], ["business_contact", 20], ["service_record", 10]]),
      hotlineShare: 0.9,
    });
  }
  return out;
}

/** The flares that fit a window of this many days and whose category exists, with the day each starts. */
function flaresFor(days: number, categories: Set<string>): (Flare & { start: number })[] {
  if (days < 90) return [];
  return flares.filter((f) => categories.has(f.category)).map((f) => ({ ...f, start: Math.round(f.at * days) }));
}
