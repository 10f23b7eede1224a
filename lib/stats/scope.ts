import type { Viewer } from "@/lib/viewer";
import { Forbidden } from "@/lib/errors";

/**
 * Whose figures a viewer may see on the dashboards: agents their own records (and their site's
 * trends), supervisors their team, specialists their site, departments their own actions;
 * managers, leadership and admins everything. Applied in SQL by every stats query.
 */
export type StatsScope =
  | { level: "all" }
  | { level: "site"; siteId: number }
  | { level: "team"; siteId: number; teamId: number }
  | { level: "author"; siteId: number; teamId: number | null; authorId: number }
  | { level: "department"; departmentId: number };

export function statsScopeFor(viewer: Pick<Viewer, "id" | "role" | "siteId" | "teamId" | "departmentId">): StatsScope {
  switch (viewer.role) {
    case "manager":
    case "leadership":
    case "admin":
      return { level: "all" };
    case "specialist":
      if (viewer.siteId) return { level: "site", siteId: viewer.siteId };
      break;
    case "supervisor":
      if (viewer.siteId && viewer.teamId) return { level: "team", siteId: viewer.siteId, teamId: viewer.teamId };
      break;
    case "agent":
      if (viewer.siteId) return { level: "author", siteId: viewer.siteId, teamId: viewer.teamId, authorId: viewer.id };
      break;
    case "department":
      if (viewer.departmentId) return { level: "department", departmentId: viewer.departmentId };
      break;
  }
  throw new Forbidden();
}

/** The site a scope is held to, if any: record trends of narrower scopes are shown for their site. */
export function scopeSiteId(scope: StatsScope): number | undefined {
  return scope.level === "site" || scope.level === "team" || scope.level === "author" ? scope.siteId : undefined;
}

/** Record trends (by category, channel, region…) are not kept per department. */
export function scopeSeesRecordTrends(scope: StatsScope): boolean {
  return scope.level !== "department";
}
