import type { Database } from "@/db/client";
import { parseStatsFilters } from "@/lib/stats/filters";
import { isStatsFigure, runStatsFigure, statsFigureNames } from "@/lib/stats/registry";
import { problem, type ProblemFieldError } from "./problem";
import { authorize, guarded, json } from "./records";

/**
 * GET /api/v1/stats/{figure}: the dashboards' figures for other systems (the bank's BI, a wall
 * display). The same query module as the pages; a token sees every site (scope `stats:read`).
 */

const filterMessages: Record<string, string> = {
  "stats.filters.date": "Use a calendar date, YYYY-MM-DD.",
  "stats.filters.order": "`from` must not be after `to`.",
  "stats.filters.range": "At most five years at a time.",
};

/** The query parameters a figure takes, as the filters on the dashboards. */
export const statsParameterNames = ["from", "to", "grain", "siteId", "categoryId", "channel", "kind"] as const;

/** `readDb` is where the figure is read (a replica may serve it); the token is checked on `db`, which records its use. */
export async function handleGetStats(db: Database, request: Request, figure: string, readDb: Database = db): Promise<Response> {
  return guarded(`GET /api/v1/stats/${figure.slice(0, 40)}`, async () => {
    const auth = await authorize(db, request, "stats:read");
    if (!auth.ok) return auth.response;
    if (!isStatsFigure(figure)) {
      return problem("not_found", `There is no figure "${figure.slice(0, 40)}". The figures are: ${statsFigureNames.join(", ")}.`);
    }
    const params = new URL(request.url).searchParams;
    const unknown = [...new Set(params.keys())].filter((name) => !(statsParameterNames as readonly string[]).includes(name));
    const errors: ProblemFieldError[] = unknown.map((field) => ({ field, message: `Not a parameter of this figure; use ${statsParameterNames.join(", ")}.` }));
    const parsed = parseStatsFilters(params);
    if (!parsed.ok) errors.push(...parsed.errors.map((e) => ({ field: e.field, message: filterMessages[e.message] ?? e.message })));
    if (errors.length > 0 || !parsed.ok) {
      return problem("invalid_request", `Check these query parameters: ${errors.map((e) => e.field).join(", ")}.`, { errors });
    }
    const data = await runStatsFigure(readDb, figure, parsed.filters, { level: "all" });
    return json({ figure, filters: parsed.filters, generatedAt: new Date().toISOString(), data });
  });
}
