CREATE TABLE "ranking_tallies" (
	"campaign_id" uuid NOT NULL,
	"unit_kind" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"day" date NOT NULL,
	"sites" integer DEFAULT 0 NOT NULL,
	"inspected" integer DEFAULT 0 NOT NULL,
	"found" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ranking_tallies" ADD CONSTRAINT "ranking_tallies_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ranking_tallies_day_idx" ON "ranking_tallies" USING btree ("campaign_id","unit_kind","day");--> statement-breakpoint
-- Asia/Shanghai is UTC+8 all year (no daylight saving since 1991): fixed arithmetic, no tz database needed.
CREATE FUNCTION shanghai_day(t timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT ((t AT TIME ZONE 'UTC') + interval '8 hours')::date $$;
--> statement-breakpoint
CREATE FUNCTION shanghai_day_start(d date) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (d::timestamp - interval '8 hours') AT TIME ZONE 'UTC' $$;
--> statement-breakpoint
-- '/a/b/c/' → {'/a/', '/a/b/', '/a/b/c/'}: the areas a site lies in, found through the unique path
-- index. plpgsql, so the planner keeps the call whole and can probe the index with its result (an
-- inlined SQL body becomes a subquery, which no index condition may hold).
CREATE FUNCTION area_path_prefixes(p text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE codes text[] := string_to_array(btrim(p, '/'), '/'); prefixes text[] := '{}'; acc text := '/';
BEGIN
  FOR k IN 1 .. coalesce(cardinality(codes), 0) LOOP
    acc := acc || codes[k] || '/';
    prefixes := prefixes || acc;
  END LOOP;
  RETURN prefixes;
END $$;
--> statement-breakpoint
-- The village a campaign counts each given site under (site rows passed as arrays, so old rows of an
-- update can be mapped too): the village-level area above it, for sites of the campaign's kinds
-- under its area. `from_at` is when the site entered the scope (its creation).
CREATE FUNCTION ranking_village_scope(c_id uuid, site_ids uuid[], paths text[], kinds text[], created timestamptz[])
RETURNS TABLE (site_id uuid, unit_id uuid, from_at timestamptz) LANGUAGE plpgsql STABLE SET enable_seqscan = off SET jit = off AS $$
BEGIN
  RETURN QUERY
  SELECT s.id, a.id, s.created_at
  FROM campaigns c
  CROSS JOIN unnest(site_ids, paths, kinds, created) AS s(id, area_path, kind, created_at)
  -- areas.path is in the database's collation and sites.area_path in "C": compared in the former, so the index serves.
  CROSS JOIN LATERAL (
    SELECT ar.id FROM areas ar
    WHERE ar.path = ANY (area_path_prefixes(s.area_path COLLATE "default")) AND ar.level = 'village' AND starts_with(ar.path, c.area_path)
    OFFSET 0
  ) a
  WHERE c.id = c_id AND s.kind = ANY (c.site_kinds) AND starts_with(s.area_path, c.area_path);
END $$;
--> statement-breakpoint
-- Both unit kinds of the given sites as they stand now: villages from the sites, squads from campaign_sites.
-- The scope functions are plpgsql so that their plans are cached per connection: a SQL function
-- is planned again at every call, which was most of a submission's trigger time.
-- Arrays are joined through unnest, never `= ANY (param)`: a parameter array is searched linearly for
-- every row scanned, which is quadratic when a bulk statement passes a million ids.
CREATE FUNCTION ranking_scope(c_id uuid, site_ids uuid[])
RETURNS TABLE (unit_kind text, site_id uuid, unit_id uuid, from_at timestamptz) LANGUAGE plpgsql STABLE SET enable_seqscan = off SET jit = off AS $$
BEGIN
  RETURN QUERY
  SELECT 'village'::text, v.site_id, v.unit_id, v.from_at
  FROM (SELECT array_agg(st.id) AS ids, array_agg(st.area_path::text) AS paths, array_agg(st.kind) AS kinds, array_agg(st.created_at) AS created
        FROM unnest(site_ids) AS x(id) JOIN sites st ON st.id = x.id) s
  CROSS JOIN LATERAL ranking_village_scope(c_id, s.ids, s.paths, s.kinds, s.created) v
  UNION ALL
  SELECT 'squad'::text, cs.site_id, cs.squad_id, cs.assigned_at FROM unnest(site_ids) AS x(id) JOIN campaign_sites cs ON cs.campaign_id = c_id AND cs.site_id = x.id;
END $$;
--> statement-breakpoint
-- Everything some sites add to a campaign's tallies for one unit kind, from the raw records, by the
-- day it starts to count (docs/rankings.md has the definitions this mirrors): the site itself from
-- from_at; its first inspection since the campaign start; each hazard found since the start, less
-- cancellations; +1 for every move into closed and −1 for every move out. Nothing counts before the
-- site entered the unit's scope, and days after the campaign's end are never read.
CREATE FUNCTION ranking_contributions(c_id uuid, u_kind text, site_ids uuid[], unit_ids uuid[], from_ats timestamptz[])
RETURNS TABLE (unit_id uuid, day date, sites int, inspected int, found int, closed int) LANGUAGE sql STABLE AS $$
  WITH c AS (
    SELECT shanghai_day_start(starts_on) AS starts_at, ends_on, CASE WHEN u_kind = 'village' THEN area_path ELSE '' END AS under
    FROM campaigns WHERE id = c_id
  ),
  sc AS (SELECT * FROM unnest(site_ids, unit_ids, from_ats) AS x(site_id, unit_id, from_at)),
  firsts AS (
    SELECT sc.unit_id, sc.from_at, min(i.ended_at) AS first_at
    FROM sc JOIN inspections i ON i.site_id = sc.site_id CROSS JOIN c
    WHERE i.kind = 'inspection' AND i.ended_at >= c.starts_at AND starts_with(i.area_path, c.under)
    GROUP BY sc.site_id, sc.unit_id, sc.from_at
  ),
  hz AS (
    SELECT sc.unit_id, sc.from_at, h.id, h.found_at
    FROM sc JOIN hazards h ON h.site_id = sc.site_id CROSS JOIN c
    WHERE h.found_at >= c.starts_at AND starts_with(h.area_path, c.under)
  ),
  deltas AS (
    SELECT unit_id, from_at AS at, 1 AS sites, 0 AS inspected, 0 AS found, 0 AS closed FROM sc
    UNION ALL SELECT unit_id, greatest(first_at, from_at), 0, 1, 0, 0 FROM firsts
    UNION ALL SELECT unit_id, greatest(found_at, from_at), 0, 0, 1, 0 FROM hz
    UNION ALL
    SELECT hz.unit_id, greatest(e.at, hz.found_at, hz.from_at), 0, 0,
           CASE WHEN e.to_status = 'cancelled' THEN -1 ELSE 0 END,
           CASE WHEN e.to_status = 'closed' THEN 1 WHEN e.from_status = 'closed' THEN -1 ELSE 0 END
    FROM hz JOIN hazard_events e ON e.hazard_id = hz.id
    WHERE e.to_status IN ('closed', 'cancelled') OR e.from_status = 'closed'
  )
  SELECT d.unit_id, shanghai_day(d.at), sum(d.sites)::int, sum(d.inspected)::int, sum(d.found)::int, sum(d.closed)::int
  FROM deltas d CROSS JOIN c
  WHERE shanghai_day(d.at) <= c.ends_on
  GROUP BY 1, 2
$$;
--> statement-breakpoint
CREATE FUNCTION ranking_tally_sites(c_id uuid, u_kind text, site_ids uuid[], unit_ids uuid[], from_ats timestamptz[], sign int) RETURNS void LANGUAGE sql AS $$
  INSERT INTO ranking_tallies (campaign_id, unit_kind, unit_id, day, sites, inspected, found, closed)
  SELECT c_id, u_kind, r.unit_id, r.day, sign * r.sites, sign * r.inspected, sign * r.found, sign * r.closed
  FROM ranking_contributions(c_id, u_kind, site_ids, unit_ids, from_ats) r
  WHERE r.sites <> 0 OR r.inspected <> 0 OR r.found <> 0 OR r.closed <> 0
$$;
--> statement-breakpoint
-- A campaign's tallies from scratch (created, or its area, kinds or dates changed). The share row
-- exclusive lock waits for running writers and holds new ones back until this commits, so no
-- increment is counted against the old definition.
CREATE FUNCTION ranking_rebuild(c_id uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE v record; q record;
BEGIN
  LOCK TABLE ranking_tallies IN SHARE ROW EXCLUSIVE MODE;
  DELETE FROM ranking_tallies WHERE campaign_id = c_id;
  SELECT array_agg(x.site_id) AS ids, array_agg(x.unit_id) AS units, array_agg(x.from_at) AS froms INTO v
  FROM campaigns c
  JOIN areas a ON a.level = 'village' AND starts_with(a.path, c.area_path)
  JOIN LATERAL (
    SELECT s.id AS site_id, a.id AS unit_id, s.created_at AS from_at FROM sites s
    WHERE s.area_path >= a.path COLLATE "C" AND s.area_path < (left(a.path, -1) || '0') COLLATE "C" AND s.kind = ANY (c.site_kinds)
  ) x ON true
  WHERE c.id = c_id;
  IF v.ids IS NOT NULL THEN PERFORM ranking_tally_sites(c_id, 'village', v.ids, v.units, v.froms, 1); END IF;
  SELECT array_agg(site_id) AS ids, array_agg(squad_id) AS units, array_agg(assigned_at) AS froms INTO q FROM campaign_sites WHERE campaign_id = c_id;
  IF q.ids IS NOT NULL THEN PERFORM ranking_tally_sites(c_id, 'squad', q.ids, q.units, q.froms, 1); END IF;
END $$;
--> statement-breakpoint
-- Folds the appended deltas into one row per unit and day. Rows appended meanwhile are not in the
-- DELETE's snapshot and stay as they are.
CREATE FUNCTION ranking_compact() RETURNS integer LANGUAGE sql AS $$
  WITH gone AS (DELETE FROM ranking_tallies RETURNING *),
  folded AS (
    INSERT INTO ranking_tallies (campaign_id, unit_kind, unit_id, day, sites, inspected, found, closed)
    SELECT campaign_id, unit_kind, unit_id, day, sum(sites), sum(inspected), sum(found), sum(closed) FROM gone
    GROUP BY 1, 2, 3, 4 HAVING sum(sites) <> 0 OR sum(inspected) <> 0 OR sum(found) <> 0 OR sum(closed) <> 0
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM gone)::int - (SELECT count(*) FROM folded)::int
$$;
--> statement-breakpoint
-- Appends (hazards, events, inspections) first take the tallies' row exclusive lock (so a campaign
-- rebuild is either before or after them) and lock their sites (so a site move or a reassignment
-- is too) in a statement of their own, and only then read the campaigns and the scope
-- (ranking_append_scope) with a snapshot that sees whoever held those locks. Their plans are
-- cached per connection and may have been made when the tables were nearly empty: the scope is
-- materialised once per campaign and sequential scans are off inside them, so they stay index lookups at any size.
CREATE FUNCTION ranking_lock_sites(site_ids uuid[]) RETURNS void LANGUAGE plpgsql SET enable_seqscan = off SET jit = off AS $$
BEGIN
  LOCK TABLE ranking_tallies IN ROW EXCLUSIVE MODE;
  PERFORM 1 FROM unnest(site_ids) AS x(id) JOIN sites s ON s.id = x.id ORDER BY s.id FOR NO KEY UPDATE OF s;
END $$;
--> statement-breakpoint
-- What an append counts against: every campaign's scope of its sites, with the campaign's start,
-- end and the area prefix a record must lie under ('' for squads, which are named by assignment).
-- The caller locks the sites in a statement of its own first: a statement reads with the snapshot
-- it started with, so a lock taken inside it would not show a writer that committed meanwhile.
CREATE FUNCTION ranking_append_scope(site_ids uuid[])
RETURNS TABLE (campaign_id uuid, starts_at timestamptz, ends_on date, under text, unit_kind text, site_id uuid, unit_id uuid, from_at timestamptz)
LANGUAGE plpgsql STABLE SET enable_seqscan = off SET jit = off AS $$
BEGIN
  RETURN QUERY
  SELECT c.id, shanghai_day_start(c.starts_on), c.ends_on, CASE WHEN x.unit_kind = 'village' THEN c.area_path ELSE '' END, x.unit_kind, x.site_id, x.unit_id, x.from_at
  FROM campaigns c CROSS JOIN LATERAL ranking_scope(c.id, site_ids) x;
END $$;
--> statement-breakpoint
CREATE FUNCTION ranking_on_hazards() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off SET jit = off AS $$
DECLARE ids uuid[];
BEGIN
  SELECT array_agg(DISTINCT site_id) INTO ids FROM added;
  IF ids IS NULL THEN RETURN NULL; END IF;
  PERFORM ranking_lock_sites(ids);
  INSERT INTO ranking_tallies (campaign_id, unit_kind, unit_id, day, found)
  SELECT m.campaign_id, m.unit_kind, m.unit_id, shanghai_day(greatest(h.found_at, m.from_at)), count(*)
  FROM ranking_append_scope(ids) m JOIN added h ON h.site_id = m.site_id
  WHERE h.found_at >= m.starts_at AND starts_with(h.area_path, m.under) AND shanghai_day(greatest(h.found_at, m.from_at)) <= m.ends_on
  GROUP BY 1, 2, 3, 4;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION ranking_on_hazard_events() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off SET jit = off AS $$
DECLARE ids uuid[];
BEGIN
  SELECT array_agg(DISTINCT h.site_id) INTO ids FROM added e JOIN hazards h ON h.id = e.hazard_id
  WHERE e.to_status IN ('closed', 'cancelled') OR e.from_status = 'closed';
  IF ids IS NULL THEN RETURN NULL; END IF;
  PERFORM ranking_lock_sites(ids);
  INSERT INTO ranking_tallies (campaign_id, unit_kind, unit_id, day, found, closed)
  SELECT m.campaign_id, m.unit_kind, m.unit_id, shanghai_day(greatest(e.at, h.found_at, m.from_at)),
         -count(*) FILTER (WHERE e.to_status = 'cancelled'),
         sum(CASE WHEN e.to_status = 'closed' THEN 1 WHEN e.from_status = 'closed' THEN -1 ELSE 0 END)
  FROM added e
  JOIN hazards h ON h.id = e.hazard_id
  JOIN ranking_append_scope(ids) m ON m.site_id = h.site_id
  WHERE (e.to_status IN ('closed', 'cancelled') OR e.from_status = 'closed')
    AND h.found_at >= m.starts_at AND starts_with(h.area_path, m.under)
    AND shanghai_day(greatest(e.at, h.found_at, m.from_at)) <= m.ends_on
  GROUP BY 1, 2, 3, 4;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A site counts as inspected from its first inspection since the campaign start: when new visits
-- move that first one (a late offline sync can bring an earlier one), the old day gives its one back.
CREATE FUNCTION ranking_on_inspections() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off SET jit = off SET work_mem = '256MB' AS $$
DECLARE ids uuid[];
BEGIN
  SELECT array_agg(DISTINCT site_id) INTO ids FROM added WHERE kind = 'inspection';
  IF ids IS NULL THEN RETURN NULL; END IF;
  PERFORM ranking_lock_sites(ids);
  WITH m AS MATERIALIZED (SELECT * FROM ranking_append_scope(ids)),
  -- Each site's first visit since the start, with and without this statement's rows: one index
  -- range per site, and the new rows told apart by a hashed NOT IN built once (the transition
  -- table has no index; anything per row would be quadratic on a bulk load).
  firsts AS (
    SELECT m.campaign_id, m.ends_on, m.unit_kind, m.unit_id, m.from_at, f.before, f.after
    FROM m CROSS JOIN LATERAL (
      SELECT min(i.ended_at) FILTER (WHERE i.id NOT IN (SELECT a.id FROM added a)) AS before, min(i.ended_at) AS after
      FROM inspections i
      WHERE i.site_id = m.site_id AND i.kind = 'inspection' AND i.ended_at >= m.starts_at AND starts_with(i.area_path, m.under)
    ) f
  ),
  moves AS (
    SELECT campaign_id, ends_on, unit_kind, unit_id, shanghai_day(greatest(before, from_at)) AS day, -1 AS n FROM firsts WHERE before IS DISTINCT FROM after AND before IS NOT NULL
    UNION ALL
    SELECT campaign_id, ends_on, unit_kind, unit_id, shanghai_day(greatest(after, from_at)), 1 FROM firsts WHERE before IS DISTINCT FROM after AND after IS NOT NULL
  )
  INSERT INTO ranking_tallies (campaign_id, unit_kind, unit_id, day, inspected)
  SELECT campaign_id, unit_kind, unit_id, day, sum(n) FROM moves WHERE day <= ends_on GROUP BY 1, 2, 3, 4;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Sites created or removed in bulk (a roster import): their villages gain or lose them.
CREATE FUNCTION ranking_on_sites() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE c record; v record; sign int := CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END;
BEGIN
  FOR c IN SELECT id FROM campaigns LOOP
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(x.site_id) AS ids, array_agg(x.unit_id) AS units, array_agg(x.from_at) AS froms INTO v
      FROM (SELECT array_agg(id) AS ids, array_agg(area_path::text) AS paths, array_agg(kind) AS kinds, array_agg(created_at) AS created FROM added) s
      CROSS JOIN LATERAL ranking_village_scope(c.id, s.ids, s.paths, s.kinds, s.created) x;
    ELSE
      SELECT array_agg(x.site_id) AS ids, array_agg(x.unit_id) AS units, array_agg(x.from_at) AS froms INTO v
      FROM (SELECT array_agg(id) AS ids, array_agg(area_path::text) AS paths, array_agg(kind) AS kinds, array_agg(created_at) AS created FROM removed) s
      CROSS JOIN LATERAL ranking_village_scope(c.id, s.ids, s.paths, s.kinds, s.created) x;
    END IF;
    IF v.ids IS NOT NULL THEN PERFORM ranking_tally_sites(c.id, 'village', v.ids, v.units, v.froms, sign); END IF;
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A site moved, re-kinded or re-dated: what it gave its old village goes back, and the new one gets
-- it (row level: a statement trigger would also run on every colour update of a site).
CREATE FUNCTION ranking_on_site_moved() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE c record;
BEGIN
  FOR c IN SELECT id FROM campaigns LOOP
    PERFORM ranking_tally_sites(c.id, 'village', array[v.site_id], array[v.unit_id], array[v.from_at], -1)
      FROM ranking_village_scope(c.id, array[OLD.id], array[OLD.area_path::text], array[OLD.kind], array[OLD.created_at]) v;
    PERFORM ranking_tally_sites(c.id, 'village', array[v.site_id], array[v.unit_id], array[v.from_at], 1)
      FROM ranking_village_scope(c.id, array[NEW.id], array[NEW.area_path::text], array[NEW.kind], array[NEW.created_at]) v;
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A site assigned, reassigned or unassigned: its squad figures move with it. plpgsql plans a query
-- when it first runs it, so each branch names only the transition tables its operation has.
CREATE FUNCTION ranking_on_campaign_sites() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE o record; n record;
BEGIN
  IF TG_OP = 'DELETE' THEN
    FOR o IN SELECT campaign_id, array_agg(site_id) AS ids, array_agg(squad_id) AS units, array_agg(assigned_at) AS froms FROM removed GROUP BY campaign_id LOOP
      PERFORM ranking_lock_sites(o.ids);
      PERFORM ranking_tally_sites(o.campaign_id, 'squad', o.ids, o.units, o.froms, -1);
    END LOOP;
  ELSIF TG_OP = 'INSERT' THEN
    FOR n IN SELECT campaign_id, array_agg(site_id) AS ids, array_agg(squad_id) AS units, array_agg(assigned_at) AS froms FROM added GROUP BY campaign_id LOOP
      PERFORM ranking_lock_sites(n.ids);
      PERFORM ranking_tally_sites(n.campaign_id, 'squad', n.ids, n.units, n.froms, 1);
    END LOOP;
  ELSE
    FOR o IN
      SELECT r.campaign_id, array_agg(r.site_id) AS ids, array_agg(r.squad_id) AS units, array_agg(r.assigned_at) AS froms,
             array_agg(a.squad_id) AS next_units, array_agg(a.assigned_at) AS next_froms
      FROM removed r JOIN added a ON a.campaign_id = r.campaign_id AND a.site_id = r.site_id
      WHERE (a.squad_id, a.assigned_at) IS DISTINCT FROM (r.squad_id, r.assigned_at)
      GROUP BY r.campaign_id
    LOOP
      PERFORM ranking_lock_sites(o.ids);
      PERFORM ranking_tally_sites(o.campaign_id, 'squad', o.ids, o.units, o.froms, -1);
      PERFORM ranking_tally_sites(o.campaign_id, 'squad', o.ids, o.next_units, o.next_froms, 1);
    END LOOP;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION ranking_on_campaigns() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR (NEW.area_path, NEW.site_kinds, NEW.starts_on, NEW.ends_on) IS DISTINCT FROM (OLD.area_path, OLD.site_kinds, OLD.starts_on, OLD.ends_on) THEN
    PERFORM ranking_rebuild(NEW.id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- What a hazard or a visit recorded (its site, area and time) is a fact: the tallies add it once and never look back.
CREATE FUNCTION ranking_refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are counted in the rankings: their site, area, kind and time cannot change', TG_TABLE_NAME;
END $$;
--> statement-breakpoint
CREATE TRIGGER ranking_hazards AFTER INSERT ON hazards REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ranking_on_hazards();
--> statement-breakpoint
CREATE TRIGGER ranking_hazard_events AFTER INSERT ON hazard_events REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ranking_on_hazard_events();
--> statement-breakpoint
CREATE TRIGGER ranking_inspections AFTER INSERT ON inspections REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ranking_on_inspections();
--> statement-breakpoint
CREATE TRIGGER ranking_sites_insert AFTER INSERT ON sites REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ranking_on_sites();
--> statement-breakpoint
CREATE TRIGGER ranking_sites_update AFTER UPDATE OF area_path, kind, created_at ON sites FOR EACH ROW
  WHEN ((NEW.area_path, NEW.kind, NEW.created_at) IS DISTINCT FROM (OLD.area_path, OLD.kind, OLD.created_at)) EXECUTE FUNCTION ranking_on_site_moved();
--> statement-breakpoint
CREATE TRIGGER ranking_sites_delete AFTER DELETE ON sites REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION ranking_on_sites();
--> statement-breakpoint
CREATE TRIGGER ranking_campaign_sites_insert AFTER INSERT ON campaign_sites REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ranking_on_campaign_sites();
--> statement-breakpoint
CREATE TRIGGER ranking_campaign_sites_update AFTER UPDATE ON campaign_sites REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ranking_on_campaign_sites();
--> statement-breakpoint
CREATE TRIGGER ranking_campaign_sites_delete AFTER DELETE ON campaign_sites REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION ranking_on_campaign_sites();
--> statement-breakpoint
CREATE TRIGGER ranking_campaigns AFTER INSERT OR UPDATE ON campaigns FOR EACH ROW EXECUTE FUNCTION ranking_on_campaigns();
--> statement-breakpoint
CREATE TRIGGER ranking_hazards_fixed BEFORE UPDATE OF site_id, area_path, found_at ON hazards FOR EACH ROW
  WHEN ((NEW.site_id, NEW.area_path, NEW.found_at) IS DISTINCT FROM (OLD.site_id, OLD.area_path, OLD.found_at)) EXECUTE FUNCTION ranking_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER ranking_inspections_fixed BEFORE UPDATE OF site_id, area_path, kind, ended_at ON inspections FOR EACH ROW
  WHEN ((NEW.site_id, NEW.area_path, NEW.kind, NEW.ended_at) IS DISTINCT FROM (OLD.site_id, OLD.area_path, OLD.kind, OLD.ended_at)) EXECUTE FUNCTION ranking_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER ranking_hazard_events_fixed BEFORE UPDATE OF hazard_id, from_status, to_status, at ON hazard_events FOR EACH ROW
  WHEN ((NEW.hazard_id, NEW.from_status, NEW.to_status, NEW.at) IS DISTINCT FROM (OLD.hazard_id, OLD.from_status, OLD.to_status, OLD.at)) EXECUTE FUNCTION ranking_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER ranking_records_kept BEFORE DELETE ON hazards FOR EACH STATEMENT EXECUTE FUNCTION ranking_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER ranking_inspections_kept BEFORE DELETE ON inspections FOR EACH STATEMENT EXECUTE FUNCTION ranking_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER ranking_hazard_events_kept BEFORE DELETE ON hazard_events FOR EACH STATEMENT EXECUTE FUNCTION ranking_refuse_rewrite();
--> statement-breakpoint
SELECT ranking_rebuild(id) FROM campaigns;
