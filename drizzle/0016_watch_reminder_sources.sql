-- The deadline reminders (src/features/notifications/reminders.ts) are worked out again only when the
-- data they read has changed, which the cache version (0013) tells. Their sources beyond the tables
-- 0013 watches: monitoring notices, the self-evaluation rounds, engagements and evaluation assignees.
SET CONSTRAINTS ALL IMMEDIATE;--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['monitoring_notices', 'evaluation_rounds', 'engagements', 'evaluation_assignees']
  LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER cache_epoch_bump AFTER INSERT OR UPDATE OR DELETE ON %I
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (cache_epoch_first_write())
      EXECUTE FUNCTION cache_epoch_bump()', t);
    EXECUTE format('CREATE TRIGGER cache_epoch_bump_truncate AFTER TRUNCATE ON %I
      FOR EACH STATEMENT EXECUTE FUNCTION cache_epoch_bump()', t);
  END LOOP;
END;
$$;
