import type { Role } from "@/db/schema";

export interface NavItem {
  href: string;
  /** A key under the `nav` messages. */
  label: string;
}

/** What each role's sidebar offers; every target checks the role again on the server. */
export const navigation: Record<Role, NavItem[]> = {
  agent: [
    { href: "/agent", label: "agentHome" },
    { href: "/dashboard", label: "dashboard" },
    { href: "/agent/records", label: "agentRecords" },
  ],
  supervisor: [
    { href: "/supervisor", label: "supervisorHome" },
    { href: "/dashboard", label: "dashboard" },
    { href: "/supervisor/issues", label: "supervisorIssues" },
  ],
  specialist: [
    { href: "/specialist", label: "specialistHome" },
    { href: "/dashboard", label: "dashboard" },
    { href: "/specialist/intake", label: "specialistIntake" },
    { href: "/specialist/reports", label: "specialistReports" },
    { href: "/bulletins", label: "bulletins" },
    { href: "/specialist/moderation", label: "specialistModeration" },
  ],
  manager: [
    { href: "/manager", label: "managerHome" },
    { href: "/dashboard", label: "dashboard" },
    { href: "/manager/verification", label: "managerVerification" },
    { href: "/manager/reports", label: "managerReports" },
    { href: "/bulletins", label: "bulletins" },
    { href: "/manager/actions", label: "managerActions" },
    { href: "/meetings", label: "meetings" },
    { href: "/manager/time-limits", label: "managerTimeLimits" },
  ],
  department: [
    { href: "/department", label: "departmentHome" },
    { href: "/dashboard", label: "dashboard" },
    { href: "/bulletins", label: "bulletins" },
    { href: "/meetings", label: "meetings" },
  ],
  leadership: [
    { href: "/leadership", label: "leadershipHome" },
    { href: "/dashboard", label: "dashboard" },
    { href: "/bulletins", label: "bulletins" },
    { href: "/meetings", label: "meetings" },
  ],
  admin: [
    { href: "/admin", label: "adminHome" },
    { href: "/dashboard", label: "dashboard" },
    { href: "/admin/tokens", label: "adminTokens" },
    { href: "/admin/settings", label: "adminSettings" },
    { href: "/bulletins", label: "bulletins" },
  ],
};
