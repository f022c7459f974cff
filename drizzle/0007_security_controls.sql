CREATE TABLE "user_recovery_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_chain" (
	"id" integer PRIMARY KEY NOT NULL,
	"last_id" bigint,
	"last_hash" text
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_secret" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_pending_secret" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_enabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_last_step" bigint;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text;--> statement-breakpoint
ALTER TABLE "user_recovery_codes" ADD CONSTRAINT "user_recovery_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "user_recovery_codes_user_idx" ON "user_recovery_codes" USING btree ("user_id");--> statement-breakpoint
-- Audit hash chain (等保 安全审计). The canonical content of a row: its fields as a JSON array (jsonb's
-- text form is deterministic), the time in UTC to the microsecond, whatever the session's time zone.
CREATE OR REPLACE FUNCTION audit_log_canonical(r audit_log) RETURNS text AS $$
  SELECT jsonb_build_array(
    r.id, to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), r.actor_id, r.actor_username,
    r.actor_role, r.action, r.entity_type, r.entity_id, r.result, r.changes, r.ip, r.user_agent
  )::text;
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
-- Each insert locks the chain head (so appends are serialized across connections until commit), takes
-- the next id under that lock (ids follow the chain), links to the previous hash and moves the head.
CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger AS $$
DECLARE
  prev text;
BEGIN
  SELECT last_hash INTO prev FROM audit_chain WHERE id = 1 FOR UPDATE;
  NEW.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
  NEW.prev_hash := prev;
  NEW.hash := encode(sha256(convert_to(coalesce(prev, '') || audit_log_canonical(NEW), 'UTF8')), 'hex');
  UPDATE audit_chain SET last_id = NEW.id, last_hash = NEW.hash WHERE id = 1;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Rows written before the chain existed are linked once, in id order.
DO $$
DECLARE
  r audit_log;
  prev text := NULL;
  last bigint := NULL;
BEGIN
  ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    UPDATE audit_log
      SET prev_hash = prev,
          hash = encode(sha256(convert_to(coalesce(prev, '') || audit_log_canonical(r), 'UTF8')), 'hex')
      WHERE id = r.id
      RETURNING hash INTO prev;
    last := r.id;
  END LOOP;
  ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;
  INSERT INTO audit_chain (id, last_id, last_hash) VALUES (1, last, prev);
END $$;
--> statement-breakpoint
-- The id is taken by the trigger, under the lock, so the column's own default would only waste numbers.
ALTER TABLE audit_log ALTER COLUMN id DROP DEFAULT;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
--> statement-breakpoint
-- The head is never removed: the chain's end is compared with it.
CREATE TRIGGER audit_chain_no_delete BEFORE DELETE OR TRUNCATE ON audit_chain
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
