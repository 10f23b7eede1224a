CREATE TABLE "record_cell_deltas" (
	"occurred_at" timestamp with time zone NOT NULL,
	"site_id" integer,
	"category_id" integer NOT NULL,
	"kind" "record_kind" NOT NULL,
	"channel" "channel" NOT NULL,
	"region_code" varchar(6),
	"team_id" integer,
	"issue_id" integer,
	"n" integer NOT NULL
);
--> statement-breakpoint
-- Records' writes append what they owe the cells to record_cell_deltas instead of updating the
-- cells in the writer's transaction: an insert no longer holds a hot cell's row lock until it
-- commits, so concurrent writers of the same day, site and category stop queueing on each other.
-- voc_fold_cell_deltas() moves the committed deltas into the cells in one set-based pass; every
-- dashboard read calls it first (on the primary) and the app calls it every few seconds.
-- An issue's record count, first record and suggestions by team stay synchronous: the workflow
-- reads them, and only records linked to an issue touch them.
CREATE FUNCTION voc_apply_cell_deltas(changed record_cell_deltas[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  kinds integer := array_length(enum_range(NULL::record_kind), 1);
  record_len integer := voc_record_cell_length();
BEGIN
  INSERT INTO record_day_cells AS c (day, site_id, category_id, counts, refreshed_at)
  SELECT g.day, g.site_id, g.category_id, voc_array_from_pairs(record_len, array_agg(s.slot), array_agg(g.n)), now()
  FROM (
    SELECT voc_local_day(r.occurred_at) AS day, coalesce(r.site_id, 0) AS site_id, r.category_id, r.kind, r.channel, sum(r.n)::integer AS n
    FROM unnest(changed) AS r GROUP BY 1, 2, 3, 4, 5
  ) AS g CROSS JOIN LATERAL unnest(voc_record_slots(g.kind, g.channel)) AS s(slot)
  GROUP BY g.day, g.site_id, g.category_id
  ORDER BY g.day, g.site_id, g.category_id
  ON CONFLICT (day, site_id, category_id) DO UPDATE
    SET counts = voc_int_array_add(c.counts, excluded.counts), refreshed_at = excluded.refreshed_at;

  INSERT INTO record_week_cells AS c (week, site_id, category_id, counts, refreshed_at)
  SELECT g.week, g.site_id, g.category_id, voc_array_from_pairs(record_len, array_agg(s.slot), array_agg(g.n)), now()
  FROM (
    SELECT voc_local_week(r.occurred_at) AS week, coalesce(r.site_id, 0) AS site_id, r.category_id, r.kind, r.channel, sum(r.n)::integer AS n
    FROM unnest(changed) AS r GROUP BY 1, 2, 3, 4, 5
  ) AS g CROSS JOIN LATERAL unnest(voc_record_slots(g.kind, g.channel)) AS s(slot)
  GROUP BY g.week, g.site_id, g.category_id
  ORDER BY g.week, g.site_id, g.category_id
  ON CONFLICT (week, site_id, category_id) DO UPDATE
    SET counts = voc_int_array_add(c.counts, excluded.counts), refreshed_at = excluded.refreshed_at;

  INSERT INTO region_day_cells AS c (kind_slot, day, site_id, category_id, counts, refreshed_at)
  SELECT ks.kind_slot, g.day, g.site_id, g.category_id, voc_array_from_pairs(35, array_agg(voc_province_index(g.prefix)), array_agg(g.n)), now()
  FROM (
    SELECT voc_local_day(r.occurred_at) AS day, coalesce(r.site_id, 0) AS site_id, r.category_id, r.kind, left(r.region_code, 2) AS prefix,
      sum(r.n)::integer AS n
    FROM unnest(changed) AS r GROUP BY 1, 2, 3, 4, 5
  ) AS g CROSS JOIN LATERAL (VALUES (0), (voc_kind_index(g.kind))) AS ks(kind_slot)
  GROUP BY ks.kind_slot, g.day, g.site_id, g.category_id
  ORDER BY ks.kind_slot, g.day, g.site_id, g.category_id
  ON CONFLICT (kind_slot, day, site_id, category_id) DO UPDATE
    SET counts = voc_int_array_add(c.counts, excluded.counts), refreshed_at = excluded.refreshed_at;

  INSERT INTO region_week_cells AS c (kind_slot, week, site_id, category_id, counts, refreshed_at)
  SELECT ks.kind_slot, g.week, g.site_id, g.category_id, voc_array_from_pairs(35, array_agg(voc_province_index(g.prefix)), array_agg(g.n)), now()
  FROM (
    SELECT voc_local_week(r.occurred_at) AS week, coalesce(r.site_id, 0) AS site_id, r.category_id, r.kind, left(r.region_code, 2) AS prefix,
      sum(r.n)::integer AS n
    FROM unnest(changed) AS r GROUP BY 1, 2, 3, 4, 5
  ) AS g CROSS JOIN LATERAL (VALUES (0), (voc_kind_index(g.kind))) AS ks(kind_slot)
  GROUP BY ks.kind_slot, g.week, g.site_id, g.category_id
  ORDER BY ks.kind_slot, g.week, g.site_id, g.category_id
  ON CONFLICT (kind_slot, week, site_id, category_id) DO UPDATE
    SET counts = voc_int_array_add(c.counts, excluded.counts), refreshed_at = excluded.refreshed_at;

  INSERT INTO team_day_cells AS c (day, team_id, filed, linked, refreshed_at)
  SELECT g.day, g.team_id, voc_array_from_pairs(kinds, array_agg(g.slot), array_agg(g.n)),
    voc_array_from_pairs(kinds, array_agg(g.slot), array_agg(g.linked)), now()
  FROM (
    SELECT voc_local_day(r.occurred_at) AS day, r.team_id, voc_kind_index(r.kind) AS slot,
      sum(r.n)::integer AS n, coalesce(sum(r.n) FILTER (WHERE r.issue_id IS NOT NULL), 0)::integer AS linked
    FROM unnest(changed) AS r WHERE r.team_id IS NOT NULL GROUP BY 1, 2, 3
  ) AS g
  GROUP BY g.day, g.team_id
  ORDER BY g.day, g.team_id
  ON CONFLICT (day, team_id) DO UPDATE
    SET filed = voc_int_array_add(c.filed, excluded.filed), linked = voc_int_array_add(c.linked, excluded.linked),
      refreshed_at = excluded.refreshed_at;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION voc_apply_issue_rows(changed records[], sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF changed IS NULL OR cardinality(changed) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO issue_team_suggestions AS c (issue_id, team_id, n)
  SELECT r.issue_id, r.team_id, sign * count(*)::integer
  FROM unnest(changed) AS r
  WHERE r.issue_id IS NOT NULL AND r.team_id IS NOT NULL AND r.kind = 'suggestion'
  GROUP BY r.issue_id, r.team_id
  ORDER BY r.issue_id, r.team_id
  ON CONFLICT (issue_id, team_id) DO UPDATE SET n = c.n + excluded.n;

  -- Removing records recounts the issue's earliest record; adding can only move it earlier.
  UPDATE issues AS i
  SET record_count = i.record_count + d.n,
    first_record_at = CASE WHEN sign > 0 THEN least(i.first_record_at, d.first_at)
      ELSE (SELECT min(r.occurred_at) FROM records AS r WHERE r.issue_id = i.id) END
  FROM (
    SELECT r.issue_id, sign * count(*)::integer AS n, min(r.occurred_at) AS first_at
    FROM unnest(changed) AS r WHERE r.issue_id IS NOT NULL GROUP BY r.issue_id ORDER BY r.issue_id
  ) AS d
  WHERE i.id = d.issue_id;
END;
$$;
--> statement-breakpoint
-- Moves every committed delta into the cells, 50,000 at a time. One fold runs at a time (an
-- advisory lock): a caller that finds one running returns at once unless it asks to wait. On a
-- replica or in a read-only transaction it does nothing (the primary's folds reach the replica).
CREATE FUNCTION voc_fold_cell_deltas(wait boolean DEFAULT false) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  batch record_cell_deltas[];
  moved bigint := 0;
BEGIN
  IF pg_is_in_recovery() OR current_setting('transaction_read_only') = 'on' THEN
    RETURN 0;
  END IF;
  IF wait THEN
    PERFORM pg_advisory_xact_lock(734600501);
  ELSIF NOT pg_try_advisory_xact_lock(734600501) THEN
    RETURN 0;
  END IF;
  LOOP
    WITH taken AS (
      DELETE FROM record_cell_deltas
      WHERE ctid = ANY (ARRAY(SELECT d.ctid FROM record_cell_deltas AS d LIMIT 50000))
      RETURNING *
    )
    SELECT array_agg(ROW(t.*)::record_cell_deltas) INTO batch FROM taken AS t;
    EXIT WHEN batch IS NULL;
    PERFORM voc_apply_cell_deltas(batch);
    moved := moved + cardinality(batch);
  END LOOP;
  RETURN moved;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION voc_records_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO record_cell_deltas (occurred_at, site_id, category_id, kind, channel, region_code, team_id, issue_id, n)
  SELECT r.occurred_at, r.site_id, r.category_id, r.kind, r.channel, r.region_code, r.team_id, r.issue_id, 1 FROM new_rows AS r;
  PERFORM voc_apply_issue_rows(ARRAY(SELECT r::records FROM new_rows AS r WHERE r.issue_id IS NOT NULL), 1);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION voc_records_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO record_cell_deltas (occurred_at, site_id, category_id, kind, channel, region_code, team_id, issue_id, n)
  SELECT r.occurred_at, r.site_id, r.category_id, r.kind, r.channel, r.region_code, r.team_id, r.issue_id, -1 FROM old_rows AS r;
  PERFORM voc_apply_issue_rows(ARRAY(SELECT r::records FROM old_rows AS r WHERE r.issue_id IS NOT NULL), -1);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Only rows whose counted columns changed move between cells; a status or text edit costs a join.
CREATE OR REPLACE FUNCTION voc_records_updated() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  before_rows records[];
  after_rows records[];
BEGIN
  SELECT array_agg(o::records), array_agg(n::records) INTO before_rows, after_rows
  FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id
  WHERE (o.occurred_at, o.site_id, o.category_id, o.kind, o.channel, o.region_code, o.team_id, o.issue_id)
    IS DISTINCT FROM (n.occurred_at, n.site_id, n.category_id, n.kind, n.channel, n.region_code, n.team_id, n.issue_id);
  IF before_rows IS NOT NULL THEN
    INSERT INTO record_cell_deltas (occurred_at, site_id, category_id, kind, channel, region_code, team_id, issue_id, n)
    SELECT r.occurred_at, r.site_id, r.category_id, r.kind, r.channel, r.region_code, r.team_id, r.issue_id, -1 FROM unnest(before_rows) AS r
    UNION ALL
    SELECT r.occurred_at, r.site_id, r.category_id, r.kind, r.channel, r.region_code, r.team_id, r.issue_id, 1 FROM unnest(after_rows) AS r;
    PERFORM voc_apply_issue_rows(ARRAY(SELECT r FROM unnest(before_rows) AS r WHERE r.issue_id IS NOT NULL), -1);
    PERFORM voc_apply_issue_rows(ARRAY(SELECT r FROM unnest(after_rows) AS r WHERE r.issue_id IS NOT NULL), 1);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP FUNCTION voc_apply_record_rows(records[], integer);
--> statement-breakpoint
DROP FUNCTION voc_apply_record_day_rows(records[], integer);
--> statement-breakpoint
-- A rebuild counts the records themselves, so the deltas waiting are already in what it counts.
CREATE OR REPLACE FUNCTION voc_rebuild_dashboard_cells() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(734600501);
  DELETE FROM record_cell_deltas;
  PERFORM voc_rebuild_day_cells();
  PERFORM voc_rebuild_week_cells();
END;
$$;
--> statement-breakpoint
-- The check folds first (waiting for a fold under way), so it compares what a dashboard shows.
CREATE OR REPLACE FUNCTION voc_dashboard_cell_mismatches() RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
  PERFORM voc_fold_cell_deltas(true);
  RETURN voc_day_cell_mismatches() + voc_week_cell_mismatches();
END;
$$;
