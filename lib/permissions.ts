import { roles, type Role } from "@/db/schema";
import { Forbidden } from "@/lib/errors";

/**
 * Which role may do what: the one table every page, query, action and route handler asks.
 * An action missing from the table, or a role missing from an action, is denied.
 */
export const permissions = {
  // Role home pages: each role has its own and no other.
  "page.agent": ["agent"],
  "page.supervisor": ["supervisor"],
  "page.specialist": ["specialist"],
  "page.manager": ["manager"],
  "page.department": ["department"],
  "page.leadership": ["leadership"],
  "page.admin": ["admin"],

  // Intake.
  "record.create": ["agent", "specialist"],
  "record.update.own": ["agent", "specialist"],
  "record.import": ["specialist"],
  "record.join_issue": ["agent", "specialist"],
  "record.moderate": ["specialist", "manager"],
  "record.read.own": ["agent", "specialist"],
  "record.read.team": ["supervisor"],
  "record.read.site": ["specialist"],
  "record.read.all": ["manager", "leadership", "admin"],
  "record.contact.view": ["specialist", "manager"],
  "complaint.extend": ["specialist", "manager"],

  // Reading an issue (scoped further by site or department).
  "issue.read": ["supervisor", "specialist", "manager", "department", "leadership", "admin"],

  // Supervisor.
  "record.dismiss": ["supervisor"],
  "issue.create": ["supervisor"],
  "issue.link_records": ["supervisor", "specialist"],
  "issue.escalate": ["supervisor"],

  // Specialist.
  "issue.classify": ["specialist"],
  "issue.merge": ["specialist", "manager"],
  "issue.return": ["specialist"],
  "report.write": ["specialist"],
  "report.submit": ["specialist"],

  // Management post.
  "report.read.all": ["manager", "leadership"],
  "issue.verify": ["manager"],
  "issue.reject": ["manager"],
  "bulletin.compile": ["manager"],
  "bulletin.publish": ["manager"],
  "bulletin.read": ["manager", "leadership", "department", "specialist", "admin"],
  "bulletin.acknowledge": ["leadership", "department"],
  "action.assign": ["manager"],
  "action.verify": ["manager"],
  "meeting.run": ["manager"],
  "meeting.read": ["manager", "leadership", "department"],
  "meeting.comment": ["leadership", "manager"],

  // Departments.
  "action.read.department": ["department"],
  "action.update": ["department"],
  "action.complete": ["department"],

  // Oversight.
  "dashboard.read": ["agent", "supervisor", "specialist", "manager", "department", "leadership", "admin"],
  "audit.read": ["manager", "admin"],
  "program.read": ["manager", "leadership", "admin"],

  // Administration.
  "admin.users": ["admin"],
  "admin.reference": ["admin"],
  "admin.tokens": ["admin"],
  "admin.settings": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

export function can(role: unknown, permission: Permission): boolean {
  if (!isRole(role)) return false;
  const allowed: readonly Role[] | undefined = permissions[permission];
  return allowed !== undefined && allowed.includes(role);
}

/** The home page of each role. */
export function homePathFor(role: Role): `/${Role}` {
  return `/${role}`;
}

/** For services: refuses before anything is read or written. */
export function assertCan(viewer: { role: unknown }, permission: Permission): void {
  if (!can(viewer.role, permission)) throw new Forbidden();
}
