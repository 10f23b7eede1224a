import { asc, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { actions, departments, issues, meetingComments, meetingItems, meetings, users } from "@/db/schema";
import { assertCan } from "@/lib/permissions";
import type { Viewer } from "@/lib/viewer";

const departmentName = { nameHans: departments.nameHans, nameHant: departments.nameHant, nameEn: departments.nameEn };

/** The monthly meetings, newest first, with how far each got. */
export async function listMeetings(db: Executor, viewer: Viewer, limit = 36) {
  assertCan(viewer, "meeting.read");
  return db
    .select({
      id: meetings.id,
      title: meetings.title,
      heldOn: meetings.heldOn,
      status: meetings.status,
      publishedAt: meetings.publishedAt,
      itemCount: sql<number>`(select count(*)::int from ${meetingItems} mi where mi.meeting_id = "meetings"."id")`,
      decidedCount: sql<number>`(select count(*)::int from ${meetingItems} mi where mi.meeting_id = "meetings"."id" and mi.decision is not null)`,
      overdueCount: sql<number>`(select count(*)::int from ${meetingItems} mi where mi.meeting_id = "meetings"."id" and mi.agenda_reason = 'overdue')`,
      commentCount: sql<number>`(select count(*)::int from ${meetingComments} mc where mc.meeting_id = "meetings"."id")`,
    })
    .from(meetings)
    .orderBy(desc(meetings.heldOn), desc(meetings.id))
    .limit(limit);
}

/** One meeting with its agenda (each item's action and issue) and its comments. */
export async function getMeetingDetail(db: Executor, viewer: Viewer, id: number) {
  assertCan(viewer, "meeting.read");
  const [meeting] = await db
    .select({ meeting: meetings, createdByName: users.name })
    .from(meetings)
    .leftJoin(users, eq(users.id, meetings.createdBy))
    .where(eq(meetings.id, id))
    .limit(1);
  if (!meeting) return null;
  const decider = sql<string | null>`(select u.name from ${users} u where u.id = ${meetingItems.decidedBy})`;
  const [items, comments] = await Promise.all([
    db
      .select({
        id: meetingItems.id,
        agendaReason: meetingItems.agendaReason,
        decision: meetingItems.decision,
        decisionNote: meetingItems.decisionNote,
        decidedAt: meetingItems.decidedAt,
        decidedByName: decider,
        action: {
          id: actions.id,
          version: actions.version,
          status: actions.status,
          disposition: actions.disposition,
          ownerName: actions.ownerName,
          dueOn: actions.dueOn,
          progress: actions.progress,
          departmentId: actions.departmentId,
        },
        department: departmentName,
        issue: { id: issues.id, title: issues.title, status: issues.status },
        unverifiedSiblings: sql<number>`(select count(*)::int from ${actions} a where a.issue_id = ${issues.id} and a.id <> ${actions.id} and a.status <> 'verified')`,
      })
      .from(meetingItems)
      .innerJoin(actions, eq(actions.id, meetingItems.actionId))
      .innerJoin(departments, eq(departments.id, actions.departmentId))
      .innerJoin(issues, eq(issues.id, actions.issueId))
      .where(eq(meetingItems.meetingId, id))
      .orderBy(asc(actions.dueOn), asc(meetingItems.id)),
    db
      .select({ id: meetingComments.id, body: meetingComments.body, createdAt: meetingComments.createdAt, authorName: users.name, authorRole: users.role })
      .from(meetingComments)
      .innerJoin(users, eq(users.id, meetingComments.authorId))
      .where(eq(meetingComments.meetingId, id))
      .orderBy(asc(meetingComments.createdAt), asc(meetingComments.id)),
  ]);
  return { ...meeting, items, comments };
}

export type MeetingDetail = NonNullable<Awaited<ReturnType<typeof getMeetingDetail>>>;

/** The department's items on a meeting's agenda (to point the department at what concerns it). */
export function itemsOfDepartment(detail: MeetingDetail, viewer: Viewer) {
  return viewer.role === "department" && viewer.departmentId !== null ? detail.items.filter((i) => i.action.departmentId === viewer.departmentId) : detail.items;
}

/** The most recent open meeting, if any. */
export async function getOpenMeeting(db: Executor, viewer: Viewer) {
  assertCan(viewer, "meeting.read");
  const [row] = await db.select({ id: meetings.id, title: meetings.title, heldOn: meetings.heldOn }).from(meetings).where(eq(meetings.status, "open")).orderBy(desc(meetings.heldOn)).limit(1);
  return row ?? null;
}
