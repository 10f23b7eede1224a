CREATE TABLE "record_week_cells" (
	"week" date NOT NULL,
	"site_id" integer NOT NULL,
	"category_id" integer NOT NULL,
	"counts" integer[] NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_week_cells_week_site_id_category_id_pk" PRIMARY KEY("week","site_id","category_id")
);
--> statement-breakpoint
CREATE TABLE "region_week_cells" (
	"kind_slot" smallint NOT NULL,
	"week" date NOT NULL,
	"site_id" integer NOT NULL,
	"category_id" integer NOT NULL,
	"counts" integer[] NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "region_week_cells_kind_slot_week_site_id_category_id_pk" PRIMARY KEY("kind_slot","week","site_id","category_id")
);
--> statement-breakpoint
-- Week cells: the day cells summed by ISO week (Monday first) in the center's zone, kept by the
-- same statement-level triggers. The day-cell functions keep their bodies under new names and the
-- old names now do both, so the triggers, the rebuild and the check cover the weeks too.
CREATE FUNCTION voc_local_week(t timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT date_trunc('week', t AT TIME ZONE 'Asia/Shanghai')::date $$;
--> statement-breakpoint
ALTER FUNCTION voc_apply_record_rows(records[], integer) RENAME TO voc_apply_record_day_rows;
--> statement-breakpoint
ALTER FUNCTION voc_rebuild_dashboard_cells() RENAME TO voc_rebuild_day_cells;
--> statement-breakpoint
ALTER FUNCTION voc_dashboard_cell_mismatches() RENAME TO voc_day_cell_mismatches;
--> statement-breakpoint
CREATE FUNCTION voc_apply_record_rows(changed records[], sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  record_len integer := voc_record_cell_length();
BEGIN
  PERFORM voc_apply_record_day_rows(changed, sign);

  INSERT INTO record_week_cells AS c (week, site_id, category_id, counts, refreshed_at)
  SELECT g.week, g.site_id, g.category_id, voc_array_from_pairs(record_len, array_agg(s.slot), array_agg(g.n)), now()
  FROM (
    SELECT voc_local_week(r.occurred_at) AS week, coalesce(r.site_id, 0) AS site_id, r.category_id, r.kind, r.channel, sign * count(*)::integer AS n
    FROM unnest(changed) AS r GROUP BY 1, 2, 3, 4, 5
  ) AS g CROSS JOIN LATERAL unnest(voc_record_slots(g.kind, g.channel)) AS s(slot)
  GROUP BY g.week, g.site_id, g.category_id
  ORDER BY g.week, g.site_id, g.category_id
  ON CONFLICT (week, site_id, category_id) DO UPDATE
    SET counts = voc_int_array_add(c.counts, excluded.counts), refreshed_at = excluded.refreshed_at;

  INSERT INTO region_week_cells AS c (kind_slot, week, site_id, category_id, counts, refreshed_at)
  SELECT ks.kind_slot, g.week, g.site_id, g.category_id, voc_array_from_pairs(35, array_agg(voc_province_index(g.prefix)), array_agg(g.n)), now()
  FROM (
    SELECT voc_local_week(r.occurred_at) AS week, coalesce(r.site_id, 0) AS site_id, r.category_id, r.kind, left(r.region_code, 2) AS prefix,
      sign * count(*)::integer AS n
    FROM unnest(changed) AS r GROUP BY 1, 2, 3, 4, 5
  ) AS g CROSS JOIN LATERAL (VALUES (0), (voc_kind_index(g.kind))) AS ks(kind_slot)
  GROUP BY ks.kind_slot, g.week, g.site_id, g.category_id
  ORDER BY ks.kind_slot, g.week, g.site_id, g.category_id
  ON CONFLICT (kind_slot, week, site_id, category_id) DO UPDATE
    SET counts = voc_int_array_add(c.counts, excluded.counts), refreshed_at = excluded.refreshed_at;
END;
$$;
--> statement-breakpoint
-- The week cells from the day cells: a week is the sum of its seven days, slot by slot.
CREATE FUNCTION voc_rebuild_week_cells() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM record_week_cells;
  DELETE FROM region_week_cells;
  INSERT INTO record_week_cells (week, site_id, category_id, counts, refreshed_at)
  SELECT w.week, w.site_id, w.category_id, array_agg(w.n ORDER BY w.slot), max(w.refreshed_at)
  FROM (
    SELECT date_trunc('week', c.day)::date AS week, c.site_id, c.category_id, u.slot, sum(u.n)::integer AS n, max(c.refreshed_at) AS refreshed_at
    FROM record_day_cells AS c, unnest(c.counts) WITH ORDINALITY AS u(n, slot) GROUP BY 1, 2, 3, 4
  ) AS w GROUP BY w.week, w.site_id, w.category_id;
  INSERT INTO region_week_cells (kind_slot, week, site_id, category_id, counts, refreshed_at)
  SELECT w.kind_slot, w.week, w.site_id, w.category_id, array_agg(w.n ORDER BY w.slot), max(w.refreshed_at)
  FROM (
    SELECT c.kind_slot, date_trunc('week', c.day)::date AS week, c.site_id, c.category_id, u.slot, sum(u.n)::integer AS n, max(c.refreshed_at) AS refreshed_at
    FROM region_day_cells AS c, unnest(c.counts) WITH ORDINALITY AS u(n, slot) GROUP BY 1, 2, 3, 4, 5
  ) AS w GROUP BY w.kind_slot, w.week, w.site_id, w.category_id;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION voc_rebuild_dashboard_cells() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM voc_rebuild_day_cells();
  PERFORM voc_rebuild_week_cells();
END;
$$;
--> statement-breakpoint
-- Week cells that differ from a count over the raw records (not over the day cells, so a fault
-- in either shows).
CREATE FUNCTION voc_week_cell_mismatches() RETURNS bigint LANGUAGE sql STABLE AS $$
  WITH
  cell AS (
    SELECT 'record' AS t, c.week, c.site_id AS a, c.category_id AS b, u.slot, u.n FROM record_week_cells AS c, unnest(c.counts) WITH ORDINALITY AS u(n, slot) WHERE u.n <> 0
    UNION ALL
    SELECT 'region', c.week, c.site_id, c.category_id, c.kind_slot * 100 + u.slot, u.n FROM region_week_cells AS c, unnest(c.counts) WITH ORDINALITY AS u(n, slot) WHERE u.n <> 0
  ),
  raw AS (
    SELECT 'record' AS t, voc_local_week(r.occurred_at) AS week, coalesce(r.site_id, 0) AS a, r.category_id AS b, s.slot::bigint AS slot, count(*)::integer AS n
    FROM records AS r CROSS JOIN LATERAL unnest(voc_record_slots(r.kind, r.channel)) AS s(slot) GROUP BY 1, 2, 3, 4, 5
    UNION ALL
    SELECT 'region', voc_local_week(r.occurred_at), coalesce(r.site_id, 0), r.category_id, (ks.kind_slot * 100 + voc_province_index(r.region_code))::bigint, count(*)::integer
    FROM records AS r CROSS JOIN LATERAL (VALUES (0), (voc_kind_index(r.kind))) AS ks(kind_slot) GROUP BY 1, 2, 3, 4, 5
  )
  SELECT count(*) FROM cell FULL JOIN raw USING (t, week, a, b, slot) WHERE cell.n IS DISTINCT FROM raw.n
$$;
--> statement-breakpoint
CREATE FUNCTION voc_dashboard_cell_mismatches() RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT voc_day_cell_mismatches() + voc_week_cell_mismatches()
$$;
--> statement-breakpoint
SELECT voc_rebuild_week_cells();
