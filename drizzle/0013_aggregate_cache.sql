CREATE TABLE "cache_epoch" (
	"slot" smallint PRIMARY KEY NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- The dashboards' year-level aggregates are cached in each app instance under the data's version, the
-- sum of these slots (src/server/aggregate-cache.ts). Sixteen slots, all at 0.
INSERT INTO "cache_epoch" ("slot", "n") SELECT g, 0 FROM generate_series(0, 15) g ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- True for the first row a transaction writes to a watched table, false after: the bump below is queued
-- once per transaction however many rows it writes. The flag is local to the transaction (and to a
-- savepoint: rolled back with it, so the next write queues the bump again).
CREATE OR REPLACE FUNCTION cache_epoch_first_write() RETURNS boolean AS $$
BEGIN
  IF current_setting('bpm.cache_epoch_queued', true) IS DISTINCT FROM 'on' THEN
    PERFORM set_config('bpm.cache_epoch_queued', 'on', true);
    RETURN true;
  END IF;
  RETURN false;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Runs at COMMIT (a deferred constraint trigger): the bump commits atomically with the writes, and the
-- slot's row lock is held only from here to the end of the commit. It takes no other lock, so two
-- committing writers cannot deadlock on it; each connection bumps its own slot.
CREATE OR REPLACE FUNCTION cache_epoch_bump() RETURNS trigger AS $$
BEGIN
  UPDATE cache_epoch SET n = n + 1 WHERE slot = pg_backend_pid() % 16;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- The tables the cached aggregates read (tests/integration/aggregate-cache.test.ts checks the list
-- against the queries' plans). A write that rolls back queues nothing that survives it.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['projects', 'fiscal_years', 'organisations', 'pre_assessments', 'target_sheets',
    'evaluations', 'monitoring_reports', 'monitoring_rounds', 'rectification_items', 'expert_group_projects']
  LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER cache_epoch_bump AFTER INSERT OR UPDATE OR DELETE ON %I
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (cache_epoch_first_write())
      EXECUTE FUNCTION cache_epoch_bump()', t);
    EXECUTE format('CREATE TRIGGER cache_epoch_bump_truncate AFTER TRUNCATE ON %I
      FOR EACH STATEMENT EXECUTE FUNCTION cache_epoch_bump()', t);
  END LOOP;
END;
$$;
