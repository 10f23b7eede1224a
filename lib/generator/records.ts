import { channels, recordKinds, type Channel, type RecordKind, type Urgency } from "@/db/schema";
import * as T from "@/db/seed/demo-texts";
import { contactDigest } from "@/lib/tracking";
import { Calendar, DAY, MINUTE } from "./calendar";
import type { Organisation } from "./organisation";
import { capitalWeight, categoryRanking, channelMix, homeProvinceBoost, kindMix, provincePopulation, unknownRegionShare, urgencyByKind, zipfExponent } from "./profile";
import { Random, Weighted } from "./random";
import { anyHourTable, hotlineHourTable, type Spike, type Volume } from "./volume";
import type { PlannedIssue } from "./workflow-plan";

/** The records columns the generator fills, in COPY order; the rest keep their defaults. */
export const recordColumns = [
  "id", "kind", "channel", "source", "source_url", "external_id", "site_id", "team_id", "category_id", "region_code",
  "call_reference", "summary", "customer_words", "urgency", "valuable", "status", "dismissed_reason", "issue_id",
  "author_id", "tracking_number", "contact", "contact_digest", "moderation_status", "due_at", "occurred_at",
  "created_at", "updated_at", "version",
] as const;

const NULL = "\\N";

/** COPY text format: backslash, tab and line breaks escaped. Pools are escaped once, up front. */
export function copyEscape(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

interface Text {
  summary: string;
  words: string[];
}

interface LinkCandidate {
  issue: PlannedIssue;
  target: PlannedIssue;
  targetId: number;
  probability: number;
}

export interface RecordTally {
  byKind: Record<RecordKind, number>;
  byChannel: Record<Channel, number>;
  linked: number;
}

/**
 * Writes the records of one day after another as COPY text lines. Every draw comes from one
 * PRNG in a fixed order, so the same plan and seed give the same lines.
 */
export class RecordFactory {
  readonly tally: RecordTally = {
    byKind: Object.fromEntries(recordKinds.map((k) => [k, 0])) as Record<RecordKind, number>,
    byChannel: Object.fromEntries(channels.map((c) => [c, 0])) as Record<Channel, number>,
    linked: 0,
  };
  /** Records linked to each issue, by the issue's key. */
  readonly linkedByIssue = new Map<string, number>();

  private readonly categoryByKind: Map<RecordKind, Weighted<{ code: string; items: Text[] }>>;
  private readonly texts = new Map<string, Text[]>();
  private readonly tails: Record<RecordKind, string[]>;
  private readonly survey: Map<RecordKind, { category: string; text: Text }[]>;
  private readonly pinTexts: { complaints: string[]; words: string[]; contacts: Text[]; after: (Text & { kind: RecordKind })[] };
  private readonly provinces: Weighted<Weighted<string>>;
  private readonly sites: Weighted<Organisation["sites"][number]>;
  private readonly teamsBySite = new Map<number, Organisation["teams"]>();
  private readonly urgency: Record<RecordKind, Weighted<Urgency>>;
  private readonly contacts: { contact: string; digest: string }[] = [];
  private readonly links = new Map<string, LinkCandidate[]>();
  private readonly dayTables: { channels: Weighted<Channel>; kinds: Map<Channel, Weighted<RecordKind>> }[] = [];
  /** The day being written: its Shanghai date, as YYYY-MM-DD and YYYYMMDD. */
  private dayDate = "";
  private dayCompact = "";
  /** The first of the ids reserved for this run; set by the loader before the first line. */
  nextId = 0;
  private externalSeq = 0;
  private trackingSeq = 0;
  private callSeq = 0;

  constructor(
    private readonly calendar: Calendar,
    private readonly days: number,
    private readonly org: Organisation,
    private readonly volume: Volume,
    private readonly spikes: Spike[],
    issues: PlannedIssue[],
    private readonly random: Random,
    private readonly batch: number,
  ) {
    for (const [code, pools] of Object.entries(T.categoryTexts)) {
      if (!org.categories.has(code)) continue;
      for (const kind of recordKinds) {
        const items = pools[kind];
        if (items?.length) this.texts.set(`${code}|${kind}`, items.map(escapeText));
      }
    }
    const rank = new Map<string, number>(categoryRanking.map((code, i) => [code, i]));
    this.categoryByKind = new Map(
      recordKinds.map((kind) => {
        const codes = [...org.categories.keys()].filter((code) => this.texts.has(`${code}|${kind}`) && code !== "pin.letter");
        const weighted = codes.map(
          (code) => [{ code, items: this.texts.get(`${code}|${kind}`)! }, 1 / Math.pow((rank.get(code) ?? categoryRanking.length) + 1, zipfExponent)] as const,
        );
        return [kind, new Weighted(weighted.length ? weighted : [[{ code: "other", items: [{ summary: "客户来电咨询", words: ["想咨询一下。"] }] }, 1] as const])];
      }),
    );
    this.tails = Object.fromEntries(recordKinds.map((k) => [k, T.tails[k].map(copyEscape)])) as Record<RecordKind, string[]>;
    this.survey = new Map(
      recordKinds.map((kind) => [
        kind,
        T.surveyTexts.filter((s) => s.kind === kind && org.categories.has(s.category)).map((s) => ({ category: s.category, text: escapeText(s) })),
      ]),
    );
    this.pinTexts = {
      complaints: T.pinLetter.complaints.map(copyEscape),
      words: T.pinLetter.words.map(copyEscape),
      contacts: T.pinLetter.contacts.map(escapeText),
      after: T.pinLetter.after.map((a) => ({ ...escapeText(a), kind: a.kind })),
    };
    const provinceEntries: [Weighted<string>, number][] = [];
    for (const [prefix, population] of Object.entries(provincePopulation)) {
      const cities = org.cities.get(prefix);
      if (!cities?.length) continue;
      const cityTable = new Weighted(cities.map((code) => [copyEscape(code), code.endsWith("0100") ? capitalWeight : 1] as const));
      provinceEntries.push([cityTable, population * (homeProvinceBoost[prefix] ?? 1)]);
    }
    this.provinces = new Weighted(provinceEntries);
    this.sites = new Weighted(org.sites.map((s) => [s, s.seats] as const));
    for (const s of org.sites) this.teamsBySite.set(s.id, org.teams.filter((t) => t.siteId === s.id));
    this.urgency = Object.fromEntries(recordKinds.map((k) => [k, new Weighted(urgencyByKind[k])])) as Record<RecordKind, Weighted<Urgency>>;
    for (let i = 0; i < 4096; i++) {
      const contact = i % 3 === 0 ? `customer${String(i).padStart(4, "0")}@example.com` : `1380013${String(i).padStart(4, "0")}`;
      this.contacts.push({ contact, digest: contactDigest(contact) });
    }
    for (let d = 0; d < days; d++) {
      const t = days > 1 ? 1 - d / (days - 1) : 1;
      this.dayTables.push({
        channels: new Weighted(channelMix(t)),
        kinds: new Map(channels.map((c) => [c, new Weighted(kindMix(c, t))])),
      });
    }
    this.planLinks(issues);
  }

  /** How likely a matching record is linked, so that each issue gets about its target. */
  private planLinks(issues: PlannedIssue[]): void {
    const siteShare = new Map(this.org.sites.map((s) => [s.id, this.sites.share(s)]));
    for (const issue of issues) {
      const target = issue.mergedInto ?? issue;
      if (target.id === undefined) continue;
      const spikeIndex = this.spikes.findIndex((s) => s.category === issue.category);
      let expected = 0;
      for (let d = issue.linkToDay; d <= issue.linkFromDay && d < this.days; d++) {
        const total = this.volume.total[d];
        if (total <= 0 || this.volume.counts[d] === 0) continue;
        const tables = this.dayTables[d];
        const hotline = tables.channels.share("hotline");
        const kinds = tables.kinds.get("hotline")!;
        let share = 0;
        for (const k of issue.linkKinds) {
          const table = this.categoryByKind.get(k)!;
          share += kinds.share(k) * table.share(table.items.find((c) => c.code === issue.category)!);
        }
        let p = (this.volume.base[d] / total) * hotline * share;
        if (spikeIndex >= 0) {
          const s = this.spikes[spikeIndex];
          const kindShare = issue.linkKinds.reduce((a, k) => a + s.kinds.share(k), 0);
          p += (this.volume.spikeWeights[spikeIndex][d] / total) * s.hotlineShare * kindShare;
        }
        expected += this.volume.counts[d] * p * (issue.spike ? 1 : (siteShare.get(issue.siteId) ?? 0));
      }
      const probability = expected > 0 ? Math.min(0.9, issue.linkTarget / expected) : 0;
      const list = this.links.get(issue.category) ?? [];
      list.push({ issue, target, targetId: target.id, probability });
      this.links.set(issue.category, list);
    }
  }

  /** The COPY lines of one day (days ago). */
  day(d: number, out: string[]): void {
    this.dayDate = this.calendar.date(d);
    this.dayCompact = this.dayDate.replace(/-/g, "");
    const n = this.volume.counts[d];
    const base = this.volume.base[d];
    const total = this.volume.total[d];
    for (let i = 0; i < n; i++) {
      let x = this.random.next() * total;
      if (x < base) {
        out.push(this.everyday(d));
        continue;
      }
      x -= base;
      let k = 0;
      while (k < this.spikes.length - 1 && x >= this.volume.spikeWeights[k][d]) x -= this.volume.spikeWeights[k++][d];
      out.push(this.spiked(d, this.spikes[k]));
    }
  }

  private everyday(d: number): string {
    const tables = this.dayTables[d];
    const channel = tables.channels.pick(this.random);
    const kind = tables.kinds.get(channel)!.pick(this.random);
    if (channel === "survey") {
      const pool = this.survey.get(kind);
      if (pool?.length) {
        const s = this.random.pick(pool);
        return this.line(d, channel, kind, s.category, s.text.summary, this.random.pick(s.text.words));
      }
    }
    const category = this.categoryByKind.get(kind)!.pick(this.random);
    const item = this.random.pick(category.items);
    return this.line(d, channel, kind, category.code, item.summary, this.random.pick(item.words) + this.random.pick(this.tails[kind]));
  }

  /** A moment of the day being written, as text with its offset (cheaper than toISOString). */
  private shanghaiTime(msIntoDay: number): string {
    const seconds = Math.floor(msIntoDay / 1000);
    return `${this.dayDate} ${two[Math.floor(seconds / 3600)]}:${two[Math.floor(seconds / 60) % 60]}:${two[seconds % 60]}+08`;
  }

  private spiked(d: number, spike: Spike): string {
    const afterFix = spike.fixedDay !== undefined && d < spike.fixedDay;
    const kind = (afterFix && spike.kindsAfterFix ? spike.kindsAfterFix : spike.kinds).pick(this.random);
    const channel: Channel = this.random.chance(spike.hotlineShare) ? "hotline" : this.random.pick(["mailbox", "forum", "internet", "web"] as const);
    let summary: string;
    let words: string;
    if (spike.category === "pin.letter") {
      if (afterFix) {
        const matching = this.pinTexts.after.filter((a) => a.kind === kind);
        const item = this.random.pick(matching.length ? matching : this.pinTexts.after);
        summary = item.summary;
        words = this.random.pick(item.words);
      } else if (kind === "complaint") {
        summary = this.random.pick(this.pinTexts.complaints);
        words = this.random.pick(this.pinTexts.words) + this.random.pick(this.tails.complaint);
      } else {
        const item = this.random.pick(this.pinTexts.contacts);
        summary = item.summary;
        words = this.random.pick(item.words);
      }
    } else {
      const pool = this.texts.get(`${spike.category}|${kind}`) ?? this.texts.get(`${spike.category}|complaint`) ?? [{ summary: "同类来电集中", words: ["同类问题。"] }];
      const item = this.random.pick(pool);
      summary = item.summary;
      words = this.random.pick(item.words) + this.random.pick(this.tails[kind]);
    }
    return this.line(d, channel, kind, spike.category, summary, words);
  }

  /** One record: who took it and when follow from the channel; texts arrive escaped. */
  private line(d: number, channel: Channel, kind: RecordKind, category: string, summary: string, words: string): string {
    const r = this.random;
    const dayStart = this.calendar.dayStart(d);
    const hour = (channel === "hotline" ? hotlineHourTable : anyHourTable).pick(r);
    let occurred = dayStart + hour * 3_600_000 + r.below(3_600) * 1000;
    if (occurred > this.calendar.nowMs - MINUTE) occurred = dayStart + Math.floor(r.next() * Math.max(1, this.calendar.nowMs - MINUTE - dayStart));
    const region = r.chance(unknownRegionShare) ? NULL : this.provinces.pick(r).pick(r);

    let source = NULL;
    let sourceUrl = NULL;
    let externalId = NULL;
    let siteId = NULL;
    let teamId = NULL;
    let authorId = NULL;
    let callReference = NULL;
    let tracking = NULL;
    let contact = NULL;
    let digest = NULL;
    let moderation = NULL;
    let status = "new";
    let valuable = "f";
    let dismissedReason = NULL;
    let updated = occurred;
    let issueId = NULL;

    if (channel === "hotline") {
      const site = this.sites.pick(r);
      siteId = String(site.id);
      const teams = this.teamsBySite.get(site.id)!;
      if (teams.length) {
        const team = r.pick(teams);
        teamId = String(team.id);
        authorId = String(r.pick(team.agentIds));
      }
      callReference = `CR${this.dayCompact}-${String(++this.callSeq % 1_000_000).padStart(6, "0")}`;
      if (d <= 10 && r.chance(0.02)) {
        status = "reported";
        valuable = "t";
        updated = Math.min(occurred + r.between(1, 20) * MINUTE, this.calendar.nowMs - MINUTE);
      } else if (d > 10 && r.chance(0.004)) {
        status = "dismissed";
        valuable = "t";
        dismissedReason = r.pick(T.dismissReasons);
        updated = occurred + DAY;
      }
    } else if (channel === "web") {
      const c = r.pick(this.contacts);
      tracking = trackingNumber(this.batch, ++this.trackingSeq);
      contact = c.contact;
      digest = c.digest;
      moderation = d <= 1 ? "pending" : "approved";
      if (d > 3 && r.chance(0.06)) {
        moderation = "rejected";
        status = "dismissed";
        dismissedReason = "重复提交，审核未通过";
        updated = occurred + DAY;
      }
    } else {
      const site = this.sites.pick(r);
      siteId = String(site.id);
      if (site.specialistId) authorId = String(site.specialistId);
      const seq = ++this.externalSeq;
      const ymd = this.dayCompact;
      if (channel === "forum") {
        source = r.pick(T.forumSources);
        sourceUrl = `https://bbs.intranet.example.com/thread/g${this.batch}-${seq}`;
        externalId = `BBS-G${this.batch}-${ymd}-${seq}`;
      } else if (channel === "internet") {
        source = `${r.pick(T.internetSources)}：${summary}`.slice(0, 200);
        sourceUrl = `https://social.example.com/post/g${this.batch}-${seq}`;
        externalId = `NET-G${this.batch}-${ymd}-${seq}`;
      } else if (channel === "mailbox") {
        source = "对外服务邮箱来信";
        sourceUrl = `https://mail.example.com/service-inbox/msg/g${this.batch}-${seq}`;
        externalId = `<${ymd}.g${this.batch}.${seq}@mail.example.com>`;
      } else {
        const date = this.dayDate;
        const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
        source = `${date.slice(0, 4)}年第${quarter}季度持卡人满意度调研`;
        sourceUrl = `https://survey.example.com/s/${date.slice(0, 4)}q${quarter}`;
        externalId = `SV-G${this.batch}-${date.slice(0, 4)}Q${quarter}-${seq}`;
      }
    }

    const candidates = this.links.get(category);
    if (candidates && moderation !== "rejected") {
      for (const c of candidates) {
        const issue = c.issue;
        if (d < issue.linkToDay || d > issue.linkFromDay || !issue.linkKinds.includes(kind)) continue;
        // A flare's issue gathers every site's calls (the specialist adds the other sites'); others only their own site's.
        if (channel === "hotline" ? !issue.spike && siteId !== String(issue.siteId) : !r.chance(0.5)) continue;
        if (!r.chance(c.probability)) continue;
        issueId = String(c.targetId);
        status = "linked";
        valuable = "t";
        dismissedReason = NULL;
        updated = Math.min(Math.max(occurred + r.between(30, 600) * MINUTE, issue.createdMs + r.between(5, 90) * MINUTE), this.calendar.nowMs - MINUTE);
        this.linkedByIssue.set(c.target.key, (this.linkedByIssue.get(c.target.key) ?? 0) + 1);
        this.tally.linked++;
        break;
      }
    }

    this.tally.byKind[kind]++;
    this.tally.byChannel[channel]++;
    const occurredIso = this.shanghaiTime(occurred - dayStart);
    const dueAt = kind === "complaint" ? isoTime(occurred + 15 * DAY) : NULL;
    const updatedIso = updated === occurred ? occurredIso : isoTime(updated);
    const urgency = this.urgency[kind].pick(r);
    const categoryId = this.org.categories.get(category)!.id;
    return `${this.nextId++}\t${kind}\t${channel}\t${source}\t${sourceUrl}\t${externalId}\t${siteId}\t${teamId}\t${categoryId}\t${region}\t${callReference}\t${summary}\t${words}\t${urgency}\t${valuable}\t${status}\t${dismissedReason}\t${issueId}\t${authorId}\t${tracking}\t${contact}\t${digest}\t${moderation}\t${dueAt}\t${occurredIso}\t${occurredIso}\t${updatedIso}\t${status === "new" ? 1 : 2}\n`;
  }
}

function escapeText(t: { summary: string; words: string[] }): Text {
  return { summary: copyEscape(t.summary), words: t.words.map(copyEscape) };
}

const two = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));
const three = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, "0"));
const isoDates = new Map<number, string>();

/** The same text as `new Date(ms).toISOString()` for whole milliseconds, the date part formatted once a day. */
export function isoTime(ms: number): string {
  const day = Math.floor(ms / DAY);
  let date = isoDates.get(day);
  if (date === undefined) {
    date = new Date(day * DAY).toISOString().slice(0, 10);
    isoDates.set(day, date);
  }
  const rest = ms - day * DAY;
  const seconds = Math.floor(rest / 1000);
  return `${date}T${two[Math.floor(seconds / 3600)]}:${two[Math.floor(seconds / 60) % 60]}:${two[seconds % 60]}.${three[rest % 1000]}Z`;
}

const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * A tracking number that no other record of any generator run has: the run and a sequence
 * number through a 40-bit Feistel permutation (a bijection), written as VC-XXXX-XXXX.
 */
export function trackingNumber(batch: number, seq: number): string {
  const value = (batch % 4096) * 2 ** 28 + (seq % 2 ** 28);
  let left = Math.floor(value / 2 ** 20);
  let right = value % 2 ** 20;
  for (let round = 0; round < 4; round++) {
    let h = Math.imul(right ^ (0x5bd1e995 + round * 0x27d4eb2d), 0x45d9f3b);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 13;
    [left, right] = [right, (left ^ h) & 0xfffff];
  }
  let chars = "";
  for (const half of [left, right]) for (let shift = 15; shift >= 0; shift -= 5) chars += alphabet[(half >>> shift) & 31];
  return `VC-${chars.slice(0, 4)}-${chars.slice(4)}`;
}
