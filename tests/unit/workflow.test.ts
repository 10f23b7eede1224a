import { describe, expect, it } from "vitest";
import { actionStatuses, issueStatuses, meetingStatuses, reportStatuses, roles, type Role } from "@/db/schema";
import { InvalidTransition } from "@/lib/errors";
import {
  actionTransitions,
  canIssue,
  canReport,
  complaintLimitDays,
  deadlineState,
  issueTransitions,
  MeetingClosed,
  meetingTransitions,
  nextActionStatus,
  nextIssueStatus,
  nextMeetingStatus,
  nextReportStatus,
  reportTransitions,
  type MeetingEvent,
} from "@/lib/workflow";

type Rules<S extends string, E extends string> = Record<E, { from: readonly S[]; to?: S; roles: readonly Role[] }>;

/** Every (event, role, state): allowed exactly when the rule says so, to the rule's state; refused otherwise. */
function expectEveryRuleKept<S extends string, E extends string>(
  rules: Rules<S, E>,
  states: readonly S[],
  can: (from: S, event: E, role: Role) => boolean,
  next: (from: S, event: E, role: Role) => S,
) {
  for (const [event, rule] of Object.entries(rules) as [E, Rules<S, E>[E]][]) {
    for (const role of roles) {
      for (const from of states) {
        const allowed = rule.roles.includes(role) && rule.from.includes(from);
        expect(can(from, event, role), `${role} ${event} from ${from}`).toBe(allowed);
        if (allowed) expect(next(from, event, role)).toBe(rule.to ?? from);
        else expect(() => next(from, event, role)).toThrow(InvalidTransition);
      }
    }
  }
}

describe("issue state machine", () => {
  it("walks the seed's flow from draft to resolved, each step by its own role", () => {
    let s = nextIssueStatus("draft", "escalate", "supervisor");
    expect(s).toBe("escalated");
    s = nextIssueStatus(s, "report", "specialist");
    expect(s).toBe("reported");
    s = nextIssueStatus(s, "verify", "manager");
    expect(s).toBe("verified");
    s = nextIssueStatus(s, "publish", "manager");
    expect(s).toBe("published");
    s = nextIssueStatus(s, "assign_action", "manager");
    expect(s).toBe("in_action");
    s = nextIssueStatus(s, "resolve", "manager");
    expect(s).toBe("resolved");
  });

  it("refuses every event to every role not in its rule, and from every state not in its rule", () => {
    expectEveryRuleKept(issueTransitions, issueStatuses, canIssue, nextIssueStatus);
  });

  it("lets a returned issue be escalated again, and a resolved one reopened", () => {
    expect(nextIssueStatus("escalated", "return", "specialist")).toBe("returned");
    expect(nextIssueStatus("returned", "escalate", "supervisor")).toBe("escalated");
    expect(nextIssueStatus("resolved", "reopen", "manager")).toBe("in_action");
  });

  it("says why a transition is refused", () => {
    expect(() => nextIssueStatus("draft", "verify", "manager")).toThrow("An issue that is draft cannot be verified.");
    expect(() => nextIssueStatus("reported", "verify", "agent")).toThrow(/agent cannot verify/);
  });
});

describe("action state machine", () => {
  it("goes assigned → in progress → done → verified, and can be reopened", () => {
    expect(nextActionStatus("assigned", "update", "department")).toBe("in_progress");
    expect(nextActionStatus("in_progress", "complete", "department")).toBe("done");
    expect(nextActionStatus("done", "verify", "manager")).toBe("verified");
    expect(nextActionStatus("done", "reopen", "manager")).toBe("reopened");
    expect(nextActionStatus("reopened", "update", "department")).toBe("in_progress");
  });

  it("keeps the state when the meeting reschedules", () => {
    expect(nextActionStatus("assigned", "reschedule", "manager")).toBe("assigned");
    expect(() => nextActionStatus("verified", "reschedule", "manager")).toThrow(InvalidTransition);
  });

  it("refuses a department verifying its own work and a manager completing it", () => {
    expect(() => nextActionStatus("done", "verify", "department")).toThrow(InvalidTransition);
    expect(() => nextActionStatus("in_progress", "complete", "manager")).toThrow(InvalidTransition);
    for (const from of actionStatuses) {
      if (!actionTransitions.complete.from.includes(from)) expect(() => nextActionStatus(from, "complete", "department")).toThrow(InvalidTransition);
    }
  });
});

describe("site report state machine", () => {
  it("goes draft → submitted by the specialist, then reviewed by the management post", () => {
    expect(nextReportStatus("draft", "save", "specialist")).toBe("draft");
    expect(nextReportStatus("draft", "submit", "specialist")).toBe("submitted");
    expect(nextReportStatus("submitted", "review", "manager")).toBe("reviewed");
  });

  it("refuses every event to every role not in its rule, and from every state not in its rule", () => {
    expectEveryRuleKept(reportTransitions, reportStatuses, canReport, nextReportStatus);
  });

  it("says a submitted or reviewed report can no longer be changed, in the words the services always used", () => {
    for (const from of ["submitted", "reviewed"] as const) {
      expect(() => nextReportStatus(from, "save", "specialist")).toThrow(`A report that is ${from} can no longer be changed.`);
      expect(() => nextReportStatus(from, "submit", "specialist")).toThrow(`A report that is ${from} can no longer be changed.`);
    }
    expect(() => nextReportStatus("draft", "review", "manager")).toThrow("A report that is draft cannot be reviewed.");
    expect(() => nextReportStatus("draft", "submit", "manager")).toThrow(/manager cannot submit/);
  });
});

describe("meeting state machine", () => {
  it("decides items while open and keeps it open; publishing the minutes closes it", () => {
    expect(nextMeetingStatus("open", "decide", "manager")).toBe("open");
    expect(nextMeetingStatus("open", "publish_minutes", "manager")).toBe("minutes_published");
  });

  it("refuses any change once the minutes are published, as MeetingClosed", () => {
    for (const event of Object.keys(meetingTransitions) as MeetingEvent[]) {
      expect(() => nextMeetingStatus("minutes_published", event, "manager")).toThrow(MeetingClosed);
      expect(() => nextMeetingStatus("minutes_published", event, "manager")).toThrow("The minutes of this meeting are published; it can no longer be changed.");
    }
    expect(new MeetingClosed()).toMatchObject({ status: 409, code: "meeting_closed" });
  });

  it("lets only the management post run the meeting", () => {
    for (const role of roles) {
      for (const from of meetingStatuses) {
        for (const event of Object.keys(meetingTransitions) as MeetingEvent[]) {
          if (role === "manager") continue;
          expect(() => nextMeetingStatus(from, event, role), `${role} ${event} from ${from}`).toThrow(InvalidTransition);
        }
      }
    }
  });
});

describe("time limits", () => {
  const start = new Date("2026-11-01T00:00:00Z");
  it("flags near and past limits", () => {
    expect(deadlineState(start, 10, new Date("2026-11-05T00:00:00Z"))).toBe("ok");
    expect(deadlineState(start, 10, new Date("2026-11-09T00:00:00Z"))).toBe("near");
    expect(deadlineState(start, 10, new Date("2026-11-12T00:00:00Z"))).toBe("overdue");
  });

  it("runs the regulator's complaint clock: 15, then 30, then 60 days", () => {
    expect(complaintLimitDays(0)).toBe(15);
    expect(complaintLimitDays(1)).toBe(30);
    expect(complaintLimitDays(2)).toBe(60);
  });
});
