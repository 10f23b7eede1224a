import { describe, expect, it } from "vitest";
import { roles } from "@/db/schema";
import { Forbidden } from "@/lib/errors";
import { assertCan, can, homePathFor, permissions, type Permission } from "@/lib/permissions";

describe("permission table", () => {
  it("gives every role its own home page and no other", () => {
    for (const role of roles) {
      for (const other of roles) {
        expect(can(role, `page.${other}` as Permission)).toBe(role === other);
      }
      expect(homePathFor(role)).toBe(`/${role}`);
    }
  });

  it("denies unknown roles and missing permissions (fails closed)", () => {
    expect(can("superuser", "page.admin")).toBe(false);
    expect(can(undefined, "record.create")).toBe(false);
    expect(can("", "dashboard.read")).toBe(false);
    expect(can("admin", "not.a.permission" as Permission)).toBe(false);
  });

  it("keeps the workflow steps with the roles the seed gives them", () => {
    expect(can("agent", "record.create")).toBe(true);
    expect(can("agent", "issue.escalate")).toBe(false);
    expect(can("supervisor", "issue.escalate")).toBe(true);
    expect(can("specialist", "report.submit")).toBe(true);
    expect(can("manager", "issue.verify")).toBe(true);
    expect(can("manager", "bulletin.publish")).toBe(true);
    expect(can("leadership", "bulletin.publish")).toBe(false);
    expect(can("department", "action.complete")).toBe(true);
    expect(can("manager", "action.verify")).toBe(true);
    expect(can("department", "action.verify")).toBe(false);
    expect(can("admin", "admin.users")).toBe(true);
    expect(can("manager", "admin.users")).toBe(false);
  });

  it("lists only known roles", () => {
    for (const allowed of Object.values(permissions)) {
      for (const role of allowed) expect(roles).toContain(role);
    }
  });

  it("assertCan throws Forbidden for a refused role and nothing for an allowed one", () => {
    expect(() => assertCan({ role: "agent" }, "admin.users")).toThrow(Forbidden);
    expect(() => assertCan({ role: "admin" }, "admin.users")).not.toThrow();
  });
});
