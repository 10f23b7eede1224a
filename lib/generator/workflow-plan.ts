import type { ActionStatus, Disposition, IssueStatus, IssueType, RecordKind } from "@/db/schema";
import * as T from "@/db/seed/demo-texts";
import { Calendar } from "./calendar";
import type { Organisation } from "./organisation";
import {
  categoryRanking,
  departmentsByArea,
  dispositionDays,
  dispositionHans,
  dispositionMix,
  progressNotes,
  rejectionReasons,
  siteHans,
  stalledShare,
} from "./profile";
import { Random, Weighted } from "./random";

/**
 * The work the records lead to, planned day by day before anything is written: issues raised
 * every fortnight by the supervisors, the sites' VoC reports, one numbered bulletin a fortnight,
 * actions under the five dispositions, and the monthly VoC meeting that verifies them.
 * A stage happens only when its day has come; every timestamp follows the one before it.
 */

/** A fortnight: issues raised in it are reported the day after, verified 3 days after, published 5 days after. */
const PERIOD = 14;

export interface PlannedAction {
  departmentCode: string;
  disposition: Disposition;
  assignedMs: number;
  assignedDay: number;
  firstDueDay: number;
  dueDay: number;
  doneDay: number | null;
  doneMs: number | null;
  verifiedMs: number | null;
  status: ActionStatus;
  progress: number;
  updates: { ms: number; note: string; progress: number }[];
  id?: number;
}

export interface PlannedIssue {
  key: string;
  type: IssueType;
  category: string;
  siteId: number;
  siteCode: string;
  teamId: number | null;
  createdBy: number | null;
  title: string;
  description: string;
  tags: string[];
  createdDay: number;
  createdMs: number;
  escalatedMs: number | null;
  reportedMs: number | null;
  verifiedMs: number | null;
  closedMs: number | null;
  publishedMs: number | null;
  inActionMs: number | null;
  resolvedMs: number | null;
  status: IssueStatus;
  statusReason: string | null;
  mergedInto: PlannedIssue | null;
  publicTitle: string | null;
  publicOutcome: string | null;
  quotes: string[];
  trendPercent: number;
  actions: PlannedAction[];
  /** Records are linked from this many days ago up to the escalation. */
  linkFromDay: number;
  linkToDay: number;
  linkTarget: number;
  /** Kinds of record that count as evidence for it. */
  linkKinds: RecordKind[];
  spike: string | null;
  id?: number;
}

export interface PlannedReport {
  siteId: number;
  siteCode: string;
  authorId: number | null;
  periodStartDay: number;
  periodEndDay: number;
  status: "draft" | "submitted" | "reviewed";
  createdMs: number;
  submittedMs: number | null;
  reviewedMs: number | null;
  issues: PlannedIssue[];
  id?: number;
}

export interface PlannedBulletin {
  number: number;
  periodStartDay: number;
  periodEndDay: number;
  status: "draft" | "published";
  createdMs: number;
  publishedMs: number | null;
  issues: PlannedIssue[];
  id?: number;
}

export interface PlannedMeeting {
  day: number;
  existingId: number | null;
  held: boolean;
  createdMs: number;
  publishedMs: number | null;
  items: { action: PlannedAction; issue: PlannedIssue; reason: "open" | "overdue" | "done"; decision: MeetingDecision | null; decidedMs: number | null; note: string | null; dueBefore?: number }[];
  id?: number;
}

type MeetingDecision = "continue" | "change_owner" | "change_due" | "escalate" | "verified_closed";

export interface ForcedIssue {
  key: string;
  category: string;
  createdDay: number;
  siteCode: string;
  title: string;
  description: string;
  tags: string[];
  linkTarget: number;
  action?: { departmentCode: string; disposition: Disposition; doneDay: number };
  publicTitle?: string;
  publicOutcome?: string;
}

export interface WorkflowPlan {
  issues: PlannedIssue[];
  reports: PlannedReport[];
  bulletins: PlannedBulletin[];
  meetings: PlannedMeeting[];
}

export function planWorkflow(options: {
  calendar: Calendar;
  days: number;
  records: number;
  org: Organisation;
  random: Random;
  forced: ForcedIssue[];
}): WorkflowPlan {
  const { calendar, days, org, random, forced } = options;
  const scale = Math.sqrt(options.records / 100_000);
  const categoryTable = new Weighted(
    categoryRanking.filter((code) => org.categories.has(code)).map((code, rank) => [code, 1 / (rank + 1)] as const),
  );
  const siteTable = new Weighted(org.sites.map((s) => [s, s.seats] as const));

  const issues: PlannedIssue[] = [];
  const reports: PlannedReport[] = [];
  const bulletins: PlannedBulletin[] = [];
  let bulletinNumber = org.maxBulletinNumber;
  let serial = 0;

  // Oldest fortnight first; the first two weeks of the window only gather records.
  const periods = Math.floor((days - 1 - PERIOD) / PERIOD);
  for (let k = periods; k >= 0; k--) {
    const end = k * PERIOD;
    const start = end + PERIOD - 1;
    const t = days > 1 ? 1 - end / (days - 1) : 1;
    const raised: PlannedIssue[] = [];
    // Fewer problems over time, and more of them suggestions.
    const count = random.poisson(2 * (3.6 - 1.2 * t));
    for (let i = 0; i < count; i++) {
      const category = categoryTable.pick(random);
      const day = random.between(end, start);
      const site = siteTable.pick(random);
      raised.push(newIssue(`G${++serial}`, category, day, site, random.chance(0.22 + 0.18 * t) ? "suggestion" : "problem"));
    }
    for (const f of forced) {
      if (f.createdDay < end || f.createdDay > start) continue;
      const site = org.sites.find((s) => s.code === f.siteCode) ?? org.sites[0];
      const issue = newIssue(f.key, f.category, f.createdDay, site, "problem", f);
      raised.push(issue);
    }
    raised.sort((a, b) => b.createdDay - a.createdDay || a.key.localeCompare(b.key));
    issues.push(...raised);
    runPeriod(raised, start, end);
  }

  const meetings = planMeetings(issues);
  for (const issue of issues) finishIssue(issue);
  return { issues, reports, bulletins, meetings };

  // ------------------------------------------------------------------------ one issue

  function newIssue(key: string, category: string, day: number, site: Organisation["sites"][number], type: IssueType, f?: ForcedIssue): PlannedIssue {
    const teamsOfSite = org.teams.filter((x) => x.siteId === site.id);
    const team = teamsOfSite.length ? random.pick(teamsOfSite) : null;
    const kind: RecordKind = type === "suggestion" ? "suggestion" : "complaint";
    const pool = T.categoryTexts[category]?.[kind] ?? T.categoryTexts[category]?.complaint ?? T.categoryTexts[category]?.suggestion ?? [];
    const item = pool.length ? random.pick(pool) : { summary: `${org.categories.get(category)?.nameHans ?? category}相关来电集中`, words: ["同类来电集中。"] };
    const words = random.pick(item.words);
    const createdMs = calendar.at(day, random.between(9, 11), random.between(0, 59));
    const escalateDay = Math.max(0, day - random.between(0, 2));
    const escalatedMs = calendar.passed(escalateDay, 15) ? Math.max(createdMs + 3_600_000, calendar.at(escalateDay, 15, random.between(0, 59))) : null;
    const teamName = team?.name ?? `${siteHans[site.code] ?? site.code}中心`;
    return {
      key,
      type,
      category,
      siteId: site.id,
      siteCode: site.code,
      teamId: team?.id ?? null,
      createdBy: team?.supervisorId ?? null,
      title: f?.title || item.summary,
      description: f?.description || `${teamName}近期同类来电集中，客户原话如：“${words}”督导归并后升级。`,
      tags: f?.tags.length ? f.tags : [org.categories.get(category)?.nameHans ?? category],
      createdDay: day,
      createdMs,
      escalatedMs: escalatedMs !== null && escalatedMs < calendar.nowMs ? escalatedMs : null,
      reportedMs: null,
      verifiedMs: null,
      closedMs: null,
      publishedMs: null,
      inActionMs: null,
      resolvedMs: null,
      status: "draft",
      statusReason: null,
      mergedInto: null,
      publicTitle: f?.publicTitle ?? null,
      publicOutcome: f?.publicOutcome ?? null,
      quotes: [...new Set([words, random.pick(item.words)])].map((q) => (q.length > 40 ? `${q.slice(0, 39)}…` : q)),
      trendPercent: Math.round((random.next() * 80 - 20) * 2) / 2,
      actions: [],
      linkFromDay: Math.min(days - 1, day + 21),
      linkToDay: escalateDay,
      linkTarget: f?.linkTarget ?? Math.max(2, Math.round(random.between(6, 30) * scale)),
      linkKinds: type === "suggestion" ? ["suggestion"] : ["complaint", "business_contact"],
      spike: f ? f.key : null,
    };
  }

  // ------------------------------------------------------------------------ a fortnight's flow

  function runPeriod(raised: PlannedIssue[], start: number, end: number): void {
    const reportDay = end - 1;
    const verifyDay = end - 3;
    const publishDay = end - 5;
    const escalated = raised.filter((i) => i.escalatedMs !== null);
    for (const issue of escalated) issue.status = "escalated";

    // Each site's VoC report for the fortnight.
    for (const site of org.sites) {
      const ofSite = escalated.filter((i) => i.siteId === site.id);
      if (ofSite.length === 0) continue;
      const submitted = calendar.passed(reportDay, 17);
      const reviewed = submitted && calendar.passed(verifyDay, 11);
      const report: PlannedReport = {
        siteId: site.id,
        siteCode: site.code,
        authorId: site.specialistId,
        periodStartDay: start,
        periodEndDay: end,
        status: reviewed ? "reviewed" : submitted ? "submitted" : "draft",
        createdMs: Math.max(...ofSite.map((i) => i.escalatedMs!)) + 3_600_000,
        submittedMs: submitted ? calendar.at(reportDay, 16, 30) : null,
        reviewedMs: reviewed ? calendar.at(verifyDay, 10, 30) : null,
        issues: ofSite,
      };
      report.createdMs = Math.min(report.createdMs, report.submittedMs ?? calendar.nowMs - 60_000);
      reports.push(report);
      if (!submitted) continue;
      for (const issue of ofSite) {
        issue.reportedMs = report.submittedMs;
        issue.status = "reported";
      }
    }

    // The management post verifies, rejects or merges, then compiles the bulletin.
    const reported = escalated.filter((i) => i.status === "reported");
    if (reported.length === 0 || !calendar.passed(verifyDay, 12)) return;
    const kept: PlannedIssue[] = [];
    for (const issue of reported) {
      const ms = calendar.at(verifyDay, 11, random.between(0, 59));
      const twin = kept.find((k) => k.category === issue.category && k.siteId !== issue.siteId);
      if (twin && !issue.spike) {
        Object.assign(issue, { status: "merged", closedMs: ms, mergedInto: twin });
        issue.statusReason = `与${siteHans[twin.siteCode] ?? twin.siteCode}中心上报的“${twin.title}”为同类问题，已合并跟进，相关记录一并转入。`;
      } else if (!issue.spike && random.chance(0.08)) {
        Object.assign(issue, { status: "rejected", closedMs: ms, statusReason: random.pick(rejectionReasons) });
      } else {
        Object.assign(issue, { status: "verified", verifiedMs: ms });
        kept.push(issue);
      }
    }
    if (kept.length === 0) return;
    const published = calendar.passed(publishDay, 10);
    const bulletin: PlannedBulletin = {
      number: ++bulletinNumber,
      periodStartDay: start,
      periodEndDay: end,
      status: published ? "published" : "draft",
      createdMs: calendar.at(verifyDay, 15),
      publishedMs: published ? calendar.at(publishDay, 10) : null,
      issues: kept,
    };
    bulletins.push(bulletin);
    if (!published) return;
    for (const issue of kept) {
      issue.publishedMs = bulletin.publishedMs;
      issue.status = "published";
      planActions(issue, publishDay);
    }
  }

  function planActions(issue: PlannedIssue, publishDay: number): void {
    const f = forced.find((x) => x.key === issue.key);
    const area = org.categories.get(issue.category)?.root ?? "other";
    const candidates = (departmentsByArea[area] ?? []).filter((code) => org.departments.has(code));
    const all = candidates.length ? candidates : [...org.departments.keys()];
    if (all.length === 0) return;
    const owners = f?.action ? [f.action.departmentCode] : random.chance(0.2) && all.length > 1 ? all.slice(0, 2) : [random.pick(all)];
    for (const departmentCode of owners) {
      const assignedDay = publishDay - random.between(1, 3);
      if (!calendar.passed(assignedDay, 11)) continue;
      const disposition = f?.action?.disposition ?? new Weighted(dispositionMix).pick(random);
      const [shortest, longest] = dispositionDays[disposition];
      let duration = random.between(shortest, longest) * (random.chance(stalledShare) ? 3 : 1);
      if (f?.action) duration = Math.max(3, assignedDay - Math.min(f.action.doneDay, assignedDay - 3));
      const doneDay = assignedDay - duration;
      const isDone = calendar.passed(doneDay, 17);
      const elapsed = assignedDay - Math.max(doneDay, 0);
      const progress = isDone ? 100 : Math.min(90, Math.floor((elapsed / duration) * 10) * 10);
      const assignedMs = calendar.at(assignedDay, 10, 30);
      const dueDay = assignedDay - random.between(30, 60);
      const updates: PlannedAction["updates"] = [];
      const steps = isDone ? 2 : progress >= 30 ? 1 : 0;
      for (let s = 1; s <= steps; s++) {
        const day = Math.round(assignedDay - (duration * s) / (steps + 1));
        updates.push({ ms: calendar.at(day, 15), note: random.pick(progressNotes.slice(0, 4)), progress: Math.min(progress, s * 40) });
      }
      if (isDone) updates.push({ ms: calendar.at(doneDay, 16), note: progressNotes[4], progress: 100 });
      issue.actions.push({
        departmentCode,
        disposition,
        assignedMs,
        assignedDay,
        firstDueDay: dueDay,
        dueDay,
        doneDay: isDone ? doneDay : null,
        doneMs: isDone ? calendar.at(doneDay, 17) : null,
        verifiedMs: null,
        status: isDone ? "done" : progress >= 10 ? "in_progress" : "assigned",
        progress,
        updates,
      });
    }
    if (issue.actions.length) {
      issue.status = "in_action";
      issue.inActionMs = Math.min(...issue.actions.map((a) => a.assignedMs));
    }
  }

  // ------------------------------------------------------------------------ the monthly meeting

  function planMeetings(all: PlannedIssue[]): PlannedMeeting[] {
    const out: PlannedMeeting[] = [];
    const first = calendar.date(days - 1).slice(0, 7);
    const last = calendar.date(0).slice(0, 7);
    for (let month = first; month <= last; month = nextMonth(month)) {
      let day = calendar.daysAgoOf(`${month}-20`);
      while ([0, 6].includes(calendar.weekday(day))) day--;
      if (day > days - 1) continue;
      const held = day >= 1;
      out.push({
        day,
        existingId: org.meetingsByMonth.get(month) ?? null,
        held,
        createdMs: calendar.at(Math.max(day + 5, 0), 11),
        publishedMs: held ? calendar.at(day - 1 >= 0 ? day - 1 : day, 17) : null,
        items: [],
      });
    }
    const open = all.flatMap((issue) => issue.actions.map((action) => ({ issue, action })));
    for (const m of out) {
      for (const { issue, action } of open) {
        if (action.assignedDay <= m.day || action.verifiedMs !== null) continue;
        const decidedMs = m.held ? calendar.at(m.day, 15, 10 + (m.items.length % 45)) : null;
        if (action.doneDay !== null && action.doneDay > m.day) {
          m.items.push({ action, issue, reason: "done", decision: m.held ? "verified_closed" : null, decidedMs, note: m.held ? "完成情况经核实，同意验证关闭。" : null });
          if (m.held) {
            action.verifiedMs = decidedMs;
            action.status = "verified";
          }
        } else if (action.dueDay > m.day) {
          const choice = random.next();
          const decision: MeetingDecision | null = !m.held ? null : choice < 0.6 ? "change_due" : choice < 0.75 ? "escalate" : "continue";
          const item: PlannedMeeting["items"][number] = { action, issue, reason: "overdue", decision, decidedMs, note: null, dueBefore: action.dueDay };
          if (decision === "change_due") {
            action.dueDay = m.day - 30;
            item.note = `同意延期至${calendar.date(action.dueDay)}，责任部门下次会议汇报进度。`;
          } else if (decision === "escalate") item.note = "涉及跨部门事项，升级由中心领导牵头协调。";
          else if (decision === "continue") item.note = "按计划继续推进。";
          m.items.push(item);
        } else {
          m.items.push({ action, issue, reason: "open", decision: m.held ? "continue" : null, decidedMs, note: m.held ? "按计划继续推进。" : null });
        }
      }
    }
    return out.filter((m) => m.items.length > 0 || m.existingId === null);
  }

  function finishIssue(issue: PlannedIssue): void {
    if (issue.status !== "in_action") return;
    if (!issue.actions.every((a) => a.verifiedMs !== null)) return;
    issue.status = "resolved";
    issue.resolvedMs = Math.max(...issue.actions.map((a) => a.verifiedMs!));
    const a = issue.actions[0];
    const department = org.departments.get(a.departmentCode)?.nameHans ?? a.departmentCode;
    issue.publicTitle ??= `已改进：${issue.title}`;
    issue.publicOutcome ??= `您反映的“${issue.title}”已由${department}按“${dispositionHans[a.disposition]}”落实，并经客户之声专题会验证关闭。`;
  }
}

function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}
