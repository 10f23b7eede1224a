CREATE TABLE "issue_team_suggestions" (
	"issue_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "issue_team_suggestions_issue_id_team_id_pk" PRIMARY KEY("issue_id","team_id")
);
--> statement-breakpoint
CREATE TABLE "record_day_cells" (
	"day" date NOT NULL,
	"site_id" integer NOT NULL,
	"category_id" integer NOT NULL,
	"counts" integer[] NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_day_cells_day_site_id_category_id_pk" PRIMARY KEY("day","site_id","category_id")
);
--> statement-breakpoint
CREATE TABLE "region_day_cells" (
	"kind_slot" smallint NOT NULL,
	"day" date NOT NULL,
	"site_id" integer NOT NULL,
	"category_id" integer NOT NULL,
	"counts" integer[] NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "region_day_cells_kind_slot_day_site_id_category_id_pk" PRIMARY KEY("kind_slot","day","site_id","category_id")
);
--> statement-breakpoint
CREATE TABLE "team_day_cells" (
	"day" date NOT NULL,
	"team_id" integer NOT NULL,
	"filed" integer[] NOT NULL,
	"linked" integer[] NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_day_cells_day_team_id_pk" PRIMARY KEY("day","team_id")
);
--> statement-breakpoint
ALTER TABLE "issues" ADD COLUMN "record_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "issues" ADD COLUMN "first_record_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "issue_team_suggestions_team_idx" ON "issue_team_suggestions" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "records_occurred_idx" ON "records" USING btree ("occurred_at");--> statement-breakpoint
-- The dashboard cells are kept by statement-level triggers on records, in the writer's
-- transaction: a new, corrected, linked or deleted record is in the figures at commit.
-- Array slots follow the enums' order; a new enum value needs voc_rebuild_dashboard_cells().
CREATE FUNCTION voc_local_day(t timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT (t AT TIME ZONE 'Asia/Shanghai')::date $$;
--> statement-breakpoint
CREATE FUNCTION voc_kind_index(k record_kind) RETURNS integer
  LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT array_position(enum_range(NULL::record_kind), k) $$;
--> statement-breakpoint
CREATE FUNCTION voc_channel_index(c channel) RETURNS integer
  LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT array_position(enum_range(NULL::channel), c) $$;
--> statement-breakpoint
-- The 34 provincial-level divisions by GB/T 2260 prefix, then 35 for "no region".
CREATE FUNCTION voc_province_index(code varchar) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_position(ARRAY['11','12','13','14','15','21','22','23','31','32','33','34','35','36','37','41','42','43','44','45','46','50','51','52','53','54','61','62','63','64','65','71','81','82']::text[], left(code, 2)), 35)
$$;
--> statement-breakpoint
-- Each record counts in three slots of its record cell: its kind × channel, its kind's total and
-- its channel's total, so a figure without a kind or channel filter reads 5 or 6 slots, not 30.
-- In the region cells it counts twice: in its kind's row and in the all-kinds row (kind_slot 0).
CREATE FUNCTION voc_record_cell_length() RETURNS integer
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT k * c + k + c FROM (SELECT array_length(enum_range(NULL::record_kind), 1) AS k, array_length(enum_range(NULL::channel), 1) AS c) AS n
$$;
--> statement-breakpoint
CREATE FUNCTION voc_record_slots(kind record_kind, ch channel) RETURNS integer[]
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT ARRAY[(voc_kind_index(kind) - 1) * c + voc_channel_index(ch), k * c + voc_kind_index(kind), k * c + k + voc_channel_index(ch)]
  FROM (SELECT array_length(enum_range(NULL::record_kind), 1) AS k, array_length(enum_range(NULL::channel), 1) AS c) AS n
$$;
--> statement-breakpoint
CREATE FUNCTION voc_int_array_add(a integer[], b integer[]) RETURNS integer[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_agg(coalesce(x, 0) + coalesce(y, 0) ORDER BY i) FROM unnest(a, b) WITH ORDINALITY AS u(x, y, i)
$$;
--> statement-breakpoint
-- An array of `len` counts from (slot, count) pairs; a slot given twice is summed.
CREATE FUNCTION voc_array_from_pairs(len integer, slots integer[], ns integer[]) RETURNS integer[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_agg(coalesce(u.n, 0) ORDER BY i)
  FROM generate_series(1, len) AS i
  LEFT JOIN (SELECT x.slot, sum(x.n)::integer AS n FROM unnest(slots, ns) AS x(slot, n) GROUP BY x.slot) AS u ON u.slot = i
$$;
--> statement-breakpoint
CREATE FUNCTION voc_apply_record_rows(changed records[], sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  kinds integer := array_length(enum_range(NULL::record_kind), 1);
  record_len integer := voc_record_cell_length();
BEGIN
  INSERT INTO record_day_cells AS c (day, site_id, category_id, counts, refreshed_at)
  SELECT g.day, g.site_id, g.category_id, voc_array_from_pairs(record_len, array_agg(s.slot), array_agg(g.n)), now()
  FROM (
    SELECT voc_local_day(r.occurred_at) AS day, coalesce(r.site_id, 0) AS site_id, r.category_id, r.kind, r.channel, sign * count(*)::integer AS n
    FROM unnest(changed) AS r GROUP BY 1, 2, 3, 4, 5
  ) AS g CROSS JOIN LATERAL unnest(voc_record_slots(g.kind, g.channel)) AS s(slot)
  GROUP BY g.day, g.site_id, g.category_id
  ORDER BY g.day, g.site_id, g.category_id
  ON CONFLICT (day, site_id, category_id) DO UPDATE
    SET counts = voc_int_array_add(c.counts, excluded.counts), refreshed_at = excluded.refreshed_at;

  INSERT INTO region_day_cells AS c (kind_slot, day, site_id, category_id, counts, refreshed_at)
  SELECT ks.kind_slot, g.day, g.site_id, g.category_id, voc_array_from_pairs(35, array_agg(voc_province_index(g.prefix)), array_agg(g.n)), now()
  FROM (
    SELECT voc_local_day(r.occurred_at) AS day, coalesce(r.site_id, 0) AS site_id, r.category_id, r.kind, left(r.region_code, 2) AS prefix,
      sign * count(*)::integer AS n
    FROM unnest(changed) AS r GROUP BY 1, 2, 3, 4, 5
  ) AS g CROSS JOIN LATERAL (VALUES (0), (voc_kind_index(g.kind))) AS ks(kind_slot)
  GROUP BY ks.kind_slot, g.day, g.site_id, g.category_id
  ORDER BY ks.kind_slot, g.day, g.site_id, g.category_id
  ON CONFLICT (kind_slot, day, site_id, category_id) DO UPDATE
    SET counts = voc_int_array_add(c.counts, excluded.counts), refreshed_at = excluded.refreshed_at;

  INSERT INTO team_day_cells AS c (day, team_id, filed, linked, refreshed_at)
  SELECT g.day, g.team_id, voc_array_from_pairs(kinds, array_agg(g.slot), array_agg(g.n)),
    voc_array_from_pairs(kinds, array_agg(g.slot), array_agg(g.linked)), now()
  FROM (
    SELECT voc_local_day(r.occurred_at) AS day, r.team_id, voc_kind_index(r.kind) AS slot,
      sign * count(*)::integer AS n, sign * (count(*) FILTER (WHERE r.issue_id IS NOT NULL))::integer AS linked
    FROM unnest(changed) AS r WHERE r.team_id IS NOT NULL GROUP BY 1, 2, 3
  ) AS g
  GROUP BY g.day, g.team_id
  ORDER BY g.day, g.team_id
  ON CONFLICT (day, team_id) DO UPDATE
    SET filed = voc_int_array_add(c.filed, excluded.filed), linked = voc_int_array_add(c.linked, excluded.linked),
      refreshed_at = excluded.refreshed_at;

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
CREATE FUNCTION voc_records_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM voc_apply_record_rows(ARRAY(SELECT n::records FROM new_rows AS n), 1);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION voc_records_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM voc_apply_record_rows(ARRAY(SELECT o::records FROM old_rows AS o), -1);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Only rows whose counted columns changed move between cells; a status or text edit costs a join.
CREATE FUNCTION voc_records_updated() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  before_rows records[];
  after_rows records[];
BEGIN
  SELECT array_agg(o::records), array_agg(n::records) INTO before_rows, after_rows
  FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id
  WHERE (o.occurred_at, o.site_id, o.category_id, o.kind, o.channel, o.region_code, o.team_id, o.issue_id)
    IS DISTINCT FROM (n.occurred_at, n.site_id, n.category_id, n.kind, n.channel, n.region_code, n.team_id, n.issue_id);
  IF before_rows IS NOT NULL THEN
    PERFORM voc_apply_record_rows(before_rows, -1);
    PERFORM voc_apply_record_rows(after_rows, 1);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER records_cells_insert AFTER INSERT ON records
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION voc_records_inserted();
--> statement-breakpoint
CREATE TRIGGER records_cells_update AFTER UPDATE ON records
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION voc_records_updated();
--> statement-breakpoint
CREATE TRIGGER records_cells_delete AFTER DELETE ON records
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION voc_records_deleted();
--> statement-breakpoint
-- After a bulk load with the triggers off (the data generator), or a change of the enums:
-- recompute every cell and the issues' record counts from the records themselves.
CREATE FUNCTION voc_rebuild_dashboard_cells() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  kinds integer := array_length(enum_range(NULL::record_kind), 1);
  record_len integer := voc_record_cell_length();
BEGIN
  DELETE FROM record_day_cells;
  DELETE FROM region_day_cells;
  DELETE FROM team_day_cells;
  -- One pass over the records per table, grouped by the raw columns; the slots and arrays are
  -- then built from the groups (thousands), not per record (millions).
  INSERT INTO record_day_cells (day, site_id, category_id, counts)
  SELECT g.day, g.site_id, g.category_id, voc_array_from_pairs(record_len, array_agg(s.slot), array_agg(g.n))
  FROM (
    SELECT voc_local_day(r.occurred_at) AS day, coalesce(r.site_id, 0) AS site_id, r.category_id, r.kind, r.channel, count(*)::integer AS n
    FROM records AS r GROUP BY 1, 2, 3, 4, 5
  ) AS g CROSS JOIN LATERAL unnest(voc_record_slots(g.kind, g.channel)) AS s(slot)
  GROUP BY g.day, g.site_id, g.category_id;
  INSERT INTO region_day_cells (kind_slot, day, site_id, category_id, counts)
  SELECT ks.kind_slot, g.day, g.site_id, g.category_id, voc_array_from_pairs(35, array_agg(voc_province_index(g.prefix)), array_agg(g.n))
  FROM (
    SELECT voc_local_day(r.occurred_at) AS day, coalesce(r.site_id, 0) AS site_id, r.category_id, r.kind, left(r.region_code, 2) AS prefix, count(*)::integer AS n
    FROM records AS r GROUP BY 1, 2, 3, 4, 5
  ) AS g CROSS JOIN LATERAL (VALUES (0), (voc_kind_index(g.kind))) AS ks(kind_slot)
  GROUP BY ks.kind_slot, g.day, g.site_id, g.category_id;
  INSERT INTO team_day_cells (day, team_id, filed, linked)
  SELECT g.day, g.team_id, voc_array_from_pairs(kinds, array_agg(voc_kind_index(g.kind)), array_agg(g.n)),
    voc_array_from_pairs(kinds, array_agg(voc_kind_index(g.kind)), array_agg(g.linked))
  FROM (
    SELECT voc_local_day(r.occurred_at) AS day, r.team_id, r.kind,
      count(*)::integer AS n, (count(*) FILTER (WHERE r.issue_id IS NOT NULL))::integer AS linked
    FROM records AS r WHERE r.team_id IS NOT NULL GROUP BY 1, 2, 3
  ) AS g
  GROUP BY g.day, g.team_id;
  DELETE FROM issue_team_suggestions;
  INSERT INTO issue_team_suggestions (issue_id, team_id, n)
  SELECT r.issue_id, r.team_id, count(*)::integer
  FROM records AS r WHERE r.issue_id IS NOT NULL AND r.team_id IS NOT NULL AND r.kind = 'suggestion'
  GROUP BY r.issue_id, r.team_id;
  UPDATE issues AS i SET record_count = coalesce(d.n, 0), first_record_at = d.first_at
  FROM issues AS j
  LEFT JOIN (SELECT r.issue_id, count(*)::integer AS n, min(r.occurred_at) AS first_at FROM records AS r WHERE r.issue_id IS NOT NULL GROUP BY r.issue_id) AS d
    ON d.issue_id = j.id
  WHERE i.id = j.id AND (i.record_count IS DISTINCT FROM coalesce(d.n, 0) OR i.first_record_at IS DISTINCT FROM d.first_at);
END;
$$;
--> statement-breakpoint
-- Cells (and issue counts) that differ from a count over the raw records; 0 when all agree.
CREATE FUNCTION voc_dashboard_cell_mismatches() RETURNS bigint LANGUAGE sql STABLE AS $$
  WITH
  cell AS (
    SELECT 'record' AS t, c.day, c.site_id AS a, c.category_id AS b, u.slot, u.n FROM record_day_cells AS c, unnest(c.counts) WITH ORDINALITY AS u(n, slot) WHERE u.n <> 0
    UNION ALL
    SELECT 'region', c.day, c.site_id, c.category_id, c.kind_slot * 100 + u.slot, u.n FROM region_day_cells AS c, unnest(c.counts) WITH ORDINALITY AS u(n, slot) WHERE u.n <> 0
    UNION ALL
    SELECT 'team', c.day, c.team_id, 0, u.slot, u.n FROM team_day_cells AS c, unnest(c.filed) WITH ORDINALITY AS u(n, slot) WHERE u.n <> 0
    UNION ALL
    SELECT 'team_linked', c.day, c.team_id, 0, u.slot, u.n FROM team_day_cells AS c, unnest(c.linked) WITH ORDINALITY AS u(n, slot) WHERE u.n <> 0
  ),
  raw AS (
    SELECT 'record' AS t, voc_local_day(r.occurred_at) AS day, coalesce(r.site_id, 0) AS a, r.category_id AS b, s.slot::bigint AS slot, count(*)::integer AS n
    FROM records AS r CROSS JOIN LATERAL unnest(voc_record_slots(r.kind, r.channel)) AS s(slot) GROUP BY 1, 2, 3, 4, 5
    UNION ALL
    SELECT 'region', voc_local_day(r.occurred_at), coalesce(r.site_id, 0), r.category_id, (ks.kind_slot * 100 + voc_province_index(r.region_code))::bigint, count(*)::integer
    FROM records AS r CROSS JOIN LATERAL (VALUES (0), (voc_kind_index(r.kind))) AS ks(kind_slot) GROUP BY 1, 2, 3, 4, 5
    UNION ALL
    SELECT 'team', voc_local_day(r.occurred_at), r.team_id, 0, voc_kind_index(r.kind)::bigint, count(*)::integer
    FROM records AS r WHERE r.team_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5
    UNION ALL
    SELECT 'team_linked', voc_local_day(r.occurred_at), r.team_id, 0, voc_kind_index(r.kind)::bigint, count(*)::integer
    FROM records AS r WHERE r.team_id IS NOT NULL AND r.issue_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5
  ),
  cells_off AS (
    SELECT 1 FROM cell FULL JOIN raw USING (t, day, a, b, slot) WHERE cell.n IS DISTINCT FROM raw.n
  ),
  suggestions_off AS (
    SELECT 1 FROM (SELECT issue_id, team_id, n FROM issue_team_suggestions WHERE n <> 0) AS c
    FULL JOIN (
      SELECT r.issue_id, r.team_id, count(*)::integer AS n FROM records AS r
      WHERE r.issue_id IS NOT NULL AND r.team_id IS NOT NULL AND r.kind = 'suggestion' GROUP BY r.issue_id, r.team_id
    ) AS raw USING (issue_id, team_id)
    WHERE c.n IS DISTINCT FROM raw.n
  ),
  issues_off AS (
    SELECT 1 FROM issues AS i
    LEFT JOIN (SELECT r.issue_id, count(*)::integer AS n, min(r.occurred_at) AS first_at FROM records AS r WHERE r.issue_id IS NOT NULL GROUP BY r.issue_id) AS d
      ON d.issue_id = i.id
    WHERE i.record_count <> coalesce(d.n, 0) OR i.first_record_at IS DISTINCT FROM d.first_at
  )
  SELECT (SELECT count(*) FROM cells_off) + (SELECT count(*) FROM issues_off) + (SELECT count(*) FROM suggestions_off)
$$;
--> statement-breakpoint
SELECT voc_rebuild_dashboard_cells();
