import { channels, recordKinds, type Channel, type RecordKind, type Urgency } from "@/db/schema";
import * as T from "@/db/seed/demo-texts";
import { contactDigest } from "@/lib/tracking";
import { Calendar, DAY, MINUTE } from "./calendar";
import { CopyWriter, EMPTY, fragment, NULL_FIELD } from "./copy-text";
import type { Organisation } from "./organisation";
import { capitalWeight, categoryRanking, channelMix, homeProvinceBoost, kindMix, provincePopulation, unknownRegionShare, urgencyByKind, zipfExponent } from "./profile";
import { Random, Weighted } from "./random";
import { anyHourTable, hotlineHourTable, type Spike, type Volume } from "./volume";
import type { PlannedIssue } from "./workflow-plan";

export { copyEscape } from "./copy-text";

/** The records columns the generator fills, in COPY order; the rest keep their defaults. */
export const recordColumns = [
  "id", "kind", "channel", "source", "source_url", "external_id", "site_id", "team_id", "category_id", "region_code",
  "call_reference", "summary", "customer_words", "urgency", "valuable", "status", "dismissed_reason", "issue_id",
  "author_id", "tracking_number", "contact", "contact_digest", "moderation_status", "due_at", "occurred_at",
  "created_at", "updated_at", "version",
] as const;

/** A text of the pools, escaped and encoded once; the summary also as text for the rare rows that quote it. */
interface Text {
  summary: Uint8Array;
  summaryText: string;
  words: Uint8Array[];
}

interface LinkCandidate {
  issue: PlannedIssue;
  target: PlannedIssue;
  targetId: number;
  probability: number;
}

/** A leaf category as rows need it: its id, and the issues its records may be linked to (all, and those open to the day being written). */
interface Category {
  code: string;
  id: number;
  links: LinkCandidate[];
  linksToday: LinkCandidate[];
}

export interface RecordTally {
  byKind: Record<RecordKind, number>;
  byChannel: Record<Channel, number>;
  linked: number;
}

/** A chunk of COPY text and where each of its rows begins (`rowStart(rows)` is its length). */
export interface RecordChunk {
  bytes: Buffer<ArrayBuffer>;
  rows: number;
  rowStart(k: number): number;
}

const bytesOf = <K extends string>(names: readonly K[]) => Object.fromEntries(names.map((n) => [n, fragment(n)])) as Record<K, Buffer<ArrayBuffer>>;
const KIND = bytesOf(recordKinds);
const CHANNEL = bytesOf(channels);
const URGENCY = bytesOf(["low", "normal", "high", "critical"] satisfies Urgency[]);
const STATUS = bytesOf(["new", "reported", "dismissed", "linked"]);
const MODERATION = bytesOf(["pending", "approved", "rejected"]);
const TRUE = fragment("t");
const FALSE = fragment("f");
const CR = fragment("CR");
const DASH = fragment("-");
const MAILBOX_SOURCE = fragment("对外服务邮箱来信");
const REJECTED_REASON = fragment("重复提交，审核未通过");
/** Runs of NULL fields, tabs included, by length. */
const NULL_FIELDS = Array.from({ length: 6 }, (_, n) => Buffer.from("\\N\t".repeat(n)));
const OTHER_CHANNELS = ["mailbox", "forum", "internet", "web"] as const;
type Status = keyof typeof STATUS;
type Moderation = keyof typeof MODERATION | null;

/**
 * Writes the records of one day after another as COPY text, straight into chunks of bytes. Every
 * draw comes from one PRNG in a fixed order, so the same plan and seed give the same rows.
 */
export class RecordFactory {
  readonly tally: RecordTally = {
    byKind: Object.fromEntries(recordKinds.map((k) => [k, 0])) as Record<RecordKind, number>,
    byChannel: Object.fromEntries(channels.map((c) => [c, 0])) as Record<Channel, number>,
    linked: 0,
  };
  /** Records linked to each issue, by the issue's key. */
  readonly linkedByIssue = new Map<string, number>();

  private readonly categories = new Map<string, Category>();
  private readonly categoryByKind: Map<RecordKind, Weighted<{ category: Category; items: Text[] }>>;
  /** Texts by category code, then kind. */
  private readonly texts = new Map<string, Partial<Record<RecordKind, Text[]>>>();
  private readonly tails: Record<RecordKind, Uint8Array[]>;
  private readonly survey: Map<RecordKind, { category: Category; text: Text }[]>;
  private readonly pinTexts: { complaints: Text[]; words: Uint8Array[]; contacts: Text[]; after: Text[]; afterByKind: Map<RecordKind, Text[]> };
  private readonly spikeFallback: Text[] = [escapeText({ summary: "同类来电集中", words: ["同类问题。"] })];
  private readonly provinces: Weighted<Weighted<Uint8Array>>;
  private readonly sites: Weighted<Organisation["sites"][number]>;
  private readonly teamsBySite = new Map<number, Organisation["teams"]>();
  private readonly urgency: Record<RecordKind, Weighted<Urgency>>;
  private readonly contacts: { contact: Uint8Array; digest: Uint8Array }[] = [];
  private readonly dismissReasons = T.dismissReasons.map(fragment);
  private readonly forumSources = T.forumSources.map(fragment);
  private readonly dayTables: { channels: Weighted<Channel>; kinds: Map<Channel, Weighted<RecordKind>> }[] = [];
  /** The most bytes a row can take: every field at its longest. */
  private readonly rowBound: number;
  /** The day being written: its start, its Shanghai date as YYYYMMDD, and its survey's texts. */
  private dayStartMs = 0;
  private readonly dayCompact = Buffer.alloc(8);
  private dayCompactText = "";
  private surveyQuarter = { source: EMPTY, url: "", externalPrefix: "" };
  /** The first of the ids reserved for this run; set by the loader before the first row. */
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
    for (const [code, c] of org.categories) this.categories.set(code, { code, id: c.id, links: [], linksToday: [] });
    for (const [code, pools] of Object.entries(T.categoryTexts)) {
      if (!org.categories.has(code)) continue;
      const byKind: Partial<Record<RecordKind, Text[]>> = {};
      for (const kind of recordKinds) {
        const items = pools[kind];
        if (items?.length) byKind[kind] = items.map(escapeText);
      }
      this.texts.set(code, byKind);
    }
    const rank = new Map<string, number>(categoryRanking.map((code, i) => [code, i]));
    this.categoryByKind = new Map(
      recordKinds.map((kind) => {
        const codes = [...org.categories.keys()].filter((code) => this.texts.get(code)?.[kind] && code !== "pin.letter");
        const weighted = codes.map(
          (code) => [{ category: this.categories.get(code)!, items: this.texts.get(code)![kind]! }, 1 / Math.pow((rank.get(code) ?? categoryRanking.length) + 1, zipfExponent)] as const,
        );
        const fallback = { category: this.categories.get("other") ?? this.categories.values().next().value!, items: [escapeText({ summary: "客户来电咨询", words: ["想咨询一下。"] })] };
        return [kind, new Weighted(weighted.length ? weighted : [[fallback, 1] as const])];
      }),
    );
    this.tails = Object.fromEntries(recordKinds.map((k) => [k, T.tails[k].map((t): Uint8Array => fragment(t))])) as Record<RecordKind, Uint8Array[]>;
    this.survey = new Map(
      recordKinds.map((kind) => [
        kind,
        T.surveyTexts.filter((s) => s.kind === kind && org.categories.has(s.category)).map((s) => ({ category: this.categories.get(s.category)!, text: escapeText(s) })),
      ]),
    );
    const after = T.pinLetter.after.map(escapeText);
    this.pinTexts = {
      complaints: T.pinLetter.complaints.map((summary) => escapeText({ summary, words: [] })),
      words: T.pinLetter.words.map(fragment),
      contacts: T.pinLetter.contacts.map(escapeText),
      after,
      afterByKind: new Map(recordKinds.map((k) => [k, after.filter((_, i) => T.pinLetter.after[i].kind === k)])),
    };
    const provinceEntries: [Weighted<Uint8Array>, number][] = [];
    for (const [prefix, population] of Object.entries(provincePopulation)) {
      const cities = org.cities.get(prefix);
      if (!cities?.length) continue;
      const cityTable = new Weighted(cities.map((code) => [fragment(code), code.endsWith("0100") ? capitalWeight : 1] as const));
      provinceEntries.push([cityTable, population * (homeProvinceBoost[prefix] ?? 1)]);
    }
    this.provinces = new Weighted(provinceEntries);
    this.sites = new Weighted(org.sites.map((s) => [s, s.seats] as const));
    for (const s of org.sites) this.teamsBySite.set(s.id, org.teams.filter((t) => t.siteId === s.id));
    this.urgency = Object.fromEntries(recordKinds.map((k) => [k, new Weighted(urgencyByKind[k])])) as Record<RecordKind, Weighted<Urgency>>;
    for (let i = 0; i < 4096; i++) {
      const contact = i % 3 === 0 ? `customer${String(i).padStart(4, "0")}@example.com` : `1380013${String(i).padStart(4, "0")}`;
      this.contacts.push({ contact: fragment(contact), digest: fragment(contactDigest(contact)) });
    }
    for (let d = 0; d < days; d++) {
      const t = days > 1 ? 1 - d / (days - 1) : 1;
      this.dayTables.push({
        channels: new Weighted(channelMix(t)),
        kinds: new Map(channels.map((c) => [c, new Weighted(kindMix(c, t))])),
      });
    }
    this.planLinks(issues);
    this.rowBound = this.maxRowBytes();
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
          share += kinds.share(k) * table.share(table.items.find((c) => c.category.code === issue.category)!);
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
      this.categories.get(issue.category)?.links.push({ issue, target, targetId: target.id, probability });
    }
  }

  /** Generous: the longest text of every pool, and 64 bytes for each other field. */
  private maxRowBytes(): number {
    const longest = (xs: Iterable<Uint8Array>) => Math.max(0, ...Array.from(xs, (x) => x.length));
    const all: Text[] = [...this.pinTexts.complaints, ...this.pinTexts.contacts, ...this.pinTexts.after, ...this.spikeFallback];
    for (const pools of this.texts.values()) for (const items of Object.values(pools)) all.push(...items);
    for (const pool of this.survey.values()) all.push(...pool.map((s) => s.text));
    for (const table of this.categoryByKind.values()) for (const e of table.items) all.push(...e.items);
    const summary = longest(all.map((t) => t.summary));
    const words = Math.max(longest(all.flatMap((t) => t.words)), longest(this.pinTexts.words)) + longest(Object.values(this.tails).flat());
    // An internet post's source quotes its summary (200 characters at most, 3 bytes each in UTF-8).
    return 64 * recordColumns.length + summary + words + longest(this.dismissReasons) + 3 * 200 + 1024;
  }

  /** Every row, days in order from the oldest, in chunks of `chunkRows`. */
  *chunks(chunkRows: number): Generator<RecordChunk> {
    const out = new CopyWriter(Math.min(chunkRows, 100_000) * 400, chunkRows);
    const chunk = (): RecordChunk => {
      const rows = out.rows;
      const starts = out.rowOffsets();
      return { rows, bytes: out.take(), rowStart: (k) => starts[k] };
    };
    for (let d = this.days - 1; d >= 0; d--) {
      this.startDay(d);
      const n = this.volume.counts[d];
      for (let i = 0; i < n; i++) {
        this.row(d, out);
        if (out.rows === chunkRows) yield chunk();
      }
    }
    if (out.rows > 0) yield chunk();
  }

  private startDay(d: number): void {
    for (const c of this.categories.values()) c.linksToday = c.links.filter((l) => d >= l.issue.linkToDay && d <= l.issue.linkFromDay);
    this.dayStartMs = this.calendar.dayStart(d);
    const date = this.calendar.date(d);
    this.dayCompactText = date.replace(/-/g, "");
    this.dayCompact.write(this.dayCompactText, "latin1");
    const year = date.slice(0, 4);
    const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
    this.surveyQuarter = {
      source: fragment(`${year}年第${quarter}季度持卡人满意度调研`),
      url: `https://survey.example.com/s/${year}q${quarter}`,
      externalPrefix: `SV-G${this.batch}-${year}Q${quarter}-`,
    };
  }

  /** One record of day d: everyday traffic or one of the spikes, by their weights that day. */
  private row(d: number, out: CopyWriter): void {
    let x = this.random.next() * this.volume.total[d];
    const base = this.volume.base[d];
    if (x < base) return this.everyday(d, out);
    x -= base;
    let k = 0;
    while (k < this.spikes.length - 1 && x >= this.volume.spikeWeights[k][d]) x -= this.volume.spikeWeights[k++][d];
    this.spiked(d, this.spikes[k], out);
  }

  private everyday(d: number, out: CopyWriter): void {
    const tables = this.dayTables[d];
    const channel = tables.channels.pick(this.random);
    const kind = tables.kinds.get(channel)!.pick(this.random);
    if (channel === "survey") {
      const pool = this.survey.get(kind);
      if (pool?.length) {
        const s = this.random.pick(pool);
        return this.line(d, channel, kind, s.category, s.text, this.random.pick(s.text.words), EMPTY, out);
      }
    }
    const entry = this.categoryByKind.get(kind)!.pick(this.random);
    const item = this.random.pick(entry.items);
    const words = this.random.pick(item.words);
    this.line(d, channel, kind, entry.category, item, words, this.random.pick(this.tails[kind]), out);
  }

  private spiked(d: number, spike: Spike, out: CopyWriter): void {
    const afterFix = spike.fixedDay !== undefined && d < spike.fixedDay;
    const kind = (afterFix && spike.kindsAfterFix ? spike.kindsAfterFix : spike.kinds).pick(this.random);
    const channel: Channel = this.random.chance(spike.hotlineShare) ? "hotline" : this.random.pick(OTHER_CHANNELS);
    const category = this.categories.get(spike.category)!;
    let item: Text;
    let words: Uint8Array;
    let tail = EMPTY;
    if (spike.category === "pin.letter") {
      if (afterFix) {
        const matching = this.pinTexts.afterByKind.get(kind)!;
        item = this.random.pick(matching.length ? matching : this.pinTexts.after);
        words = this.random.pick(item.words);
      } else if (kind === "complaint") {
        item = this.random.pick(this.pinTexts.complaints);
        words = this.random.pick(this.pinTexts.words);
        tail = this.random.pick(this.tails.complaint);
      } else {
        item = this.random.pick(this.pinTexts.contacts);
        words = this.random.pick(item.words);
      }
    } else {
      const pools = this.texts.get(spike.category);
      item = this.random.pick(pools?.[kind] ?? pools?.complaint ?? this.spikeFallback);
      words = this.random.pick(item.words);
      tail = this.random.pick(this.tails[kind]);
    }
    this.line(d, channel, kind, category, item, words, tail, out);
  }

  /** One record: who took it and when follow from the channel; texts arrive escaped and encoded. */
  private line(d: number, channel: Channel, kind: RecordKind, category: Category, text: Text, words: Uint8Array, tail: Uint8Array, out: CopyWriter): void {
    const r = this.random;
    const dayStart = this.dayStartMs;
    const nowMs = this.calendar.nowMs;
    const hour = (channel === "hotline" ? hotlineHourTable : anyHourTable).pick(r);
    let occurred = dayStart + hour * 3_600_000 + r.below(3_600) * 1000;
    if (occurred > nowMs - MINUTE) occurred = dayStart + Math.floor(r.next() * Math.max(1, nowMs - MINUTE - dayStart));
    const region = r.chance(unknownRegionShare) ? NULL_FIELD : this.provinces.pick(r).pick(r);

    let siteId = -1;
    let teamId = -1;
    let authorId = -1;
    let contact: { contact: Uint8Array; digest: Uint8Array } | null = null;
    let moderation: Moderation = null;
    let status: Status = "new";
    let valuable = false;
    let dismissedReason = NULL_FIELD;
    let updated = occurred;
    let issueId = -1;

    out.begin(this.rowBound);
    out.int(this.nextId++);
    out.field(KIND[kind]);
    out.field(CHANNEL[channel]);
    // source, source_url, external_id, site_id, team_id, category_id, region_code and call_reference follow from the channel.
    if (channel === "hotline") {
      const site = this.sites.pick(r);
      siteId = site.id;
      const teams = this.teamsBySite.get(site.id)!;
      if (teams.length) {
        const team = r.pick(teams);
        teamId = team.id;
        authorId = r.pick(team.agentIds);
      }
      out.raw(NULL_FIELDS[3]);
      out.int(siteId);
      out.int(teamId);
      out.int(category.id);
      out.field(region);
      out.raw(CR);
      out.raw(this.dayCompact);
      out.raw(DASH);
      out.digits(++this.callSeq % 1_000_000, 6);
      out.close();
      if (d <= 10 && r.chance(0.02)) {
        status = "reported";
        valuable = true;
        updated = Math.min(occurred + r.between(1, 20) * MINUTE, nowMs - MINUTE);
      } else if (d > 10 && r.chance(0.004)) {
        status = "dismissed";
        valuable = true;
        dismissedReason = r.pick(this.dismissReasons);
        updated = occurred + DAY;
      }
    } else if (channel === "web") {
      contact = r.pick(this.contacts);
      moderation = d <= 1 ? "pending" : "approved";
      if (d > 3 && r.chance(0.06)) {
        moderation = "rejected";
        status = "dismissed";
        dismissedReason = REJECTED_REASON;
        updated = occurred + DAY;
      }
      out.raw(NULL_FIELDS[5]);
      out.int(category.id);
      out.field(region);
      out.field(NULL_FIELD);
    } else {
      const site = this.sites.pick(r);
      siteId = site.id;
      if (site.specialistId) authorId = site.specialistId;
      const seq = ++this.externalSeq;
      const ymd = this.dayCompactText;
      const g = this.batch;
      if (channel === "forum") {
        out.field(r.pick(this.forumSources));
        out.ascii(`https://bbs.intranet.example.com/thread/g${g}-${seq}`);
        out.ascii(`BBS-G${g}-${ymd}-${seq}`);
      } else if (channel === "internet") {
        out.text(`${r.pick(T.internetSources)}：${text.summaryText}`.slice(0, 200));
        out.ascii(`https://social.example.com/post/g${g}-${seq}`);
        out.ascii(`NET-G${g}-${ymd}-${seq}`);
      } else if (channel === "mailbox") {
        out.field(MAILBOX_SOURCE);
        out.ascii(`https://mail.example.com/service-inbox/msg/g${g}-${seq}`);
        out.ascii(`<${ymd}.g${g}.${seq}@mail.example.com>`);
      } else {
        out.field(this.surveyQuarter.source);
        out.ascii(this.surveyQuarter.url);
        out.ascii(`${this.surveyQuarter.externalPrefix}${seq}`);
      }
      out.int(siteId);
      out.field(NULL_FIELD);
      out.int(category.id);
      out.field(region);
      out.field(NULL_FIELD);
    }

    if (category.linksToday.length && moderation !== "rejected") {
      for (const c of category.linksToday) {
        const issue = c.issue;
        if (!issue.linkKinds.includes(kind)) continue;
        // A flare's issue gathers every site's calls (the specialist adds the other sites'); others only their own site's.
        if (channel === "hotline" ? !issue.spike && siteId !== issue.siteId : !r.chance(0.5)) continue;
        if (!r.chance(c.probability)) continue;
        issueId = c.targetId;
        status = "linked";
        valuable = true;
        dismissedReason = NULL_FIELD;
        updated = Math.min(Math.max(occurred + r.between(30, 600) * MINUTE, issue.createdMs + r.between(5, 90) * MINUTE), nowMs - MINUTE);
        this.linkedByIssue.set(c.target.key, (this.linkedByIssue.get(c.target.key) ?? 0) + 1);
        this.tally.linked++;
        break;
      }
    }

    this.tally.byKind[kind]++;
    this.tally.byChannel[channel]++;
    out.field(text.summary);
    out.field2(words, tail);
    out.field(URGENCY[this.urgency[kind].pick(r)]);
    out.field(valuable ? TRUE : FALSE);
    out.field(STATUS[status]);
    out.field(dismissedReason);
    out.int(issueId);
    out.int(authorId);
    if (contact) {
      out.ascii(trackingNumber(this.batch, ++this.trackingSeq));
      out.field(contact.contact);
      out.field(contact.digest);
      out.field(MODERATION[moderation!]);
    } else out.raw(NULL_FIELDS[4]);
    if (kind === "complaint") out.time(occurred + 15 * DAY);
    else out.field(NULL_FIELD);
    out.time(occurred);
    out.again();
    if (updated === occurred) out.again();
    else out.time(updated);
    out.int(status === "new" ? 1 : 2);
    out.end();
  }
}

function escapeText(t: { summary: string; words: string[] }): Text {
  return { summary: fragment(t.summary), summaryText: t.summary, words: t.words.map(fragment) };
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
