import { and, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import { queryRows, type Executor } from "@/db/client";
import { issueTeamSuggestions, recordKinds, sites, teamDayCells, teams, type RecordKind } from "@/db/schema";
import { kindIndex } from "@/lib/stats/cells";
import type { StatsFilters } from "@/lib/stats/filters";
import { scopeSiteId, type StatsScope } from "@/lib/stats/scope";
import type { Names } from "./records";
import { localDay } from "./workflow";

/**
 * People: what sites and teams contribute. Teams, not agents, are compared, and volume is never
 * shown alone: next to it stand the share that was worth escalating and the ideas that became
 * practice (the seed's 金點子).
 */

export interface TeamContribution {
  siteId: number;
  site: Names;
  teamId: number;
  teamName: string;
  filed: number;
  /** Records linked to an issue. */
  escalated: number;
  escalatedShare: number | null;
  /** Suggestions whose issue was resolved in the range by an immediate new practice. */
  ideasPracticed: number;
}

function kindsOf(filters: StatsFilters): RecordKind[] {
  return filters.kind ? [filters.kind] : [...recordKinds];
}

const sumKinds = (column: SQL, kinds: RecordKind[]) => sql.join(kinds.map((k) => sql`${column}[${sql.raw(String(kindIndex(k)))}]`), sql` + `);

/** Per team in the viewer's reach: filed, escalated share, ideas practised. Category and channel filters do not apply. */
export async function listTeamContributions(db: Executor, filters: StatsFilters, scope: StatsScope): Promise<TeamContribution[]> {
  if (scope.level === "department") return [];
  const kinds = kindsOf(filters);
  const conditions: SQL[] = [];
  const siteId = scopeSiteId(scope) ?? filters.siteId;
  if (siteId !== undefined) conditions.push(eq(teams.siteId, siteId));
  if (scope.level === "team") conditions.push(eq(teams.id, scope.teamId));
  if (scope.level === "author" && scope.teamId !== null) conditions.push(eq(teams.id, scope.teamId));
  const teamRows = await db
    .select({ teamId: teams.id, teamName: teams.name, siteId: sites.id, nameHans: sites.nameHans, nameHant: sites.nameHant, nameEn: sites.nameEn })
    .from(teams)
    .innerJoin(sites, eq(sites.id, teams.siteId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(sites.id, teams.name);
  if (teamRows.length === 0) return [];
  const teamIds = teamRows.map((t) => t.teamId);
  const filed = sql<number>`coalesce(sum(${sumKinds(sql`${teamDayCells.filed}`, kinds)}), 0)`.mapWith(Number);
  const escalated = sql<number>`coalesce(sum(${sumKinds(sql`${teamDayCells.linked}`, kinds)}), 0)`.mapWith(Number);
  const counts = await db
    .select({ teamId: teamDayCells.teamId, filed, escalated })
    .from(teamDayCells)
    .where(and(inArray(teamDayCells.teamId, teamIds), gte(teamDayCells.day, filters.from), lte(teamDayCells.day, filters.to)))
    .groupBy(teamDayCells.teamId);
  // Ideas that became practice in the range: suggestions a team fed into issues resolved in it
  // by an immediate new practice, read from the per-issue counts the triggers keep.
  const ideas = kinds.includes("suggestion")
    ? await queryRows<{ team_id: number; n: number }>(
        db,
        sql`select s.team_id, sum(s.n)::int as n
            from issues i join ${issueTeamSuggestions} s on s.issue_id = i.id
            where i.status = 'resolved' and ${localDay(sql`i.resolved_at`)} between ${filters.from}::date and ${filters.to}::date
              and exists (select 1 from actions a where a.issue_id = i.id and a.disposition = 'immediate_practice' and a.status in ('done', 'verified'))
              and s.team_id in (${sql.join(teamIds.map((id) => sql`${id}`), sql`, `)})
            group by s.team_id`,
      )
    : [];
  const byTeam = new Map(counts.map((c) => [c.teamId, c]));
  const ideasByTeam = new Map(ideas.map((i) => [Number(i.team_id), Number(i.n)]));
  return teamRows.map((t) => {
    const c = byTeam.get(t.teamId);
    const teamFiled = c?.filed ?? 0;
    const teamEscalated = c?.escalated ?? 0;
    return {
      siteId: t.siteId,
      site: { nameHans: t.nameHans, nameHant: t.nameHant, nameEn: t.nameEn },
      teamId: t.teamId,
      teamName: t.teamName,
      filed: teamFiled,
      escalated: teamEscalated,
      escalatedShare: teamFiled > 0 ? teamEscalated / teamFiled : null,
      ideasPracticed: ideasByTeam.get(t.teamId) ?? 0,
    };
  });
}

/** A resolved issue the agent's records fed, with those records. */
export interface OwnOutcome {
  issueId: number;
  issueTitle: string;
  publicOutcome: string | null;
  resolvedAt: Date;
  records: { id: number; summary: string }[];
}

export interface OwnContribution {
  filed: number;
  byKind: Record<RecordKind, number>;
  escalated: number;
  dismissed: number;
  /** Distinct issues the agent's records fed that are now resolved. */
  issuesResolved: number;
  ideasPracticed: number;
  outcomes: OwnOutcome[];
}

/** An agent's own records in the range and what became of them. */
export async function getOwnContribution(db: Executor, filters: StatsFilters, authorId: number): Promise<OwnContribution> {
  const inRange = sql`r.author_id = ${authorId} and ${localDay(sql`r.occurred_at`)} between ${filters.from}::date and ${filters.to}::date`;
  const kindRows = await queryRows<{ kind: RecordKind; n: number; escalated: number; dismissed: number }>(
    db,
    sql`select r.kind, count(*)::int as n, (count(*) filter (where r.issue_id is not null))::int as escalated,
          (count(*) filter (where r.status = 'dismissed'))::int as dismissed
        from records r where ${inRange} group by r.kind`,
  );
  const [resolved] = await queryRows<{ issues: number; ideas: number }>(
    db,
    sql`select count(distinct i.id)::int as issues,
          (count(*) filter (where r.kind = 'suggestion' and exists (
            select 1 from actions a where a.issue_id = i.id and a.disposition = 'immediate_practice' and a.status in ('done', 'verified'))))::int as ideas
        from records r join issues i on i.id = r.issue_id where ${inRange} and i.status = 'resolved'`,
  );
  const outcomeRows = await queryRows<{ record_id: number; summary: string; issue_id: number; title: string; public_outcome: string | null; resolved_at: string | Date }>(
    db,
    sql`with latest as (
          select i.id, i.title, i.public_outcome, i.resolved_at
          from issues i where i.status = 'resolved' and exists (select 1 from records r where r.issue_id = i.id and ${inRange})
          order by i.resolved_at desc, i.id desc limit 10
        )
        select r.id as record_id, r.summary, l.id as issue_id, l.title, l.public_outcome, l.resolved_at
        from latest l join records r on r.issue_id = l.id and ${inRange}
        order by l.resolved_at desc, l.id desc, r.occurred_at desc, r.id desc`,
  );
  const outcomes: OwnOutcome[] = [];
  for (const o of outcomeRows) {
    const issueId = Number(o.issue_id);
    let outcome = outcomes.at(-1);
    if (outcome?.issueId !== issueId) {
      outcome = { issueId, issueTitle: o.title, publicOutcome: o.public_outcome, resolvedAt: new Date(o.resolved_at), records: [] };
      outcomes.push(outcome);
    }
    outcome.records.push({ id: Number(o.record_id), summary: o.summary });
  }
  const byKind = Object.fromEntries(recordKinds.map((k) => [k, 0])) as Record<RecordKind, number>;
  let filed = 0;
  let escalated = 0;
  let dismissed = 0;
  for (const r of kindRows) {
    byKind[r.kind] = Number(r.n);
    filed += Number(r.n);
    escalated += Number(r.escalated);
    dismissed += Number(r.dismissed);
  }
  return {
    filed,
    byKind,
    escalated,
    dismissed,
    issuesResolved: Number(resolved?.issues ?? 0),
    ideasPracticed: Number(resolved?.ideas ?? 0),
    outcomes,
  };
}
