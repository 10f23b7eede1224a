import { sql } from "drizzle-orm";
import { queryRows, type Executor } from "@/db/client";
import type { Viewer } from "@/lib/viewer";
import { complaintDays } from "./records";

/**
 * The write of an import batch's commit in one set-based statement that reads the batch's
 * stored rows where they are, in the database, instead of sending a few MB of rows to the app
 * and back: it checks the rows again against the current world, writes every record with its
 * audit row (the records' statement-level triggers update the dashboard cells once for the
 * batch) and marks the batch committed. The stored rows are left as they are (a few MB not
 * written again): which record each became is in the `import.committed` audit row.
 *
 * The stored rows are the preview's: values normalized and validated, text already masked,
 * `errors` empty for the rows that may become records (lib/services/imports.ts checkRows).
 */

/** Either the rows no longer valid (nothing written), or each saved row's record id and the rows skipped, in the batch's order. */
export type WriteOutcome = { stale: number[] } | { saved: Map<number, number>; skipped: number[] };

/**
 * The batch's valid rows as records of `viewer`, each the way `createRecord` makes one (the
 * author's site, the complaint clock, `record.created` audit row), in one statement; or, when
 * the world moved since the preview, nothing written and the rows that are no longer valid: a
 * category gone or retired, a region unknown, an external id some record of the channel has.
 * Ids are drawn from the records' identity before the insert, so each row keeps its own id.
 * The batch, which the caller has claimed, is marked committed in `mode`; the rows the preview
 * found invalid are skipped.
 */
export async function writeBatchRecords(tx: Executor, viewer: Viewer, batchId: number, mode: string): Promise<WriteOutcome> {
  const rows = await queryRows<{ state: "stale" | "saved" | "skipped"; row: number; id: number | string | null }>(tx, writeStatement(viewer, batchId, mode));
  const of = (state: string) => rows.filter((r) => r.state === state);
  const stale = of("stale").map((r) => Number(r.row));
  if (stale.length > 0) return { stale };
  return { saved: new Map(of("saved").map((r) => [Number(r.row), Number(r.id)])), skipped: of("skipped").map((r) => Number(r.row)) };
}

function writeStatement(viewer: Viewer, batchId: number, mode: string) {
  const teamId = viewer.role === "agent" ? viewer.teamId : null;
  return sql`
    with elements as materialized (
      select e.value, e.ordinality as ord, (e.value ->> 'row')::int as "row", e.value -> 'errors' = '{}'::jsonb as valid
      from import_batches as b
      cross join lateral jsonb_array_elements(b.rows) with ordinality as e
      where b.id = ${batchId}::int
    ),
    src as materialized (
      select e."row", e.ord, coalesce((e.value ->> 'masked')::int, 0) as masked,
        v.kind::record_kind as kind, v.channel::channel as channel, nullif(v.source, '') as source,
        nullif(v."sourceUrl", '') as source_url, nullif(v."externalId", '') as external_id,
        nullif(v.region, '') as region_code, v.summary, v."customerWords" as customer_words,
        coalesce(nullif(v.urgency, ''), 'normal')::urgency as urgency,
        coalesce(nullif(v."occurredAt", '')::timestamptz, now()) as occurred_at,
        c.id as category_id, coalesce(c.active, false) as category_active
      from elements as e
      cross join lateral jsonb_to_record(e.value -> 'values') as v(
        kind text, channel text, source text, "sourceUrl" text, "externalId" text, "categoryCode" text,
        region text, summary text, "customerWords" text, urgency text, "occurredAt" text)
      left join categories as c on c.code = v."categoryCode"
      where e.valid
    ),
    stale as materialized (
      select src."row", src.ord from src
      where not src.category_active
        or (src.region_code is not null and not exists (select 1 from regions as g where g.code = src.region_code))
        or (src.external_id is not null and exists (select 1 from records as r where r.channel = src.channel and r.external_id = src.external_id))
    ),
    fresh as materialized (
      -- The sequence looked up once, not for every row.
      select nextval((select pg_get_serial_sequence('records', 'id'))::regclass) as id, src.*
      from src
      where not exists (select 1 from stale)
      order by src.ord
    ),
    written as (
      insert into records
        (id, kind, channel, source, source_url, external_id, site_id, team_id, category_id, region_code,
         summary, customer_words, urgency, valuable, status, author_id, due_at, occurred_at)
      overriding system value
      select f.id, f.kind, f.channel, f.source, f.source_url, f.external_id, ${viewer.siteId}::int, ${teamId}::int, f.category_id, f.region_code,
        f.summary, f.customer_words, f.urgency, false, 'new', ${viewer.id}::int,
        -- Whole days of 24 hours, as createRecord counts them, whatever the session's time zone.
        case when f.kind = 'complaint' then f.occurred_at + make_interval(hours => ${complaintDays * 24}::int) end, f.occurred_at
      from fresh as f
    ),
    audited as (
      insert into audit_log (actor_id, actor_role, action, entity_type, entity_id, data)
      select ${viewer.id}::int, ${viewer.role}, 'record.created', 'record', f.id::text,
        jsonb_build_object('channel', f.channel, 'via', 'import', 'batchId', ${batchId}::int, 'row', f."row")
          || case when f.masked > 0 then jsonb_build_object('masked', f.masked) else '{}'::jsonb end
      from fresh as f
    ),
    marked as (
      update import_batches as b
      set status = 'committed', committed_mode = ${mode}, committed_count = (select count(*) from fresh), committed_at = now()
      where b.id = ${batchId}::int and not exists (select 1 from stale)
    )
    -- The writes run to completion whether or not anything reads them. No join between these
    -- CTEs: the planner cannot see how many rows they hold and would nest the loops.
    select 'stale' as state, "row", null::bigint as id, ord from stale
    union all
    select 'saved', "row", id, ord from fresh
    union all
    select 'skipped', "row", null, ord from elements where not valid
    order by ord
  `;
}
