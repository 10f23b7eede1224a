import type { Channel, Disposition, RecordKind, Urgency } from "@/db/schema";

/**
 * What the generated contact center looks like: rhythms, mixes and skews. Shares are weights,
 * not percentages; `t` is how far a day lies into the window (0 = its first day, 1 = today).
 */

/** Calls by weekday, Sunday first: weekdays busy, Monday busiest, weekends about half. */
export const weekdayLoad = [0.5, 1.22, 1.1, 1.04, 1.0, 0.96, 0.58] as const;

/** Hotline calls by hour of the day (Shanghai): the 800 line is staffed 8:00–22:00. */
export const hotlineHours = [0, 0, 0, 0, 0, 0, 0, 0, 2, 6, 9, 8, 5, 6, 8, 8, 7, 6, 5, 6, 6, 4, 0, 0] as const;
/** Other channels (web forms, mail, posts) arrive around the clock, most in the evening. */
export const anyHours = [1, 0.5, 0.2, 0.1, 0.1, 0.3, 1, 2, 3, 4, 5, 5, 6, 5, 5, 5, 5, 5, 5, 6, 7, 7, 5, 3] as const;

/** Hotline dominant; survey, the proactive channel, grows from almost nothing. */
export function channelMix(t: number): [Channel, number][] {
  return [
    ["hotline", 88 - 3 * t],
    ["web", 3.5],
    ["forum", 1.5],
    ["internet", 2],
    ["mailbox", 2],
    ["survey", 0.3 + 2.7 * t],
  ];
}

/** Mostly service records and business contacts; complaints give way to suggestions over time. */
export function kindMix(channel: Channel, t: number): [RecordKind, number][] {
  switch (channel) {
    case "hotline":
      return [
        ["service_record", 46],
        ["business_contact", 34],
        ["complaint", 12 - 3 * t],
        ["suggestion", 2 + 1.5 * t],
        ["praise", 2 + t],
      ];
    case "survey":
      return [
        ["suggestion", 60],
        ["praise", 40],
      ];
    case "web":
      return [
        ["complaint", 62 - 10 * t],
        ["suggestion", 25 + 10 * t],
        ["praise", 8],
      ];
    default:
      return [
        ["complaint", 65 - 10 * t],
        ["suggestion", 18 + 10 * t],
        ["business_contact", 12],
        ["praise", 3],
      ];
  }
}

/**
 * Leaf categories from the most to the least talked about; weights fall as 1/rank (Zipf).
 * pin.letter is not here: it has its own story. Leaves an admin added later come last.
 */
export const categoryRanking = [
  "statement.repayment",
  "instalment",
  "credit_limit",
  "digital",
  "rewards",
  "transactions",
  "statement.delivery",
  "fees.annual",
  "application.progress",
  "service.waiting",
  "delivery.delay",
  "delivery.activation",
  "disputes",
  "fees.interest",
  "marketing",
  "statement.autopay",
  "pin.reset",
  "fees.late",
  "pin.online",
  "service.attitude",
  "collections",
  "application.documents",
  "other",
] as const;

export const zipfExponent = 0.95;

export const urgencyByKind: Record<RecordKind, [Urgency, number][]> = {
  complaint: [["low", 8], ["normal", 58], ["high", 28], ["critical", 6]],
  suggestion: [["low", 45], ["normal", 52], ["high", 3]],
  business_contact: [["low", 20], ["normal", 70], ["high", 10]],
  service_record: [["low", 40], ["normal", 60]],
  praise: [["low", 70], ["normal", 30]],
};

/**
 * Population by province (2020 census, millions), by GB/T 2260 prefix. The card center's
 * customers live mostly on the mainland; its three sites' own cities count a little more.
 */
export const provincePopulation: Record<string, number> = {
  "11": 21.9, "12": 13.9, "13": 74.6, "14": 34.9, "15": 24.0, "21": 42.6, "22": 24.1, "23": 31.9,
  "31": 24.9, "32": 84.7, "33": 64.6, "34": 61.0, "35": 41.5, "36": 45.2, "37": 101.5, "41": 99.4,
  "42": 57.8, "43": 66.4, "44": 126.0, "45": 50.1, "46": 10.1, "50": 32.1, "51": 83.7, "52": 38.6,
  "53": 47.2, "54": 3.6, "61": 39.5, "62": 25.0, "63": 5.9, "64": 7.2, "65": 25.9, "71": 0.5,
  "81": 0.8, "82": 0.1,
};
export const homeProvinceBoost: Record<string, number> = { "31": 3, "32": 1.5, "12": 2 };
/** A province's capital (code ending 0100) hears from more customers than its other cities. */
export const capitalWeight = 4;
export const unknownRegionShare = 0.04;

/** Which departments usually own the work for a category, by the category's top-level code. */
export const departmentsByArea: Record<string, string[]> = {
  application: ["card_ops", "risk"],
  delivery: ["card_ops", "it"],
  pin: ["card_ops", "it"],
  statement: ["it", "card_ops"],
  instalment: ["product", "marketing"],
  credit_limit: ["risk", "product"],
  fees: ["product", "marketing"],
  rewards: ["marketing", "it"],
  transactions: ["risk", "it"],
  disputes: ["risk", "customer_service"],
  collections: ["collections"],
  digital: ["it", "product"],
  service: ["customer_service"],
  marketing: ["marketing"],
  other: ["customer_service"],
};

export const dispositionMix: [Disposition, number][] = [
  ["immediate_practice", 25],
  ["work_plan", 30],
  ["improvement_project", 20],
  ["special_survey", 10],
  ["coordination_meeting", 15],
];

/** Days from assignment to done, by disposition: [shortest, longest]. */
export const dispositionDays: Record<Disposition, [number, number]> = {
  immediate_practice: [7, 25],
  work_plan: [25, 70],
  improvement_project: [40, 120],
  special_survey: [20, 50],
  coordination_meeting: [10, 40],
};

export const dispositionHans: Record<Disposition, string> = {
  immediate_practice: "立即成为新的业务实践",
  work_plan: "列入下一步工作计划",
  improvement_project: "纳入正在推进的改进项目",
  special_survey: "开展专题调研",
  coordination_meeting: "召开跨部门协调会议",
};

/** Share of actions that stall (three times as long), which keeps old bulletins near 90% resolved. */
export const stalledShare = 0.1;

export const progressNotes = [
  "已召开需求评审会，明确改进方案和责任人。",
  "方案已完成内部会签，进入开发与测试。",
  "已完成座席培训及话术更新。",
  "系统改造已上线试运行，跟踪来电变化。",
  "试运行平稳，相关来电明显下降，申请验证。",
  "与外部合作方协调中，进度略有延后。",
] as const;

export const rejectionReasons = [
  "经核实属个案诉求，已在通话中解决，不纳入专题通报。",
  "经核实业务规则执行无误，已向客户解释清楚，不予通报。",
  "信息不足，无法核实，退回并请补充其他渠道佐证。",
] as const;

export const siteHans: Record<string, string> = { SH: "上海", SZ: "苏州", TJ: "天津" };

export const channelsOtherThanHotline: readonly Channel[] = ["web", "forum", "internet", "mailbox", "survey"];
