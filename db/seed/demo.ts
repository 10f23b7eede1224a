import { createHash } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import {
  actionUpdates,
  actions,
  apiTokens,
  auditLog,
  bulletinAcknowledgements,
  bulletinIssues,
  bulletins,
  categories,
  departments,
  issues,
  meetingComments,
  meetingItems,
  meetings,
  notifications,
  records,
  regions,
  siteReportIssues,
  siteReports,
  sites,
  teams,
  users,
  type ActionStatus,
  type Channel,
  type Disposition,
  type IssueStatus,
  type IssueType,
  type NewRecord,
  type NewUser,
  type RecordKind,
  type RecordStatus,
  type Role,
  type Urgency,
} from "@/db/schema";
import { hashPassword } from "@/lib/passwords";
import { contactDigest, newTrackingNumber } from "@/lib/tracking";
import * as T from "./demo-texts";

/**
 * Demo data for an empty installation (reference data present, no users): an organisation of
 * three sites, half a year of records, issues in every state, bulletins, actions, meetings,
 * audit history and notifications, with the PIN-letter (密码函) story from the seed article.
 *
 * Deterministic for a given `now`: one seeded PRNG, every time relative to `now`.
 * Everything is written in one transaction; the shared password is hashed once.
 */
export const DEMO_PASSWORD = "demo1234";

export async function seedDemo(db: Database, options: { apiToken?: string; now?: Date } = {}): Promise<void> {
  const now = options.now ?? new Date();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await new DemoSeeder(tx, now, passwordHash, options.apiToken).run();
  });
}

// ---------------------------------------------------------------------------- randomness

class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32 */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let x = this.next() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x < 0) return item;
    }
    return items[items.length - 1][0];
  }
  poisson(lambda: number): number {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }
  shuffle<T>(items: T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}

// ---------------------------------------------------------------------------- time

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** The center works in Asia/Shanghai (UTC+8, no daylight saving). */
const TZ = 8 * HOUR;

class Clock {
  readonly nowMs: number;
  private readonly todayStart: number;
  constructor(now: Date) {
    this.nowMs = now.getTime();
    this.todayStart = Math.floor((this.nowMs + TZ) / DAY) * DAY - TZ;
  }
  /** Shanghai midnight `daysAgo` days before today (negative: in the future). */
  dayStart(daysAgo: number): number {
    return this.todayStart - daysAgo * DAY;
  }
  /** A moment on a day in Shanghai time, never later than a minute before now. */
  at(daysAgo: number, hour: number, minute = 0): Date {
    const t = this.dayStart(daysAgo) + hour * HOUR + minute * MIN;
    return new Date(Math.min(t, this.nowMs - MIN - ((hour * 7 + minute) % 50) * MIN));
  }
  /** The calendar date (YYYY-MM-DD, Shanghai) of a day. */
  date(daysAgo: number): string {
    return new Date(this.dayStart(daysAgo) + TZ).toISOString().slice(0, 10);
  }
  /** 0 = Sunday … 6 = Saturday. */
  weekday(daysAgo: number): number {
    return new Date(this.dayStart(daysAgo) + TZ).getUTCDay();
  }
  /** The same day, or the closest working day before it. */
  workday(daysAgo: number): number {
    let d = daysAgo;
    while (this.weekday(d) === 0 || this.weekday(d) === 6) d++;
    return d;
  }
  /** A working day in the current month for this month's meeting: today, soon, or just before. */
  meetingDayThisMonth(): number {
    const month = this.date(0).slice(0, 7);
    for (const d of [0, -1, -2, 1, 2, 3]) {
      const wd = this.weekday(d);
      if (wd !== 0 && wd !== 6 && this.date(d).startsWith(month)) return d;
    }
    return 0;
  }
  clamp(t: number): Date {
    return new Date(Math.min(t, this.nowMs - MIN));
  }
  /** Shanghai yyyymmdd of a moment. */
  compact(d: Date): string {
    return new Date(d.getTime() + TZ).toISOString().slice(0, 10).replace(/-/g, "");
  }
}

// ---------------------------------------------------------------------------- organisation

type SiteCode = "SH" | "SZ" | "TJ";
type TeamCode = "SH1" | "SH2" | "SZ1" | "SZ2" | "TJ1" | "TJ2";

const SITE_CODES: SiteCode[] = ["SH", "SZ", "TJ"];
const SITE_HANS: Record<SiteCode, string> = { SH: "上海", SZ: "苏州", TJ: "天津" };
const SITE_WEIGHT: [SiteCode, number][] = [
  ["SH", 5],
  ["SZ", 4],
  ["TJ", 3],
];
const TEAM_CODES: TeamCode[] = ["SH1", "SH2", "SZ1", "SZ2", "TJ1", "TJ2"];

interface TeamInfo {
  code: TeamCode;
  site: SiteCode;
  id: number;
  siteId: number;
  agents: number[];
  supervisor: number;
}

interface UserInfo {
  id: number;
  name: string;
  role: Role;
  email: string;
}

const WEEKDAY_FACTOR = [0.55, 1.25, 1.1, 1.0, 1.0, 0.95, 0.6];
const CALL_HOURS: [number, number][] = [
  [8, 2], [9, 6], [10, 9], [11, 8], [12, 5], [13, 6], [14, 8], [15, 8], [16, 7], [17, 6], [18, 5], [19, 6], [20, 6], [21, 4],
];
const ANY_HOURS: [number, number][] = [
  [0, 1], [1, 0.5], [6, 1], [7, 2], [8, 3], [9, 4], [10, 5], [11, 5], [12, 6], [13, 5], [14, 5], [15, 5], [16, 5], [17, 5],
  [18, 5], [19, 6], [20, 7], [21, 7], [22, 5], [23, 3],
];

/** Customer regions (city-level GB/T 2260 codes), weighted toward the big provinces. */
const REGION_WEIGHTS: [string, number][] = [
  ["310100", 10], ["110100", 8], ["440300", 6], ["440100", 6], ["320500", 6], ["120100", 6], ["330100", 5], ["320100", 4],
  ["510100", 4], ["500100", 3], ["420100", 3], ["410100", 3], ["320200", 3], ["370100", 2], ["370200", 2], ["430100", 2],
  ["350200", 2], ["350100", 2], ["330200", 2], ["210200", 2], ["210100", 2], ["610100", 2], ["130100", 2], ["340100", 2],
  ["440600", 2], ["441900", 2], ["320400", 1.5], ["320600", 1.5], ["130200", 1], ["360100", 1], ["530100", 1], ["450100", 1],
  ["230100", 1], ["220100", 1], ["140100", 1], ["520100", 0.8], ["340200", 0.8], ["620100", 0.6], ["650100", 0.6],
  ["460100", 0.6], ["150100", 0.6], ["640100", 0.3], ["630100", 0.3], ["540100", 0.2], ["530800", 0.2], ["621200", 0.2],
  ["630200", 0.2],
];

/** How often each category comes up in everyday records (pin.letter only in the story). */
const CATEGORY_WEIGHTS: Record<string, number> = {
  "application.progress": 5,
  "application.documents": 2,
  "delivery.delay": 4,
  "delivery.activation": 4,
  "pin.reset": 3,
  "pin.online": 3,
  "statement.delivery": 5,
  "statement.repayment": 8,
  "statement.autopay": 4,
  instalment: 9,
  credit_limit: 9,
  "fees.annual": 6,
  "fees.interest": 5,
  "fees.late": 4,
  rewards: 8,
  transactions: 7,
  disputes: 5,
  collections: 3,
  digital: 8,
  "service.waiting": 6,
  "service.attitude": 4,
  marketing: 5,
  other: 2,
};

const URGENCY: Record<RecordKind, [Urgency, number][]> = {
  complaint: [["low", 8], ["normal", 58], ["high", 28], ["critical", 6]],
  suggestion: [["low", 45], ["normal", 52], ["high", 3]],
  business_contact: [["low", 20], ["normal", 70], ["high", 10]],
  service_record: [["low", 40], ["normal", 60]],
  praise: [["low", 70], ["normal", 30]],
};

/** The window of everyday records, in days. */
const HISTORY_DAYS = 180;

// ---------------------------------------------------------------------------- the story

interface IssueSpec {
  key: string;
  type: IssueType;
  title: string;
  description: string;
  cat: string;
  team: TeamCode;
  status: IssueStatus;
  tags: string[];
  created: number;
  escalated?: number;
  returned?: number;
  verified?: number;
  resolved?: number;
  /** Day of rejection or merge. */
  closed?: number;
  mergedInto?: string;
  statusReason?: string;
  publicTitle?: string;
  publicOutcome?: string;
  hotline: number;
  other?: number;
  web?: number;
}

interface ReportSpec {
  key: string;
  site: SiteCode;
  start: number;
  end: number;
  status: "draft" | "submitted" | "reviewed";
  submitted?: number;
  reviewed?: number;
  issues: string[];
  lead: string;
}

interface BulletinSpec {
  number: number;
  day: number;
  start: number;
  end: number;
  title: string;
  summary: string;
  status: "draft" | "published";
  issues: [key: string, trend: number][];
}

interface ActionSpec {
  key: string;
  issue: string;
  dept: string;
  disposition: Disposition;
  assigned: number;
  due: number;
  /** The due date first set, when a meeting moved it. */
  firstDue?: number;
  status: ActionStatus;
  progress: number;
  done?: number;
  verified?: number;
  ownerName?: string;
  updates: [day: number, note: string, progress: number, evidence?: string][];
}

interface MeetingItemSpec {
  action: string;
  reason: "open" | "overdue" | "done";
  decision?: "continue" | "change_owner" | "change_due" | "escalate" | "verified_closed";
  note?: string;
}

class DemoSeeder {
  private readonly rng = new Rng(20080922);
  private readonly clock: Clock;

  private siteIds = new Map<SiteCode, number>();
  private deptIds = new Map<string, number>();
  private catIds = new Map<string, number>();
  private regionWeights: [string, number][] = [];
  private teams = new Map<TeamCode, TeamInfo>();
  private userByEmail = new Map<string, UserInfo>();
  private userById = new Map<number, UserInfo>();
  private specialists = new Map<SiteCode, number>();
  private deptUsers = new Map<string, UserInfo>();
  private managers: number[] = [];
  private leaders: number[] = [];
  private admin = 0;
  private agentUser = 0;

  private issueIds = new Map<string, number>();
  private issueSpecs = new Map<string, IssueSpec>();
  private issueTimes = new Map<string, Record<string, Date | undefined>>();
  private reportIds = new Map<string, number>();
  private reportOfIssue = new Map<string, ReportSpec>();
  private bulletinIds = new Map<number, number>();
  private bulletinOfIssue = new Map<string, BulletinSpec>();
  private actionIds = new Map<string, number>();
  private actionSpecs = new Map<string, ActionSpec>();

  private drafts: { row: NewRecord; meta: RecordMeta }[] = [];
  private recordIds: number[] = [];
  private audits: (typeof auditLog.$inferInsert)[] = [];
  private trackingNumbers = new Set<string>();
  private externalSeq = 0;
  private contactSeq = 0;

  constructor(
    private readonly tx: Transaction,
    now: Date,
    private readonly passwordHash: string,
    private readonly apiToken: string | undefined,
  ) {
    this.clock = new Clock(now);
  }

  async run(): Promise<void> {
    await this.loadReference();
    await this.createOrganisation();
    this.defineStory();
    await this.insertIssues();
    this.buildRecords();
    await this.insertRecords();
    await this.insertReports();
    await this.insertBulletins();
    await this.insertActions();
    await this.insertMeetings();
    await this.insertNotifications();
    await this.insertApiToken();
    await batched(this.audits, 400, (chunk) => this.tx.insert(auditLog).values(chunk));
  }

  // -------------------------------------------------------------------------- helpers

  private at(day: number, hour?: number, minute?: number): Date {
    return this.clock.at(day, hour ?? this.rng.int(9, 17), minute ?? this.rng.int(0, 59));
  }

  private audit(
    at: Date,
    actorId: number | null,
    action: string,
    entityType: string,
    entityId: number,
    data?: Record<string, unknown>,
    reason?: string,
  ): void {
    const actor = actorId ? this.userById.get(actorId) : undefined;
    this.audits.push({
      occurredAt: at,
      actorId: actorId ?? null,
      actorRole: actor?.role ?? null,
      action,
      entityType,
      entityId: String(entityId),
      reason: reason ?? null,
      data: data ?? null,
    });
  }

  private user(email: string): UserInfo {
    const u = this.userByEmail.get(email);
    if (!u) throw new Error(`demo seed: no user ${email}`);
    return u;
  }

  private cat(code: string): number {
    const id = this.catIds.get(code);
    if (!id) throw new Error(`demo seed: category ${code} is missing from the reference data`);
    return id;
  }

  private dept(code: string): number {
    const id = this.deptIds.get(code);
    if (!id) throw new Error(`demo seed: department ${code} is missing from the reference data`);
    return id;
  }

  // -------------------------------------------------------------------------- reference

  private async loadReference(): Promise<void> {
    for (const s of await this.tx.select({ id: sites.id, code: sites.code }).from(sites)) {
      this.siteIds.set(s.code as SiteCode, s.id);
    }
    for (const code of SITE_CODES) {
      if (!this.siteIds.has(code)) throw new Error(`demo seed: site ${code} is missing from the reference data`);
    }
    for (const d of await this.tx.select({ id: departments.id, code: departments.code }).from(departments)) {
      this.deptIds.set(d.code, d.id);
    }
    for (const c of await this.tx.select({ id: categories.id, code: categories.code }).from(categories)) {
      this.catIds.set(c.code, c.id);
    }
    const wanted = REGION_WEIGHTS.map(([code]) => code);
    const present = new Set(
      (await this.tx.select({ code: regions.code }).from(regions).where(inArray(regions.code, wanted))).map((r) => r.code),
    );
    this.regionWeights = REGION_WEIGHTS.filter(([code]) => present.has(code));
  }

  // -------------------------------------------------------------------------- people

  private async createOrganisation(): Promise<void> {
    const createdAt = this.clock.at(200, 9, 0);
    const teamRows = await this.tx
      .insert(teams)
      .values(
        TEAM_CODES.map((code) => ({
          siteId: this.siteIds.get(code.slice(0, 2) as SiteCode)!,
          name: `${SITE_HANS[code.slice(0, 2) as SiteCode]}${code.endsWith("1") ? "一" : "二"}组`,
          createdAt,
        })),
      )
      .returning({ id: teams.id });
    TEAM_CODES.forEach((code, i) => {
      const site = code.slice(0, 2) as SiteCode;
      this.teams.set(code, { code, site, id: teamRows[i].id, siteId: this.siteIds.get(site)!, agents: [], supervisor: 0 });
    });

    const used = new Set<string>();
    const name = (fixed?: string): string => {
      if (fixed) {
        used.add(fixed);
        return fixed;
      }
      for (;;) {
        const n = this.rng.pick(T.surnames) + this.rng.pick(T.givenNames);
        if (!used.has(n)) {
          used.add(n);
          return n;
        }
      }
    };
    // The demo accounts' names first, so no generated name takes them.
    const fixedNames: Record<string, string> = {
      "agent@demo.local": "李晓雯",
      "supervisor@demo.local": "陈静",
      "specialist@demo.local": "王海燕",
      "manager@demo.local": "张立群",
      "department@demo.local": "刘建国",
      "leadership@demo.local": "赵志远",
      "admin@demo.local": "周敏",
    };
    for (const n of Object.values(fixedNames)) used.add(n);

    const specs: (NewUser & { teamCode?: TeamCode; deptCode?: string })[] = [];
    const base = { passwordHash: this.passwordHash, createdAt, updatedAt: createdAt };
    for (const code of TEAM_CODES) {
      const team = this.teams.get(code)!;
      const lower = code.toLowerCase();
      const supervisorEmail = code === "SH1" ? "supervisor@demo.local" : `supervisor.${lower}@demo.local`;
      specs.push({
        ...base,
        email: supervisorEmail,
        name: fixedNames[supervisorEmail] ?? name(),
        role: "supervisor",
        siteId: team.siteId,
        teamId: team.id,
        teamCode: code,
      });
      for (let i = 1; i <= 5; i++) {
        const email = code === "SH1" && i === 1 ? "agent@demo.local" : `agent.${lower}.${i}@demo.local`;
        specs.push({ ...base, email, name: fixedNames[email] ?? name(), role: "agent", siteId: team.siteId, teamId: team.id, teamCode: code });
      }
    }
    for (const site of SITE_CODES) {
      const email = site === "SH" ? "specialist@demo.local" : `specialist.${site.toLowerCase()}@demo.local`;
      specs.push({ ...base, email, name: fixedNames[email] ?? name(), role: "specialist", siteId: this.siteIds.get(site)! });
    }
    for (const [code, id] of this.deptIds) {
      const email = code === "card_ops" ? "department@demo.local" : `dept.${code}@demo.local`;
      specs.push({ ...base, email, name: fixedNames[email] ?? name(), role: "department", departmentId: id, deptCode: code });
    }
    specs.push({ ...base, email: "manager@demo.local", name: fixedNames["manager@demo.local"], role: "manager" });
    specs.push({ ...base, email: "manager2@demo.local", name: name(), role: "manager" });
    specs.push({ ...base, email: "leadership@demo.local", name: fixedNames["leadership@demo.local"], role: "leadership" });
    specs.push({ ...base, email: "leadership2@demo.local", name: name(), role: "leadership" });
    specs.push({ ...base, email: "admin@demo.local", name: fixedNames["admin@demo.local"], role: "admin" });

    const rows = await this.tx
      .insert(users)
      .values(specs.map(({ teamCode: _t, deptCode: _d, ...u }) => u))
      .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
    rows.forEach((r, i) => {
      const info: UserInfo = { id: r.id, email: r.email, name: r.name, role: r.role };
      this.userByEmail.set(r.email, info);
      this.userById.set(r.id, info);
      const spec = specs[i];
      if (spec.teamCode) {
        const team = this.teams.get(spec.teamCode)!;
        if (r.role === "supervisor") team.supervisor = r.id;
        else team.agents.push(r.id);
      }
      if (r.role === "specialist") {
        const site = SITE_CODES.find((s) => this.siteIds.get(s) === spec.siteId)!;
        this.specialists.set(site, r.id);
      }
      if (spec.deptCode) this.deptUsers.set(spec.deptCode, info);
      if (r.role === "manager") this.managers.push(r.id);
      if (r.role === "leadership") this.leaders.push(r.id);
      if (r.role === "admin") this.admin = r.id;
    });
    this.agentUser = this.user("agent@demo.local").id;
    for (const r of rows) this.audit(createdAt, null, "user.created", "user", r.id, { email: r.email, role: r.role });
  }

  private get manager(): number {
    return this.managers[0];
  }

  // -------------------------------------------------------------------------- the story

  private defineStory(): void {
    const m1 = this.clock.workday(91);
    this.m1 = m1;
    this.m2 = this.clock.workday(30);

    const issueList: IssueSpec[] = [
      {
        key: "pin", type: "problem", cat: "pin.letter", team: "SH1", status: "resolved", tags: ["密码函", "开卡", "用卡体验"],
        title: "密码函寄送滞后导致客户无法及时用卡",
        description:
          "客户开卡后需等待邮寄的密码函才能设置消费密码，密码函常因地址、物流等原因迟到或丢失，客户无法刷卡消费，来电抱怨集中，座席需反复解释安抚。三个中心均有大量同类来电。",
        created: 161, escalated: 160, verified: 154, resolved: m1,
        publicTitle: "开卡后可在800电话直接设置密码，当天即可用卡",
        publicOutcome:
          "您反映的密码函寄送慢、开卡后无法及时用卡的问题已解决：现在开卡成功后可直接通过800客服热线设置交易密码，当天即可用卡，不再需要等待密码函邮寄。",
        hotline: 0,
      },
      {
        key: "autopay", type: "problem", cat: "statement.autopay", team: "SZ1", status: "resolved", tags: ["自动还款", "短信提醒"],
        title: "自动还款扣款失败未及时通知客户",
        description: "自动还款因借记卡状态等原因扣款失败时，客户未收到任何提醒，直至产生逾期才知情，引发投诉。",
        created: 178, escalated: 177, verified: 172, resolved: 118,
        publicTitle: "自动还款扣款失败将当天短信提醒",
        publicOutcome: "自动还款扣款不成功时，系统会在当天发送短信提醒并告知补还款方式，避免因不知情产生逾期。",
        hotline: 6, other: 1,
      },
      {
        key: "address", type: "problem", cat: "statement.delivery", team: "SZ2", status: "resolved", tags: ["地址变更", "账单寄送"],
        title: "修改地址后账单、卡片仍寄往旧地址",
        description: "客户通过热线修改通讯地址后，账单和换卡仍寄往旧地址，原因是账单系统与制卡系统分别维护地址。",
        created: 179, escalated: 177, verified: 172, resolved: 152,
        publicTitle: "地址修改后账单和卡片按新地址寄送",
        publicOutcome: "地址变更现已实时同步至账单和卡片寄送系统，修改当天起的寄送均使用新地址。",
        hotline: 5,
      },
      {
        key: "mall", type: "problem", cat: "rewards", team: "TJ1", status: "resolved", tags: ["积分商城", "系统性能"],
        title: "积分商城页面加载缓慢、兑换失败",
        description: "晚间高峰时段积分商城页面打开缓慢，提交兑换后报错但积分已扣，客户需来电处理。",
        created: 140, escalated: 138, verified: 132, resolved: 60,
        publicTitle: "积分商城提速，兑换失败自动退回积分",
        publicOutcome: "积分商城完成系统扩容和页面优化，高峰时段打开时间明显缩短；兑换失败时积分会自动退回。",
        hotline: 7, other: 2, web: 1,
      },
      {
        key: "reminder", type: "suggestion", cat: "digital", team: "SH1", status: "resolved", tags: ["手机银行", "还款提醒"],
        title: "建议手机银行支持设置还款日提醒",
        description: "多卡客户记不住各卡还款日，建议手机银行支持还款日前主动提醒，并可自选提醒时间。",
        created: 115, escalated: 113, verified: 108, resolved: 40,
        publicTitle: "手机银行可设置还款日提醒",
        publicOutcome: "手机银行已上线还款日提醒功能，可自选在到期前1至3天通过短信或推送提醒。",
        hotline: 6, other: 1, web: 1,
      },
      {
        key: "logistics", type: "problem", cat: "delivery.delay", team: "SZ2", status: "in_action", tags: ["寄卡", "物流查询"],
        title: "卡片寄送物流信息无法查询",
        description: "卡片寄出后客户凭短信中的单号查不到物流轨迹，只能反复来电查询，增加来电量。",
        created: 92, escalated: 90, verified: 86, hotline: 8, other: 1, web: 1,
      },
      {
        key: "otp", type: "problem", cat: "delivery.activation", team: "TJ2", status: "in_action", tags: ["开卡", "验证码"],
        title: "新卡激活短信验证码收不到",
        description: "部分客户开卡时收不到短信验证码或验证码延迟到达已失效，无法完成激活。",
        created: 72, escalated: 70, verified: 65, hotline: 7, other: 1,
      },
      {
        key: "overseas", type: "problem", cat: "transactions", team: "SH2", status: "in_action", tags: ["境外交易", "短信提醒", "风险"],
        title: "境外交易短信提醒延迟",
        description: "客户在境外刷卡后数小时才收到交易短信，担心盗刷无法及时发现；天津中心同类问题已合并至此。",
        created: 74, escalated: 72, verified: 65, hotline: 9, other: 2, web: 1,
      },
      {
        key: "peak", type: "problem", cat: "service.waiting", team: "TJ1", status: "in_action", tags: ["等候时间", "排班"],
        title: "热线晚间高峰时段等候时间过长",
        description: "每晚19点至21点来电集中，平均等候超过十分钟，放弃率明显上升。",
        created: 50, escalated: 48, verified: 44, hotline: 8, other: 1,
      },
      {
        key: "billing_day", type: "suggestion", cat: "statement", team: "SZ1", status: "in_action", tags: ["账单日", "自助服务"],
        title: "建议开通账单日自助修改功能",
        description: "客户希望账单日与发薪日匹配，并能在手机银行自助修改，不必致电申请。",
        created: 52, escalated: 49, verified: 44, hotline: 5, other: 1,
      },
      {
        key: "annual_fee", type: "problem", cat: "fees.annual", team: "SH1", status: "in_action", tags: ["年费", "营销话术"],
        title: "年费减免条件告知不清",
        description: "办卡营销时仅称“刷卡免年费”，未说明需刷满六次，客户被扣年费后来电投诉。",
        created: 29, escalated: 27, verified: 23, hotline: 7, other: 1,
      },
      {
        key: "renewal", type: "problem", cat: "delivery.delay", team: "SZ2", status: "in_action", tags: ["到期换卡", "通知"],
        title: "卡片到期换卡未提前通知",
        description: "到期换卡前未与客户确认寄送地址，也无提前通知，客户旧卡过期后新卡未到，绑定的自动扣款失败。",
        created: 31, escalated: 28, verified: 23, hotline: 6,
      },
      {
        key: "prepay", type: "suggestion", cat: "digital", team: "TJ2", status: "published", tags: ["分期", "手机银行"],
        title: "建议手机银行增加分期提前还款入口",
        description: "分期提前结清目前只能致电人工办理，客户建议在手机银行提供自助入口。",
        created: 30, escalated: 27, verified: 23, hotline: 5, other: 1,
      },
      {
        key: "collection_hours", type: "problem", cat: "collections", team: "SZ1", status: "in_action", tags: ["催收", "外呼时段"],
        title: "催收来电时段不合理",
        description: "客户反映午休及晚间九点后仍接到催收电话，且已约定还款日期仍被频繁致电。",
        created: 32, escalated: 29, verified: 23, hotline: 5, other: 1,
      },
      {
        key: "fee_mismatch", type: "problem", cat: "instalment", team: "TJ2", status: "verified", tags: ["分期", "营销宣传"],
        title: "分期手续费实际收取与营销宣传不一致",
        description: "营销短信宣传“零手续费”分期，客户办理后账单中仍有每期手续费，认为被误导。",
        created: 10, escalated: 8, verified: 4, hotline: 6, other: 1,
      },
      {
        key: "wechat", type: "suggestion", cat: "statement.delivery", team: "SZ2", status: "verified", tags: ["账单提醒", "微信"],
        title: "建议增加微信账单提醒渠道",
        description: "客户希望通过微信公众号接收账单和还款提醒，并可自选提醒渠道。",
        created: 11, escalated: 9, verified: 3, hotline: 4, other: 1,
      },
      {
        key: "temp_limit", type: "problem", cat: "credit_limit", team: "SZ1", status: "reported", tags: ["临时额度"],
        title: "临时额度到期前未提醒客户",
        description: "临时额度到期前没有任何提醒，客户在外消费被拒或超额。",
        created: 6, escalated: 4, hotline: 4,
      },
      {
        key: "points_expiry", type: "problem", cat: "rewards", team: "SZ2", status: "reported", tags: ["积分有效期"],
        title: "积分有效期规则调整未提前告知",
        description: "积分有效期由永久改为三年后，部分客户积分到期清零，称从未收到通知。",
        created: 5, escalated: 3, hotline: 5, other: 1,
      },
      {
        key: "ivr", type: "suggestion", cat: "service.waiting", team: "SZ1", status: "reported", tags: ["语音导航"],
        title: "建议简化热线语音导航层级",
        description: "语音菜单层级多、播报长，客户建议减少层级或支持语音直接说出需求。",
        created: 4, escalated: 2, hotline: 3,
      },
      {
        key: "late_fee_all", type: "problem", cat: "fees.late", team: "TJ1", status: "rejected", tags: ["滞纳金"],
        title: "客户要求全面取消滞纳金",
        description: "部分客户认为滞纳金收取不合理，要求全面取消。",
        created: 30, escalated: 28, closed: 23,
        statusReason: "经核实，滞纳金收取符合领用合约约定及监管规定，账单中已明确提示；个案减免已有既定流程，不纳入客户之声通报。",
        hotline: 3,
      },
      {
        key: "overseas_tj", type: "problem", cat: "transactions", team: "TJ1", status: "merged", tags: ["境外交易", "短信提醒"],
        title: "境外消费短信通知不及时",
        description: "出境客户反映交易短信滞后数小时。",
        created: 33, escalated: 30, closed: 23, mergedInto: "overseas",
        statusReason: "与上海中心上报的“境外交易短信提醒延迟”为同一问题，已合并跟进，相关记录一并转入。",
        hotline: 4,
      },
      {
        key: "online_reset", type: "problem", cat: "pin.online", team: "SH2", status: "escalated", tags: ["网银", "密码重置"],
        title: "网银登录密码重置流程繁琐",
        description: "客户重置网银登录密码需多次验证，部分情况仍要求到柜台激活。",
        created: 4, escalated: 2, hotline: 4,
      },
      {
        key: "spend_stats", type: "suggestion", cat: "digital", team: "SH1", status: "escalated", tags: ["手机银行", "消费分析"],
        title: "建议手机银行增加消费分类统计",
        description: "客户希望手机银行按餐饮、购物、出行等分类统计每月消费。",
        created: 2, escalated: 1, hotline: 3,
      },
      {
        key: "limit_restore", type: "problem", cat: "statement.repayment", team: "SH2", status: "escalated", tags: ["还款", "额度恢复"],
        title: "还款后可用额度恢复缓慢",
        description: "客户还款到账后可用额度未及时恢复，马上用卡被拒。",
        created: 5, escalated: 3, hotline: 5,
      },
      {
        key: "transfer_key", type: "problem", cat: "service.waiting", team: "SH1", status: "returned", tags: ["语音导航"],
        title: "转人工服务按键难找",
        description: "客户反映语音菜单中找不到转人工的按键。",
        created: 8, escalated: 7, returned: 5,
        statusReason: "请补充：客户主要反映的是哪个语音菜单、哪个时段？目前仅关联1条记录，证据不足，请再关联几条同类记录后重新提交。",
        hotline: 1,
      },
      {
        key: "merchant_promo", type: "problem", cat: "marketing", team: "SH1", status: "draft", tags: ["商户活动"],
        title: "商户分期活动页面信息与实际不符",
        description: "活动页列出的免息分期商户与实际参与商户不一致。",
        created: 1, hotline: 3,
      },
      {
        key: "limit_progress", type: "suggestion", cat: "credit_limit", team: "SH1", status: "draft", tags: ["提额"],
        title: "建议提额申请进度可在线查询",
        description: "客户提交提额申请后无法得知审核进度。",
        created: 3, hotline: 2,
      },
      {
        key: "old_email", type: "problem", cat: "statement.delivery", team: "SZ1", status: "draft", tags: ["电子账单"],
        title: "电子账单仍发送至已停用邮箱",
        description: "客户修改邮箱后电子账单仍发送至旧邮箱。",
        created: 2, hotline: 3,
      },
    ];
    for (const s of issueList) this.issueSpecs.set(s.key, s);

    this.reports = [
      { key: "R1", site: "SZ", start: 182, end: 176, status: "reviewed", submitted: 175, reviewed: 172, issues: ["autopay", "address"], lead: "本期苏州中心账单类来电集中，自动还款失败和地址变更未同步两类问题反映较多。" },
      { key: "R2", site: "SH", start: 175, end: 161, status: "reviewed", submitted: 158, reviewed: 154, issues: ["pin"], lead: "本期上海中心密码函相关投诉持续上升，日均十余通，已成为开卡环节最集中的问题；论坛和服务邮箱亦有同类反映。" },
      { key: "R3", site: "TJ", start: 150, end: 136, status: "reviewed", submitted: 135, reviewed: 132, issues: ["mall"], lead: "本期天津中心积分类来电增加，主要集中在积分商城晚间访问缓慢及兑换失败。" },
      { key: "R4", site: "SH", start: 124, end: 111, status: "reviewed", submitted: 110, reviewed: 108, issues: ["reminder"], lead: "本期上海中心客户建议占比上升，手机银行相关建议最多。" },
      { key: "R5", site: "SZ", start: 100, end: 88, status: "reviewed", submitted: 87, reviewed: 86, issues: ["logistics"], lead: "本期苏州中心寄卡查询类来电增多，物流信息不可查是主要原因。" },
      { key: "R6", site: "TJ", start: 80, end: 67, status: "reviewed", submitted: 66, reviewed: 65, issues: ["otp"], lead: "本期天津中心开卡环节验证码问题集中。" },
      { key: "R7", site: "SH", start: 80, end: 68, status: "reviewed", submitted: 67, reviewed: 65, issues: ["overseas"], lead: "暑期出境高峰，上海中心境外交易短信提醒延迟的反映明显增多，网络渠道亦有讨论。" },
      { key: "R8", site: "TJ", start: 56, end: 46, status: "reviewed", submitted: 45, reviewed: 44, issues: ["peak"], lead: "本期天津中心晚间高峰等候时长超标，放弃率上升。" },
      { key: "R9", site: "SZ", start: 56, end: 47, status: "reviewed", submitted: 46, reviewed: 44, issues: ["billing_day"], lead: "本期苏州中心自助服务类建议增多，调研渠道反馈与热线一致。" },
      { key: "R10", site: "SH", start: 35, end: 26, status: "reviewed", submitted: 25, reviewed: 23, issues: ["annual_fee"], lead: "年费扣收季，上海中心年费类投诉上升，主要为减免条件告知不清。" },
      { key: "R11", site: "SZ", start: 35, end: 27, status: "reviewed", submitted: 26, reviewed: 23, issues: ["renewal", "collection_hours"], lead: "本期苏州中心到期换卡和催收时段两类问题较集中。" },
      { key: "R12", site: "TJ", start: 35, end: 25, status: "reviewed", submitted: 24, reviewed: 23, issues: ["prepay", "late_fee_all", "overseas_tj"], lead: "本期天津中心共上报三项问题与建议，其中境外交易短信与上海中心重复。" },
      { key: "R13", site: "TJ", start: 14, end: 7, status: "reviewed", submitted: 6, reviewed: 4, issues: ["fee_mismatch"], lead: "本期天津中心分期营销相关投诉集中。" },
      { key: "R14", site: "SZ", start: 20, end: 9, status: "reviewed", submitted: 8, reviewed: 3, issues: ["wechat"], lead: "本期苏州中心账单提醒渠道类建议增多，调研反馈一致。" },
      { key: "R15", site: "SZ", start: 8, end: 1, status: "submitted", submitted: 1, issues: ["temp_limit", "points_expiry", "ivr"], lead: "本期苏州中心共上报三项：临时额度到期提醒、积分有效期告知和语音导航层级，均经督导分析、专员核对其他渠道信息。" },
      { key: "R16", site: "SH", start: 10, end: 0, status: "draft", issues: ["online_reset", "limit_restore"], lead: "本期上海中心（编写中）：网银密码重置和还款后额度恢复两项问题待汇总。" },
    ];
    for (const r of this.reports) for (const k of r.issues) this.reportOfIssue.set(k, r);

    this.bulletinSpecs = [
      { number: 1, day: 168, start: 182, end: 169, status: "published", title: "自动还款失败提醒与地址变更同步", summary: "本期通报两项账单类问题，均来自苏州中心热线记录。", issues: [["autopay", 35.5], ["address", 12.0]] },
      { number: 2, day: 150, start: 168, end: 151, status: "published", title: "密码函寄送滞后影响客户用卡", summary: "密码函寄送滞后导致客户开卡后无法用卡，三个中心来电集中，建议开卡环节改为电话直接设置交易密码。", issues: [["pin", 42.5]] },
      { number: 3, day: 128, start: 150, end: 129, status: "published", title: "积分商城访问缓慢与兑换失败", summary: "积分商城晚间高峰访问问题，建议纳入积分系统扩容项目。", issues: [["mall", 28.0]] },
      { number: 4, day: 106, start: 128, end: 107, status: "published", title: "客户建议：手机银行还款日提醒", summary: "本期为客户建议专题，来自热线和调研渠道。", issues: [["reminder", 18.5]] },
      { number: 5, day: 84, start: 106, end: 85, status: "published", title: "寄卡物流信息不可查询", summary: "寄卡查询来电增加，建议开放物流轨迹查询。", issues: [["logistics", 21.0]] },
      { number: 6, day: 63, start: 84, end: 64, status: "published", title: "开卡验证码与境外交易提醒", summary: "本期通报两项短信类问题，涉及卡片运营部、信息技术部和风险管理部。", issues: [["otp", 15.5], ["overseas", 63.0]] },
      { number: 7, day: 42, start: 63, end: 43, status: "published", title: "热线晚间等候与账单日自助修改", summary: "一项服务问题、一项客户建议。", issues: [["peak", 9.5], ["billing_day", -4.0]] },
      { number: 8, day: 21, start: 42, end: 22, status: "published", title: "年费告知、到期换卡、分期提前还款与催收时段", summary: "本期通报四项，其中两项为客户建议；滞纳金一项经核实不予通报，境外交易一项与第6期合并跟进。", issues: [["annual_fee", 38.0], ["renewal", 11.5], ["prepay", 6.0], ["collection_hours", -12.5]] },
      { number: 9, day: 2, start: 21, end: 1, status: "draft", title: "分期营销宣传与微信账单提醒", summary: "（编写中）分期手续费宣传不一致、微信账单提醒建议。", issues: [["fee_mismatch", 25.0], ["wechat", 8.0]] },
    ];
    for (const b of this.bulletinSpecs) for (const [k] of b.issues) this.bulletinOfIssue.set(k, b);

    const pinDone = 98;
    const actionList: ActionSpec[] = [
      {
        key: "a_pin", issue: "pin", dept: "card_ops", disposition: "immediate_practice", assigned: 149, due: 110, status: "verified",
        progress: 100, done: pinDone, verified: m1,
        updates: [
          [145, "已与信息技术部、客户服务部召开需求评审会，确定开卡后由客户通过800电话直接设置交易密码的方案。", 20],
          [130, "IVR开卡设密流程与核心系统接口开发完成，进入联调测试。", 55],
          [114, "完成上海、苏州、天津三地座席培训及话术更新，密码函停寄方案经风险管理部会签。", 80],
          [105, "800电话开卡后直接设置交易密码功能已上线，客户开卡当天即可用卡。", 95, "https://intranet.example.com/notice/ivr-pin-setup"],
          [pinDone, "上线一周运行平稳，每日通过电话设置交易密码约2万通，密码函相关来电明显下降，申请验证关闭。", 100],
        ],
      },
      {
        key: "a_autopay", issue: "autopay", dept: "it", disposition: "work_plan", assigned: 167, due: 120, status: "verified", progress: 100, done: 124, verified: 118,
        updates: [
          [160, "已列入本季度系统优化计划，需求说明书编写中。", 20],
          [140, "扣款失败短信提醒开发完成，进入测试。", 70],
          [124, "自动还款扣款失败当日短信提醒已上线。", 100],
        ],
      },
      {
        key: "a_address", issue: "address", dept: "card_ops", disposition: "immediate_practice", assigned: 167, due: 150, status: "verified", progress: 100, done: 155, verified: 152,
        updates: [
          [163, "已查明原因：账单系统与制卡寄送系统分别维护地址，变更未同步。", 40],
          [155, "地址变更改为实时同步至账单及制卡寄送系统，已上线。", 100],
        ],
      },
      {
        key: "a_mall", issue: "mall", dept: "it", disposition: "improvement_project", assigned: 127, due: 70, status: "verified", progress: 100, done: 66, verified: 60,
        updates: [
          [120, "纳入积分系统扩容项目，完成性能压测。", 25],
          [95, "商城前端页面优化上线，首页加载时间由约8秒降至2秒以内。", 60],
          [66, "兑换失败自动退回积分功能上线，项目验收完成。", 100],
        ],
      },
      {
        key: "a_reminder", issue: "reminder", dept: "product", disposition: "immediate_practice", assigned: 105, due: 60, status: "verified", progress: 100, done: 48, verified: 40,
        updates: [
          [98, "产品方案确定：支持到期前1至3天短信或推送提醒，客户自选。", 30],
          [70, "手机银行新版本开发完成，进入灰度测试。", 70],
          [48, "还款日提醒功能随手机银行新版本全量上线。", 100],
        ],
      },
      {
        key: "a_logistics", issue: "logistics", dept: "card_ops", disposition: "work_plan", assigned: 83, due: 10, firstDue: 35, status: "in_progress", progress: 60,
        updates: [
          [75, "已向寄送服务商提出物流轨迹查询接口需求。", 20],
          [52, "接口方案评审通过，排入下一版本开发计划。", 40],
          [33, "服务商接口变更，联调推迟，申请延期。", 50],
          [14, "联调完成约六成，预计下月上线。", 60],
        ],
      },
      {
        key: "a_otp_card", issue: "otp", dept: "card_ops", disposition: "immediate_practice", assigned: 62, due: 20, status: "done", progress: 100, done: 5,
        updates: [
          [58, "开卡验证码改走优先短信通道，并增加语音验证码备选方案。", 40],
          [30, "优先通道切换完成，验证码平均到达时间降至10秒以内。", 80],
          [5, "语音验证码备选功能上线，开卡验证码相关来电明显减少，申请验证。", 100, "https://intranet.example.com/report/otp-delivery"],
        ],
      },
      {
        key: "a_otp_it", issue: "otp", dept: "it", disposition: "improvement_project", assigned: 62, due: -30, status: "in_progress", progress: 40,
        updates: [
          [45, "纳入短信平台升级项目，完成运营商通道评估。", 20],
          [18, "新短信网关开发中。", 40],
        ],
      },
      {
        key: "a_overseas_it", issue: "overseas", dept: "it", disposition: "improvement_project", assigned: 62, due: -20, status: "in_progress", progress: 50,
        updates: [
          [55, "已定位原因：部分境外交易经卡组织清算后批量推送短信。", 20],
          [28, "改为授权时实时推送的接口开发中。", 50],
        ],
      },
      {
        key: "a_overseas_risk", issue: "overseas", dept: "risk", disposition: "coordination_meeting", assigned: 62, due: 5, status: "assigned", progress: 0,
        updates: [],
      },
      {
        key: "a_peak", issue: "peak", dept: "customer_service", disposition: "coordination_meeting", assigned: 41, due: -10, status: "in_progress", progress: 70,
        updates: [
          [35, "已召开三地排班协调会，晚间高峰增加弹性班次。", 40],
          [15, "上线排队预计等候时长播报，高峰回拨服务试行中。", 70],
        ],
      },
      {
        key: "a_billing_day", issue: "billing_day", dept: "product", disposition: "special_survey", assigned: 41, due: 3, status: "assigned", progress: 0,
        updates: [],
      },
      {
        key: "a_annual_fee", issue: "annual_fee", dept: "marketing", disposition: "work_plan", assigned: 20, due: -5, status: "done", progress: 100, done: 2,
        updates: [
          [16, "修订营销话术及申请页面，突出年费减免条件。", 50],
          [2, "年费扣收前15天短信提醒已上线，营销话术已完成培训。", 100],
        ],
      },
      {
        key: "a_renewal", issue: "renewal", dept: "card_ops", disposition: "improvement_project", assigned: 20, due: -25, status: "assigned", progress: 0,
        updates: [],
      },
      {
        key: "a_collection", issue: "collection_hours", dept: "collections", disposition: "coordination_meeting", assigned: 20, due: 8, status: "in_progress", progress: 30,
        updates: [[12, "已与外包催收机构约定外呼时段为9:00至20:00，正在修订考核规则。", 30]],
      },
    ];
    for (const a of actionList) this.actionSpecs.set(a.key, a);

    this.meetingSpecs = [
      {
        day: m1, status: "minutes_published",
        items: [
          { action: "a_pin", reason: "done", decision: "verified_closed", note: "功能上线运行平稳，密码函相关来电由每日十余通降至零星，同意验证关闭，问题解决。" },
          { action: "a_mall", reason: "open", decision: "continue", note: "按计划推进，下次会议汇报页面提速效果。" },
          { action: "a_reminder", reason: "open", decision: "continue", note: "灰度测试后全量上线，继续跟踪。" },
        ],
        minutes:
          "一、密码函问题：卡片运营部汇报800电话开卡设密功能上线情况，每日设置约2万通，密码函相关来电大幅下降，邮寄成本同步节省。会议同意验证关闭。\n二、积分商城：信息技术部汇报扩容项目进度，按计划推进。\n三、还款日提醒：产品部汇报开发进度，继续跟踪。",
      },
      {
        day: this.m2, status: "minutes_published",
        items: [
          { action: "a_logistics", reason: "overdue", decision: "change_due", note: "服务商接口变更导致延期，同意延期至{due}，卡片运营部每两周汇报联调进度。" },
          { action: "a_otp_card", reason: "open", decision: "continue" },
          { action: "a_otp_it", reason: "open", decision: "continue" },
          { action: "a_overseas_it", reason: "open", decision: "continue" },
          { action: "a_overseas_risk", reason: "open", decision: "escalate", note: "涉及卡组织清算规则，由中心领导牵头召开风险管理部与信息技术部协调会。" },
          { action: "a_peak", reason: "open", decision: "continue" },
          { action: "a_billing_day", reason: "open", decision: "change_owner", note: "专题调研牵头人调整为{owner}，下月会议汇报调研方案。" },
        ],
        minutes:
          "一、逐项检查在办事项7项，其中1项逾期（寄卡物流查询），同意延期。\n二、境外交易短信提醒涉及跨部门规则，升级由中心领导牵头协调。\n三、账单日自助修改专题调研调整牵头人。\n四、各部门对第7期通报事项均已确认处置方式。",
      },
      {
        day: this.clock.meetingDayThisMonth(), status: "open",
        items: [
          { action: "a_logistics", reason: "overdue" },
          { action: "a_otp_card", reason: "done" },
          { action: "a_otp_it", reason: "open" },
          { action: "a_overseas_it", reason: "open" },
          { action: "a_overseas_risk", reason: "overdue" },
          { action: "a_peak", reason: "open" },
          { action: "a_billing_day", reason: "overdue" },
          { action: "a_annual_fee", reason: "done" },
          { action: "a_renewal", reason: "open" },
          { action: "a_collection", reason: "overdue" },
        ],
        minutes: "",
      },
    ];
  }

  private m1 = 91;
  private m2 = 30;
  private reports: ReportSpec[] = [];
  private bulletinSpecs: BulletinSpec[] = [];
  private meetingSpecs: { day: number; status: "open" | "minutes_published"; items: MeetingItemSpec[]; minutes: string }[] = [];

  // -------------------------------------------------------------------------- issues

  private async insertIssues(): Promise<void> {
    const specs = [...this.issueSpecs.values()];
    const rows = specs.map((s) => {
      const team = this.teams.get(s.team)!;
      const report = this.reportOfIssue.get(s.key);
      const bulletin = this.bulletinOfIssue.get(s.key);
      const createdAt = this.at(s.created, 10);
      const escalatedAt = s.escalated !== undefined ? this.at(s.escalated, 15) : undefined;
      const reportedAt = report?.submitted !== undefined && report.status !== "draft" ? this.at(report.submitted, 16, 30) : undefined;
      const verifiedAt = s.verified !== undefined ? this.at(s.verified, 11) : undefined;
      const publishedAt = bulletin?.status === "published" ? this.at(bulletin.day, 10) : undefined;
      const resolvedAt = s.resolved !== undefined ? this.at(s.resolved, 16) : undefined;
      const returnedAt = s.returned !== undefined ? this.at(s.returned, 14) : undefined;
      const closedAt = s.closed !== undefined ? this.at(s.closed, 11) : undefined;
      const inActionAt = s.status === "in_action" || s.status === "resolved" ? this.at(bulletin!.day - 1, 10) : undefined;
      this.issueTimes.set(s.key, { createdAt, escalatedAt, reportedAt, verifiedAt, publishedAt, resolvedAt, returnedAt, closedAt, inActionAt });
      const last = [createdAt, escalatedAt, reportedAt, verifiedAt, publishedAt, inActionAt, resolvedAt, returnedAt, closedAt]
        .filter((d): d is Date => d !== undefined)
        .reduce((a, b) => (a > b ? a : b));
      const versions = 1 + [escalatedAt, reportedAt, verifiedAt, publishedAt, inActionAt, resolvedAt, returnedAt, closedAt].filter(Boolean).length;
      return {
        type: s.type,
        title: s.title,
        description: s.description,
        categoryId: this.cat(s.cat),
        siteId: team.siteId,
        status: s.status,
        tags: s.tags,
        createdBy: team.supervisor,
        statusReason: s.statusReason ?? null,
        publicTitle: s.publicTitle ?? null,
        publicOutcome: s.publicOutcome ?? null,
        escalatedAt: escalatedAt ?? null,
        reportedAt: reportedAt ?? null,
        verifiedAt: verifiedAt ?? null,
        publishedAt: publishedAt ?? null,
        resolvedAt: resolvedAt ?? null,
        createdAt,
        updatedAt: last,
        version: versions,
      };
    });
    const inserted = await this.tx.insert(issues).values(rows).returning({ id: issues.id });
    specs.forEach((s, i) => this.issueIds.set(s.key, inserted[i].id));
    for (const s of specs) {
      if (!s.mergedInto) continue;
      await this.tx
        .update(issues)
        .set({ mergedIntoId: this.issueIds.get(s.mergedInto)! })
        .where(eq(issues.id, this.issueIds.get(s.key)!));
    }

    // The issue-level history; report, bulletin, action and meeting steps are added where those are made.
    for (const s of specs) {
      const id = this.issueIds.get(s.key)!;
      const t = this.issueTimes.get(s.key)!;
      const team = this.teams.get(s.team)!;
      const specialist = this.specialists.get(team.site)!;
      this.audit(t.createdAt!, team.supervisor, "issue.created", "issue", id, { title: s.title, type: s.type, status: "draft" });
      if (t.escalatedAt) {
        this.audit(t.escalatedAt, team.supervisor, "issue.escalated", "issue", id, { from: "draft", to: "escalated" });
      }
      if (t.returnedAt) {
        this.audit(t.returnedAt, specialist, "issue.returned", "issue", id, { from: "escalated", to: "returned" }, s.statusReason);
      }
      if (t.reportedAt) {
        const report = this.reportOfIssue.get(s.key)!;
        this.audit(t.reportedAt, specialist, "issue.reported", "issue", id, { from: "escalated", to: "reported", reportKey: report.key });
      }
      if (t.verifiedAt) {
        this.audit(t.verifiedAt, this.manager, "issue.verified", "issue", id, { from: "reported", to: "verified" });
      }
      if (s.status === "rejected" && t.closedAt) {
        this.audit(t.closedAt, this.manager, "issue.rejected", "issue", id, { from: "reported", to: "rejected" }, s.statusReason);
      }
      if (s.status === "merged" && t.closedAt) {
        this.audit(t.closedAt, this.manager, "issue.merged", "issue", id, {
          from: "reported",
          to: "merged",
          mergedIntoId: this.issueIds.get(s.mergedInto!)!,
        }, s.statusReason);
      }
      if (t.publishedAt) {
        const b = this.bulletinOfIssue.get(s.key)!;
        this.audit(t.publishedAt, this.manager, "issue.published", "issue", id, { from: "verified", to: "published", bulletinNumber: b.number });
      }
      if (t.inActionAt) {
        this.audit(t.inActionAt, this.manager, "issue.in_action", "issue", id, { from: "published", to: "in_action" });
      }
      if (t.resolvedAt) {
        this.audit(t.resolvedAt, this.manager, "issue.resolved", "issue", id, {
          from: "in_action",
          to: "resolved",
          publicTitle: s.publicTitle,
        });
      }
    }
  }

  // -------------------------------------------------------------------------- records

  private kindMix(t: number, channel: Channel): [RecordKind, number][] {
    switch (channel) {
      case "web":
        return [["complaint", 0.55 - 0.2 * t], ["suggestion", 0.35 + 0.2 * t], ["praise", 0.1]];
      case "forum":
        return [["complaint", 0.5 - 0.15 * t], ["suggestion", 0.4 + 0.15 * t], ["business_contact", 0.1]];
      case "internet":
        return [["complaint", 0.7 - 0.2 * t], ["suggestion", 0.2 + 0.2 * t], ["praise", 0.1]];
      case "mailbox":
        return [["complaint", 0.5 - 0.15 * t], ["suggestion", 0.3 + 0.15 * t], ["business_contact", 0.2]];
      default:
        return [
          ["complaint", 0.4 - 0.18 * t],
          ["suggestion", 0.1 + 0.18 * t],
          ["business_contact", 0.22],
          ["service_record", 0.22 - 0.02 * t],
          ["praise", 0.06 + 0.02 * t],
        ];
    }
  }

  private channelMix(t: number): [Channel, number][] {
    return [
      ["hotline", 0.8 - 0.1 * t],
      ["web", 0.07],
      ["forum", 0.03],
      ["internet", 0.04],
      ["mailbox", 0.04],
      ["survey", 0.015 + 0.3 * t * t],
    ];
  }

  private words(kind: RecordKind, base: string): string {
    const tail = this.rng.pick(T.tails[kind]);
    return tail ? `${base}${tail}` : base;
  }

  private pickAgent(team: TeamInfo): number {
    if (team.code === "SH1") return this.rng.weighted(team.agents.map((id) => [id, id === this.agentUser ? 2.5 : 1] as const));
    return this.rng.pick(team.agents);
  }

  private pickTeam(site?: SiteCode): TeamInfo {
    const s = site ?? this.rng.weighted(SITE_WEIGHT);
    return this.teams.get(`${s}${this.rng.chance(0.5) ? "1" : "2"}` as TeamCode)!;
  }

  private region(): string | null {
    if (this.regionWeights.length === 0 || this.rng.chance(0.04)) return null;
    return this.rng.weighted(this.regionWeights);
  }

  private urgency(kind: RecordKind): Urgency {
    return this.rng.weighted(URGENCY[kind]);
  }

  private nextTracking(): string {
    for (;;) {
      const n = newTrackingNumber((max) => Math.floor(this.rng.next() * max));
      if (!this.trackingNumbers.has(n)) {
        this.trackingNumbers.add(n);
        return n;
      }
    }
  }

  /** A clearly fake contact: the 1380013xxxx test range, or an example.com mailbox. */
  private nextContact(): string {
    this.contactSeq++;
    if (this.rng.chance(0.3)) return `customer${String(this.contactSeq).padStart(3, "0")}@example.com`;
    return `1380013${String(8000 + this.contactSeq * 7).slice(-4)}`;
  }

  /**
   * One record. Channel decides who wrote it and when it was entered: hotline by an agent a few
   * minutes after the call; other channels by the site's specialist, the web by the customer.
   */
  private addRecord(spec: RecSpec): number {
    const { day, channel, kind } = spec;
    let occurredAt: Date;
    let createdAt: Date;
    const row: NewRecord = {
      kind,
      channel,
      categoryId: this.cat(spec.cat),
      summary: spec.summary,
      customerWords: spec.words,
      urgency: spec.urgency ?? this.urgency(kind),
      regionCode: spec.region === undefined ? this.region() : spec.region,
      valuable: spec.valuable ?? false,
      status: spec.status ?? "new",
      dismissedReason: spec.dismissedReason ?? null,
      issueId: spec.issueId ?? null,
    };
    const meta: RecordMeta = { authorId: null, dismissedBy: spec.dismissedBy, moderatedBy: null };
    if (channel === "hotline") {
      const team = spec.team ?? this.pickTeam(spec.site);
      const author = spec.authorId ?? this.pickAgent(team);
      occurredAt = this.clock.at(day, this.rng.weighted(CALL_HOURS), this.rng.int(0, 59));
      createdAt = this.clock.clamp(occurredAt.getTime() + this.rng.int(1, 8) * MIN);
      row.siteId = team.siteId;
      row.teamId = team.id;
      row.authorId = author;
      row.callReference = `CR${this.clock.compact(occurredAt)}-${String(this.rng.int(1, 199_999)).padStart(6, "0")}`;
      meta.authorId = author;
    } else if (channel === "web") {
      occurredAt = this.clock.at(day, this.rng.weighted(ANY_HOURS), this.rng.int(0, 59));
      createdAt = occurredAt;
      const contact = this.nextContact();
      row.trackingNumber = this.nextTracking();
      row.contact = contact;
      row.contactDigest = contactDigest(contact);
      row.moderationStatus = spec.moderation ?? (day <= 2 && !spec.issueId ? "pending" : "approved");
      if (row.moderationStatus !== "pending") meta.moderatedBy = this.specialists.get("SH")!;
    } else {
      const site = spec.site ?? this.rng.weighted(SITE_WEIGHT);
      const author = this.specialists.get(site)!;
      occurredAt = this.clock.at(day, this.rng.weighted(ANY_HOURS), this.rng.int(0, 59));
      const delay = channel === "mailbox" ? this.rng.int(30, 20 * 60) : this.rng.int(4 * 60, 3 * 24 * 60);
      createdAt = new Date(Math.max(occurredAt.getTime(), this.clock.clamp(occurredAt.getTime() + delay * MIN).getTime()));
      row.siteId = this.siteIds.get(site)!;
      row.authorId = author;
      meta.authorId = author;
      const seq = ++this.externalSeq;
      const ymd = this.clock.compact(occurredAt);
      if (channel === "forum") {
        row.source = this.rng.pick(T.forumSources);
        row.sourceUrl = `https://bbs.intranet.example.com/thread/${18_000 + seq * 13}`;
        row.externalId = `BBS-${ymd}-${seq}`;
      } else if (channel === "internet") {
        row.source = `${this.rng.pick(T.internetSources)}：${spec.summary}`.slice(0, 200);
        row.sourceUrl = `https://${this.rng.pick(["forum", "social", "news"])}.example.com/post/${420_000 + seq * 37}`;
        row.externalId = `NET-${ymd}-${seq}`;
      } else if (channel === "mailbox") {
        row.source = "对外服务邮箱来信";
        row.sourceUrl = `https://mail.example.com/service-inbox/msg/${ymd}${String(seq).padStart(4, "0")}`;
        row.externalId = `<${ymd}.${seq}@mail.example.com>`;
      } else {
        const d = new Date(occurredAt.getTime() + TZ);
        const quarter = Math.floor(d.getUTCMonth() / 3) + 1;
        row.source = `${d.getUTCFullYear()}年第${quarter}季度持卡人满意度调研`;
        row.sourceUrl = `https://survey.example.com/s/${d.getUTCFullYear()}q${quarter}`;
        row.externalId = `SV-${d.getUTCFullYear()}Q${quarter}-${String(seq).padStart(5, "0")}`;
      }
    }
    row.occurredAt = occurredAt;
    row.createdAt = createdAt;
    const statusAt = spec.statusAt && spec.statusAt > createdAt ? spec.statusAt : createdAt;
    row.updatedAt = row.status === "new" && !row.valuable ? createdAt : this.clock.clamp(statusAt.getTime());
    if (row.status !== "new") row.version = 2;
    if (kind === "complaint") row.dueAt = new Date(createdAt.getTime() + 15 * DAY);
    meta.reportedAt = row.valuable ? this.clock.clamp(createdAt.getTime() + this.rng.int(1, 20) * MIN) : undefined;
    meta.statusAt = row.updatedAt as Date;
    this.drafts.push({ row, meta });
    return this.drafts.length - 1;
  }

  /** An everyday record of no particular story. */
  private generic(day: number, force: { channel?: Channel; team?: TeamInfo; kind?: RecordKind } = {}): RecSpec {
    const t = 1 - day / HISTORY_DAYS;
    const channel = force.channel ?? this.rng.weighted(this.channelMix(t));
    if (channel === "survey") {
      const s = this.rng.pick(T.surveyTexts);
      return { day, channel, kind: s.kind, cat: s.category, summary: s.summary, words: this.rng.pick(s.words) };
    }
    const kind = force.kind ?? this.rng.weighted(this.kindMix(t, channel));
    const cats = Object.entries(CATEGORY_WEIGHTS).filter(([code]) => (T.categoryTexts[code]?.[kind]?.length ?? 0) > 0);
    const cat = this.rng.weighted(cats);
    const item = this.rng.pick(T.categoryTexts[cat][kind]!);
    return { day, channel, kind, cat, summary: item.summary, words: this.words(kind, this.rng.pick(item.words)), team: force.team };
  }

  private buildRecords(): void {
    // 1. Everyday records over the last half year, with a weekly rhythm.
    for (let day = HISTORY_DAYS; day >= 0; day--) {
      const n = this.rng.poisson(1.5 * WEEKDAY_FACTOR[this.clock.weekday(day)]);
      for (let i = 0; i < n; i++) {
        const spec = this.generic(day);
        if (spec.channel === "hotline") {
          const team = this.pickTeam();
          spec.team = team;
          if (day <= 10 && this.rng.chance(0.22)) {
            spec.valuable = true;
            spec.status = "reported";
          } else if (day > 10 && this.rng.chance(0.03)) {
            spec.valuable = true;
            spec.status = "dismissed";
            spec.dismissedReason = this.rng.pick(T.dismissReasons);
            spec.dismissedBy = team.supervisor;
            spec.statusAt = this.at(day - 1);
          }
        }
        if (spec.channel === "web" && day > 3 && this.rng.chance(0.06)) {
          spec.moderation = "rejected";
          spec.status = "dismissed";
          spec.dismissedReason = "重复提交，审核未通过";
          spec.statusAt = new Date(this.at(day, 12).getTime() + DAY);
        }
        this.addRecord(spec);
      }
    }

    // Public submissions of the last two days still wait for moderation.
    for (const day of [0, 1, 1, 2]) {
      const spec = this.generic(day, { channel: "web", kind: day === 1 ? "suggestion" : "complaint" });
      spec.moderation = "pending";
      this.addRecord(spec);
    }

    // 2. The supervisor's queue in 上海一组: a concentrated topic plus assorted reports.
    const sh1 = this.teams.get("SH1")!;
    const topicAuthors = [this.agentUser, sh1.agents[1], this.agentUser, sh1.agents[2], sh1.agents[3], this.agentUser, sh1.agents[4]];
    topicAuthors.forEach((authorId, i) => {
      const kind: RecordKind = i % 3 === 2 ? "business_contact" : "complaint";
      this.addRecord({
        day: [0, 1, 1, 2, 3, 4, 6][i],
        channel: "hotline",
        kind,
        cat: "instalment",
        summary: T.instalmentFeeTopic.summaries[i % T.instalmentFeeTopic.summaries.length],
        words: this.words(kind, T.instalmentFeeTopic.words[i % T.instalmentFeeTopic.words.length]),
        team: sh1,
        authorId,
        urgency: i === 0 ? "high" : undefined,
        valuable: true,
        status: "reported",
      });
    });
    for (let i = 0; i < 8; i++) {
      const spec = this.generic([0, 1, 2, 3, 5, 7, 8, 9][i], { channel: "hotline", team: sh1, kind: i % 4 === 3 ? "suggestion" : undefined });
      spec.authorId = i % 3 === 0 ? this.agentUser : undefined;
      spec.valuable = true;
      spec.status = "reported";
      this.addRecord(spec);
    }
    // A couple the 上海一组 supervisor already dismissed, one of them agent@demo.local's.
    for (const [day, authorId] of [
      [6, this.agentUser],
      [9, sh1.agents[2]],
    ] as const) {
      const spec = this.generic(day, { channel: "hotline", team: sh1, kind: "service_record" });
      Object.assign(spec, {
        authorId,
        valuable: true,
        status: "dismissed",
        dismissedReason: T.dismissReasons[day === 6 ? 2 : 0],
        dismissedBy: sh1.supervisor,
        statusAt: this.at(day - 1),
      } satisfies Partial<RecSpec>);
      this.addRecord(spec);
    }
    // Each other team has a few reports waiting too.
    for (const code of TEAM_CODES) {
      if (code === "SH1") continue;
      const team = this.teams.get(code)!;
      for (let i = 0; i < 3; i++) {
        const spec = this.generic(this.rng.int(0, 8), { channel: "hotline", team });
        spec.valuable = true;
        spec.status = "reported";
        this.addRecord(spec);
      }
    }

    // 3. The PIN-letter story.
    this.buildPinLetter();

    // 4. The records behind every other issue.
    for (const s of this.issueSpecs.values()) {
      if (s.key === "pin") continue;
      this.buildIssueRecords(s);
    }
  }

  private buildPinLetter(): void {
    const issueId = this.issueIds.get("pin")!;
    const t = this.issueTimes.get("pin")!;
    const pool: number[] = [];
    // Several complaints a day from all three sites, 26 to 14 weeks ago; the fix went live 105 days ago.
    for (let day = 182; day >= 98; day--) {
      const ramp = day > 170 ? 0.6 + ((182 - day) / 12) * 0.4 : day >= 106 ? 1 : 0.3 + ((day - 98) / 8) * 0.7;
      const n = this.rng.poisson(2.5 * ramp * WEEKDAY_FACTOR[this.clock.weekday(day)]);
      for (let i = 0; i < n; i++) {
        const r = this.rng.next();
        const channel: Channel = r < 0.93 ? "hotline" : r < 0.96 ? "mailbox" : r < 0.98 ? "forum" : "internet";
        const contact = channel === "hotline" && this.rng.chance(0.2);
        const kind: RecordKind = contact ? this.rng.pick(["business_contact", "service_record"] as const) : "complaint";
        const c = this.rng.pick(T.pinLetter.contacts);
        const idx = this.addRecord({
          day,
          channel,
          kind,
          cat: "pin.letter",
          summary: contact ? c.summary : this.rng.pick(T.pinLetter.complaints),
          words: contact ? this.words(kind, this.rng.pick(c.words)) : this.words("complaint", this.rng.pick(T.pinLetter.words)),
          urgency: kind === "complaint" ? this.rng.weighted([["normal", 55], ["high", 40], ["critical", 5]] as const) : undefined,
        });
        if (channel === "hotline" && kind === "complaint" && day <= 178 && day >= 112) pool.push(idx);
      }
    }
    // After the fix: about one a week, and no longer complaints about waiting.
    for (let week = 0; week * 7 < 97; week++) {
      if (!this.rng.chance(0.85)) continue;
      const day = Math.max(0, 97 - week * 7 - this.rng.int(0, 6));
      const item = this.rng.pick(T.pinLetter.after);
      this.addRecord({ day, channel: "hotline", kind: item.kind, cat: "pin.letter", summary: item.summary, words: this.words(item.kind, this.rng.pick(item.words)) });
    }

    // The supervisor of 上海一组 groups the team's calls; the specialist adds 上海二组's and other channels.
    const shPool = pool.filter((i) => this.drafts[i].row.siteId === this.siteIds.get("SH"));
    const sh1Id = this.teams.get("SH1")!.id;
    const ordered = [
      ...this.rng.shuffle(shPool.filter((i) => this.drafts[i].row.teamId === sh1Id)),
      ...this.rng.shuffle(shPool.filter((i) => this.drafts[i].row.teamId !== sh1Id)),
    ];
    const chosen = ordered.slice(0, 35);
    // Make sure agent@demo.local has a record in the story.
    if (chosen.length > 0 && !chosen.some((i) => this.drafts[i].row.authorId === this.agentUser)) {
      this.drafts[chosen[0]].row.authorId = this.agentUser;
      this.drafts[chosen[0]].meta.authorId = this.agentUser;
    }
    for (const i of chosen) this.link(i, issueId, t.createdAt!);
    const extra: [number, Channel][] = [
      [166, "forum"],
      [157, "mailbox"],
      [172, "web"],
      [163, "web"],
      [146, "web"],
    ];
    for (const [day, channel] of extra) {
      const idx = this.addRecord({
        day,
        channel,
        kind: "complaint",
        cat: "pin.letter",
        site: "SH",
        summary: this.rng.pick(T.pinLetter.complaints),
        words: this.words("complaint", this.rng.pick(T.pinLetter.words)),
      });
      this.link(idx, issueId, t.createdAt!, this.specialists.get("SH")!);
    }
  }

  /** Marks a record valuable and linked to an issue, no earlier than the issue exists. */
  private link(index: number, issueId: number, issueCreatedAt: Date, by?: number): void {
    const d = this.drafts[index];
    const createdAt = d.row.createdAt as Date;
    const linkedAt = new Date(Math.max(createdAt.getTime() + this.rng.int(30, 600) * MIN, issueCreatedAt.getTime() + this.rng.int(5, 90) * MIN));
    d.row.valuable = true;
    d.row.status = "linked";
    d.row.issueId = issueId;
    d.row.updatedAt = this.clock.clamp(linkedAt.getTime());
    d.row.version = 2;
    d.meta.statusAt = d.row.updatedAt as Date;
    d.meta.reportedAt = d.row.channel === "hotline" ? this.clock.clamp(createdAt.getTime() + this.rng.int(1, 20) * MIN) : undefined;
    d.meta.linkedBy = by ?? (d.row.teamId ? [...this.teams.values()].find((x) => x.id === d.row.teamId)!.supervisor : null);
  }

  private buildIssueRecords(s: IssueSpec): void {
    const texts = T.issueTexts[s.key];
    if (!texts) throw new Error(`demo seed: no texts for issue ${s.key}`);
    const team = this.teams.get(s.team)!;
    // Records of a merged issue went to the issue it was merged into.
    const targetKey = s.mergedInto ?? s.key;
    const issueId = this.issueIds.get(targetKey)!;
    const t = this.issueTimes.get(s.key)!;
    const newest = s.escalated ?? s.created;
    const oldest = Math.min(182, s.created + 16);
    const kindFor = (i: number): RecordKind => (s.type === "suggestion" ? "suggestion" : i % 5 === 4 ? "business_contact" : "complaint");
    for (let i = 0; i < s.hotline; i++) {
      const kind = kindFor(i);
      const idx = this.addRecord({
        day: this.rng.int(newest, oldest),
        channel: "hotline",
        kind,
        cat: s.cat,
        team,
        authorId: team.code === "SH1" && i % 3 === 0 ? this.agentUser : undefined,
        summary: texts.summaries[i % texts.summaries.length],
        words: this.words(kind, texts.words[i % texts.words.length]),
      });
      this.link(idx, issueId, t.createdAt!);
    }
    const otherChannels: Channel[] = s.type === "suggestion" ? ["survey", "forum", "mailbox"] : ["internet", "forum", "mailbox"];
    for (let i = 0; i < (s.other ?? 0); i++) {
      const kind = s.type === "suggestion" ? "suggestion" : "complaint";
      const idx = this.addRecord({
        day: this.rng.int(newest, oldest),
        channel: otherChannels[i % otherChannels.length],
        kind,
        cat: s.cat,
        site: team.site,
        summary: texts.summaries[(i + 1) % texts.summaries.length],
        words: this.words(kind, texts.words[(i + 1) % texts.words.length]),
      });
      this.link(idx, issueId, t.escalatedAt ?? t.createdAt!, this.specialists.get(team.site)!);
    }
    for (let i = 0; i < (s.web ?? 0); i++) {
      const kind = s.type === "suggestion" ? "suggestion" : "complaint";
      const idx = this.addRecord({
        day: this.rng.int(newest, oldest),
        channel: "web",
        kind,
        cat: s.cat,
        summary: texts.summaries[(i + 2) % texts.summaries.length],
        words: texts.words[(i + 2) % texts.words.length],
      });
      this.link(idx, issueId, t.escalatedAt ?? t.createdAt!, this.specialists.get(team.site)!);
    }
  }

  private async insertRecords(): Promise<void> {
    // Oldest first, as they were entered.
    const order = this.drafts
      .map((d, i) => i)
      .sort((a, b) => (this.drafts[a].row.createdAt as Date).getTime() - (this.drafts[b].row.createdAt as Date).getTime());
    const ids = await batchedReturning(order, 250, (chunk) =>
      this.tx
        .insert(records)
        .values(chunk.map((i) => this.drafts[i].row))
        .returning({ id: records.id }),
    );
    this.recordIds = new Array<number>(this.drafts.length);
    order.forEach((draftIndex, i) => {
      this.recordIds[draftIndex] = ids[i].id;
    });

    const linkedByIssue = new Map<number, number[]>();
    this.drafts.forEach((d, i) => {
      const id = this.recordIds[i];
      const row = d.row;
      const createdAt = row.createdAt as Date;
      this.audit(createdAt, d.meta.authorId, "record.created", "record", id, {
        kind: row.kind,
        channel: row.channel,
        ...(row.trackingNumber ? { trackingNumber: row.trackingNumber } : {}),
      });
      if (row.moderationStatus && row.moderationStatus !== "pending" && d.meta.moderatedBy) {
        this.audit(new Date(Math.min(createdAt.getTime() + 3 * HOUR, this.clock.nowMs - MIN)), d.meta.moderatedBy, `record.${row.moderationStatus === "approved" ? "approved" : "rejected"}`, "record", id, {
          moderationStatus: row.moderationStatus,
        });
      }
      if (d.meta.reportedAt) this.audit(d.meta.reportedAt, d.meta.authorId, "record.reported", "record", id, { to: "reported" });
      if (row.status === "dismissed") {
        this.audit(d.meta.statusAt!, d.meta.dismissedBy ?? null, "record.dismissed", "record", id, { to: "dismissed" }, row.dismissedReason ?? undefined);
      }
      if (row.status === "linked" && row.issueId) {
        this.audit(d.meta.statusAt!, d.meta.linkedBy ?? d.meta.authorId, "record.linked", "record", id, { issueId: row.issueId });
        const list = linkedByIssue.get(row.issueId) ?? [];
        list.push(id);
        linkedByIssue.set(row.issueId, list);
      }
    });
    this.linkedByIssue = linkedByIssue;
  }

  private linkedByIssue = new Map<number, number[]>();

  // -------------------------------------------------------------------------- reports

  private async insertReports(): Promise<void> {
    const rows = this.reports.map((r) => {
      const author = this.specialists.get(r.site)!;
      const createdAt = this.at(r.status === "draft" ? 1 : r.submitted! + 1, 14);
      const submittedAt = r.submitted !== undefined ? this.at(r.submitted, 16, 30) : null;
      const reviewedAt = r.reviewed !== undefined ? this.at(r.reviewed, 10, 30) : null;
      const titles = r.issues.map((k, i) => `${i + 1}. ${this.issueSpecs.get(k)!.title}`).join("\n");
      const analysis = `${r.lead}\n\n本期重点问题与建议：\n${titles}\n\n以上问题已由督导分析归并，并结合内部论坛、网络及对外服务邮箱等渠道信息核对，请管理岗核实。`;
      return {
        siteId: this.siteIds.get(r.site)!,
        periodStart: this.clock.date(r.start),
        periodEnd: this.clock.date(r.end),
        title: `${SITE_HANS[r.site]}中心客户之声报告（${this.clock.date(r.start)} 至 ${this.clock.date(r.end)}）`,
        analysis,
        status: r.status,
        authorId: author,
        submittedAt,
        reviewedAt,
        createdAt,
        updatedAt: reviewedAt ?? submittedAt ?? createdAt,
        version: 1 + (submittedAt ? 1 : 0) + (reviewedAt ? 1 : 0),
      };
    });
    const inserted = await this.tx.insert(siteReports).values(rows).returning({ id: siteReports.id });
    this.reports.forEach((r, i) => this.reportIds.set(r.key, inserted[i].id));
    await this.tx.insert(siteReportIssues).values(
      this.reports.flatMap((r) => r.issues.map((k, position) => ({ reportId: this.reportIds.get(r.key)!, issueId: this.issueIds.get(k)!, position }))),
    );
    this.reports.forEach((r, i) => {
      const id = inserted[i].id;
      const author = this.specialists.get(r.site)!;
      const issueIds = r.issues.map((k) => this.issueIds.get(k)!);
      this.audit(rows[i].createdAt, author, "report.created", "report", id, { siteCode: r.site });
      if (rows[i].submittedAt) this.audit(rows[i].submittedAt!, author, "report.submitted", "report", id, { issueIds });
      if (rows[i].reviewedAt) this.audit(rows[i].reviewedAt!, this.manager, "report.reviewed", "report", id, { issueIds });
    });
  }

  // -------------------------------------------------------------------------- bulletins

  private quotes(key: string): string[] {
    const pool = key === "pin" ? T.pinLetter.words : T.issueTexts[key].words;
    const first = this.rng.int(0, pool.length - 1);
    const picks = [pool[first], pool[(first + 1) % pool.length]];
    return [...new Set(picks)].map((q) => (q.length > 40 ? `${q.slice(0, 39)}…` : q));
  }

  private async insertBulletins(): Promise<void> {
    const rows = this.bulletinSpecs.map((b) => {
      const publishedAt = b.status === "published" ? this.at(b.day, 10) : null;
      const createdAt = this.at(b.status === "published" ? b.day + 2 : b.day, 15);
      return {
        number: b.number,
        title: b.title,
        periodStart: this.clock.date(b.start),
        periodEnd: this.clock.date(b.end),
        summary: b.summary,
        status: b.status,
        compiledBy: b.status === "draft" || b.number % 3 !== 0 ? this.manager : this.managers[1],
        publishedBy: publishedAt ? this.manager : null,
        publishedAt,
        createdAt,
        updatedAt: publishedAt ?? createdAt,
        version: publishedAt ? 2 : 1,
      };
    });
    const inserted = await this.tx.insert(bulletins).values(rows).returning({ id: bulletins.id });
    this.bulletinSpecs.forEach((b, i) => this.bulletinIds.set(b.number, inserted[i].id));

    await this.tx.insert(bulletinIssues).values(
      this.bulletinSpecs.flatMap((b) =>
        b.issues.map(([key, trend], position) => ({
          bulletinId: this.bulletinIds.get(b.number)!,
          issueId: this.issueIds.get(key)!,
          position,
          recordCount: this.linkedByIssue.get(this.issueIds.get(key)!)?.length ?? 0,
          trendPercent: trend,
          quotes: this.quotes(key),
        })),
      ),
    );

    // Who read what: both leaders most of them, each department the ones it owns actions in.
    const acks: (typeof bulletinAcknowledgements.$inferInsert)[] = [];
    const published = this.bulletinSpecs.filter((b) => b.status === "published");
    for (const b of published) {
      const bulletinId = this.bulletinIds.get(b.number)!;
      const readers = new Map<number, number>();
      if (b.number < 8) readers.set(this.leaders[0], 0.2);
      if (b.number < 7) readers.set(this.leaders[1], 1.5);
      for (const a of this.actionSpecs.values()) {
        if (this.bulletinOfIssue.get(a.issue)?.number !== b.number) continue;
        const u = this.deptUsers.get(a.dept);
        // The newest bulletin waits for card operations' acknowledgement in the demo.
        if (u && !(b.number === 8 && a.dept === "card_ops")) readers.set(u.id, 0.8);
      }
      for (const [userId, delay] of readers) {
        const at = this.clock.clamp(this.at(b.day, 10).getTime() + delay * DAY + this.rng.int(10, 300) * MIN);
        acks.push({ bulletinId, userId, acknowledgedAt: at });
        this.audit(at, userId, "bulletin.acknowledged", "bulletin", bulletinId, { number: b.number });
      }
    }
    await this.tx.insert(bulletinAcknowledgements).values(acks);

    this.bulletinSpecs.forEach((b, i) => {
      const id = inserted[i].id;
      const issueIds = b.issues.map(([k]) => this.issueIds.get(k)!);
      this.audit(rows[i].createdAt, rows[i].compiledBy, "bulletin.created", "bulletin", id, { number: b.number, issueIds });
      if (rows[i].publishedAt) this.audit(rows[i].publishedAt!, this.manager, "bulletin.published", "bulletin", id, { number: b.number, issueIds });
    });
  }

  // -------------------------------------------------------------------------- actions

  private async insertActions(): Promise<void> {
    const specs = [...this.actionSpecs.values()];
    const rows = specs.map((a) => {
      const owner = this.deptUsers.get(a.dept)!;
      const createdAt = this.at(a.assigned, 10, 30);
      const doneAt = a.done !== undefined ? this.at(a.done, 17) : null;
      const verifiedAt = a.verified !== undefined ? this.at(a.verified, 16) : null;
      const lastUpdate = a.updates.length ? this.at(a.updates[a.updates.length - 1][0], 15) : createdAt;
      const ownerName = a.key === "a_billing_day" ? `${owner.name}（产品部信用卡产品组）` : a.ownerName ?? owner.name;
      return {
        issueId: this.issueIds.get(a.issue)!,
        bulletinId: this.bulletinIds.get(this.bulletinOfIssue.get(a.issue)!.number)!,
        departmentId: this.dept(a.dept),
        disposition: a.disposition,
        ownerName,
        ownerId: owner.id,
        dueOn: this.clock.date(a.due),
        status: a.status,
        progress: a.progress,
        doneAt,
        verifiedAt,
        verifiedBy: verifiedAt ? this.manager : null,
        createdBy: this.manager,
        createdAt,
        updatedAt: [createdAt, lastUpdate, doneAt, verifiedAt].filter((d): d is Date => d !== null).reduce((x, y) => (x > y ? x : y)),
        version: 1 + a.updates.length + (doneAt ? 1 : 0) + (verifiedAt ? 1 : 0),
      };
    });
    const inserted = await this.tx.insert(actions).values(rows).returning({ id: actions.id });
    specs.forEach((a, i) => this.actionIds.set(a.key, inserted[i].id));

    const updates: (typeof actionUpdates.$inferInsert)[] = [];
    specs.forEach((a, i) => {
      const id = inserted[i].id;
      const owner = this.deptUsers.get(a.dept)!;
      const issueId = this.issueIds.get(a.issue)!;
      this.audit(rows[i].createdAt, this.manager, "action.assigned", "action", id, {
        issueId,
        department: a.dept,
        disposition: a.disposition,
        dueOn: this.clock.date(a.firstDue ?? a.due),
      });
      for (const [day, note, progress, evidence] of a.updates) {
        const at = this.at(day, 15);
        updates.push({ actionId: id, authorId: owner.id, note, progress, evidenceUrl: evidence ?? null, createdAt: at });
        this.audit(at, owner.id, "action.updated", "action", id, { issueId, progress });
      }
      if (rows[i].doneAt) this.audit(rows[i].doneAt!, owner.id, "action.completed", "action", id, { issueId, to: "done" });
      if (rows[i].verifiedAt) this.audit(rows[i].verifiedAt!, this.manager, "action.verified", "action", id, { issueId, to: "verified" });
    });
    await batched(updates, 300, (chunk) => this.tx.insert(actionUpdates).values(chunk));
  }

  // -------------------------------------------------------------------------- meetings

  private async insertMeetings(): Promise<void> {
    const attendees = [
      ...this.leaders.map((id) => `${this.userById.get(id)!.name}（中心领导）`),
      ...this.managers.map((id) => `${this.userById.get(id)!.name}（客户之声管理岗）`),
      ...["card_ops", "customer_service", "product", "it", "risk"].map((code) => {
        const u = this.deptUsers.get(code)!;
        return `${u.name}（${deptHans[code] ?? code}）`;
      }),
      ...SITE_CODES.map((s) => `${this.userById.get(this.specialists.get(s)!)!.name}（${SITE_HANS[s]}客户之声专员）`),
    ];
    const rows = this.meetingSpecs.map((m) => {
      const held = this.clock.date(m.day);
      const [y, mo] = held.split("-");
      const createdAt = this.at(m.day + 5, 11);
      const publishedAt = m.status === "minutes_published" ? this.at(m.day - 1, 17) : null;
      return {
        title: `${y}年${Number(mo)}月客户之声专题会`,
        heldOn: held,
        status: m.status,
        attendees,
        minutes: m.minutes,
        createdBy: this.manager,
        publishedAt,
        createdAt,
        updatedAt: publishedAt ?? createdAt,
        version: publishedAt ? 2 : 1,
      };
    });
    const inserted = await this.tx.insert(meetings).values(rows).returning({ id: meetings.id });

    const items: (typeof meetingItems.$inferInsert)[] = [];
    this.meetingSpecs.forEach((m, i) => {
      const meetingId = inserted[i].id;
      this.audit(rows[i].createdAt, this.manager, "meeting.created", "meeting", meetingId, { heldOn: rows[i].heldOn });
      m.items.forEach((item, k) => {
        const actionId = this.actionIds.get(item.action)!;
        const a = this.actionSpecs.get(item.action)!;
        const decidedAt = item.decision ? this.at(m.day, 15, 10 + k * 5) : null;
        const note = item.note
          ?.replace("{due}", this.clock.date(a.due))
          .replace("{owner}", this.deptUsers.get(a.dept)!.name);
        items.push({
          meetingId,
          actionId,
          agendaReason: item.reason,
          decision: item.decision ?? null,
          decisionNote: note ?? (item.decision === "continue" ? "按计划继续推进。" : null),
          decidedBy: decidedAt ? this.manager : null,
          decidedAt,
        });
        if (decidedAt) {
          this.audit(decidedAt, this.manager, "meeting.decided", "meeting", meetingId, {
            actionId,
            issueId: this.issueIds.get(a.issue)!,
            decision: item.decision,
            ...(item.decision === "change_due" ? { dueOn: this.clock.date(a.due), previousDueOn: this.clock.date(a.firstDue ?? a.due) } : {}),
          }, note);
        }
      });
      if (rows[i].publishedAt) this.audit(rows[i].publishedAt!, this.manager, "meeting.minutes_published", "meeting", meetingId);
    });
    await this.tx.insert(meetingItems).values(items);

    const leader = this.leaders[0];
    const comments = [
      {
        meetingId: inserted[1].id,
        authorId: this.leaders[1],
        body: "境外交易短信提醒一事由我牵头，请风险管理部、信息技术部下周前提交方案。",
        createdAt: this.at(this.m2 - 1, 9, 40),
      },
      {
        meetingId: inserted[2].id,
        authorId: leader,
        body: "本次会议重点过四项逾期事项，请各部门负责人会前更新进度；到期换卡通知请卡片运营部说明排期。",
        createdAt: this.at(1, 18, 20),
      },
    ];
    await this.tx.insert(meetingComments).values(comments);
    for (const c of comments) this.audit(c.createdAt, c.authorId, "meeting.commented", "meeting", c.meetingId);
  }

  // -------------------------------------------------------------------------- notifications

  private async insertNotifications(): Promise<void> {
    const agent = this.agentUser;
    const supervisor = this.user("supervisor@demo.local").id;
    const department = this.user("department@demo.local").id;
    const manager = this.manager;
    const specialist = this.user("specialist@demo.local").id;
    const leader = this.leaders[0];
    const issue = (k: string) => this.issueIds.get(k)!;
    const action = (k: string) => this.actionIds.get(k)!;
    const firstRecordOf = (k: string, authorId: number) => {
      const i = this.drafts.findIndex((d) => d.row.issueId === issue(k) && d.row.authorId === authorId);
      return i >= 0 ? this.recordIds[i] : undefined;
    };
    const dismissedOwn = this.drafts.findIndex((d) => d.row.status === "dismissed" && d.row.authorId === agent);
    const reminderRecord = firstRecordOf("reminder", agent);
    const statsRecord = firstRecordOf("spend_stats", agent);
    const pinRecord = firstRecordOf("pin", agent);
    const queued = this.drafts.filter((d) => d.row.status === "reported" && d.row.teamId === this.teams.get("SH1")!.id).length;
    const r15 = this.reportIds.get("R15")!;

    type N = typeof notifications.$inferInsert;
    const list: N[] = [
      // agent@demo.local
      { userId: agent, kind: "issue.resolved", title: "您记录的客户建议已落实：手机银行可设置还款日提醒", body: "该建议经第4期专题通报后由产品部落实，功能已上线。", link: reminderRecord ? `/agent/records/${reminderRecord}` : null, createdAt: this.at(this.issueSpecs.get("reminder")!.resolved!, 16, 30) },
      { userId: agent, kind: "record.linked", title: "您上报的记录已归入问题：建议手机银行增加消费分类统计", body: "督导已将该记录归入问题并上报客户之声专员。", link: statsRecord ? `/agent/records/${statsRecord}` : null, createdAt: this.at(1, 15, 5) },
      { userId: agent, kind: "record.dismissed", title: "督导未采纳您上报的一条记录", body: T.dismissReasons[2], link: dismissedOwn >= 0 ? `/agent/records/${this.recordIds[dismissedOwn]}` : null, createdAt: this.at(5, 11), readAt: this.at(5, 13) },
      { userId: agent, kind: "issue.resolved", title: "密码函寄送滞后问题已解决", body: "开卡后可在800电话直接设置交易密码，当天即可用卡。", link: pinRecord ? `/agent/records/${pinRecord}` : null, createdAt: this.at(this.m1, 16, 30), readAt: this.at(this.m1 - 1, 9) },
      // supervisor@demo.local
      { userId: supervisor, kind: "issue.returned", title: "问题被退回：转人工服务按键难找", body: this.issueSpecs.get("transfer_key")!.statusReason!, link: `/supervisor/issues/${issue("transfer_key")}`, createdAt: this.at(5, 14, 5) },
      { userId: supervisor, kind: "records.reported", title: `本组有 ${queued} 条上报记录待处理`, body: "其中多条反映账单分期手续费说明不清。", link: "/supervisor", createdAt: this.at(0, 9, 0) },
      { userId: supervisor, kind: "issue.published", title: "您上报的“年费减免条件告知不清”已纳入第8期专题通报", body: "已分派市场营销部处理。", link: `/supervisor/issues/${issue("annual_fee")}`, createdAt: this.at(21, 10, 30), readAt: this.at(20, 9) },
      // department@demo.local (card operations)
      { userId: department, kind: "action.overdue", title: "整改事项已逾期：卡片寄送物流信息无法查询", body: `到期日 ${this.clock.date(10)}，当前进度 60%。请更新进度或说明原因。`, link: `/department/actions/${action("a_logistics")}`, createdAt: this.at(9, 8, 30) },
      { userId: department, kind: "action.assigned", title: "新分派整改事项：卡片到期换卡未提前通知", body: `处置方式：纳入正在推进的改进项目；到期日 ${this.clock.date(-25)}。`, link: `/department/actions/${action("a_renewal")}`, createdAt: this.at(20, 10, 35) },
      { userId: department, kind: "meeting.agenda", title: "本月客户之声专题会议程已发布", body: "卡片运营部有3项在议程中，其中1项逾期。", link: "/department", createdAt: this.at(1, 17) },
      { userId: department, kind: "bulletin.published", title: "第8期客户之声专题通报已发布", body: "请阅知并确认。", link: `/bulletins/${this.bulletinIds.get(8)}`, createdAt: this.at(21, 10, 5), readAt: this.at(20, 9, 30) },
      // manager@demo.local
      { userId: manager, kind: "report.submitted", title: "苏州中心客户之声报告已提交", body: "包含3项问题与建议，待核实。", link: `/manager/reports/${r15}`, createdAt: this.at(1, 16, 31) },
      { userId: manager, kind: "action.done", title: "整改事项已完成待核实：新卡激活短信验证码收不到", body: "卡片运营部已提交完成说明及佐证。", link: `/manager/actions/${action("a_otp_card")}`, createdAt: this.at(5, 17, 1) },
      { userId: manager, kind: "action.done", title: "整改事项已完成待核实：年费减免条件告知不清", body: "市场营销部已提交完成说明。", link: `/manager/actions/${action("a_annual_fee")}`, createdAt: this.at(2, 17, 1) },
      { userId: manager, kind: "action.overdue", title: "4项整改事项已逾期", body: "寄卡物流查询、境外交易协调会、账单日专题调研、催收时段协调。", link: "/manager", createdAt: this.at(1, 8, 30), readAt: this.at(1, 9, 10) },
      // specialist@demo.local and leadership@demo.local
      { userId: specialist, kind: "issue.escalated", title: "新升级问题：建议手机银行增加消费分类统计", body: "上海一组督导升级，关联3条记录。", link: `/specialist/issues/${issue("spend_stats")}`, createdAt: this.at(1, 15, 1) },
      { userId: specialist, kind: "issue.escalated", title: "新升级问题：网银登录密码重置流程繁琐", body: "上海二组督导升级，关联4条记录。", link: `/specialist/issues/${issue("online_reset")}`, createdAt: this.at(2, 15, 1), readAt: this.at(2, 16) },
      { userId: leader, kind: "meeting.agenda", title: "本月客户之声专题会议程已发布", body: "在办事项10项，其中逾期4项、待核实2项。", link: "/leadership", createdAt: this.at(1, 17) },
      { userId: leader, kind: "bulletin.published", title: "第8期客户之声专题通报已发布", body: "本期通报4项问题与建议。", link: `/bulletins/${this.bulletinIds.get(8)}`, createdAt: this.at(21, 10, 5), readAt: this.at(21, 14) },
    ];
    await this.tx.insert(notifications).values(list);
  }

  // -------------------------------------------------------------------------- integration

  private async insertApiToken(): Promise<void> {
    if (!this.apiToken) return;
    const tokenHash = createHash("sha256").update(this.apiToken).digest("hex");
    const [row] = await this.tx
      .insert(apiTokens)
      .values({
        name: "演示集成令牌 Demo integration",
        tokenHash,
        tokenPrefix: this.apiToken.slice(0, 8),
        scopes: ["records:write", "records:read"],
        createdBy: this.admin,
        createdAt: new Date(this.clock.nowMs),
      })
      .returning({ id: apiTokens.id });
    this.audit(new Date(this.clock.nowMs), this.admin, "api_token.issued", "api_token", row.id, { scopes: ["records:write", "records:read"] });
  }
}

const deptHans: Record<string, string> = {
  card_ops: "卡片运营部",
  customer_service: "客户服务部",
  product: "产品部",
  it: "信息技术部",
  risk: "风险管理部",
  marketing: "市场营销部",
  collections: "催收管理部",
};

interface RecSpec {
  day: number;
  channel: Channel;
  kind: RecordKind;
  cat: string;
  summary: string;
  words: string;
  team?: TeamInfo;
  site?: SiteCode;
  authorId?: number;
  urgency?: Urgency;
  region?: string | null;
  valuable?: boolean;
  status?: RecordStatus;
  statusAt?: Date;
  issueId?: number;
  dismissedReason?: string;
  dismissedBy?: number;
  moderation?: "pending" | "approved" | "rejected";
}

interface RecordMeta {
  authorId: number | null;
  reportedAt?: Date;
  statusAt?: Date;
  dismissedBy?: number;
  linkedBy?: number | null;
  moderatedBy: number | null;
}

async function batched<T>(rows: T[], size: number, run: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await run(rows.slice(i, i + size));
}

async function batchedReturning<T, R>(rows: T[], size: number, run: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += size) out.push(...(await run(rows.slice(i, i + size))));
  return out;
}
