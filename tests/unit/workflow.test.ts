import { describe, expect, it } from "vitest";
import { actionStatuses, issueStatuses, roles } from "@/db/schema";
import { InvalidTransition } from "@/lib/errors";
import { actionTransitions, canIssue, complaintLimitDays, deadlineState, issueTransitions, nextActionStatus, nextIssueStatus, type IssueEvent } from "@/lib/workflow";

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
    for (const [event, rule] of Object.entries(issueTransitions) as [IssueEvent, (typeof issueTransitions)[IssueEvent]][]) {
      for (const role of roles) {
        for (const from of issueStatuses) {
          const allowed = rule.roles.includes(role) && rule.from.includes(from);
          expect(canIssue(from, event, role), `${role} ${event} from ${from}`).toBe(allowed);
          if (allowed) expect(nextIssueStatus(from, event, role)).toBe(rule.to);
          else expect(() => nextIssueStatus(from, event, role)).toThrow(InvalidTransition);
        }
      }
    }
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
