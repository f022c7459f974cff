CREATE TABLE "districts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "districts_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "district_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "district_id" uuid;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "district_id" uuid;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisations_district_idx" ON "organisations" USING btree ("district_id","kind");--> statement-breakpoint
CREATE INDEX "projects_district_year_code_idx" ON "projects" USING btree ("district_id","year","code");--> statement-breakpoint
-- An installation that already holds data is one district: it becomes the demo's district (the same id,
-- code and name the seed writes), and every organisation, organisation-less account and project joins it.
INSERT INTO "districts" ("id", "code", "name")
  SELECT '9f4e55c8-df10-5501-a0d3-9462140005ae', '330001', '示范区'
  WHERE EXISTS (SELECT 1 FROM "organisations");
--> statement-breakpoint
UPDATE "organisations" SET "district_id" = '9f4e55c8-df10-5501-a0d3-9462140005ae'
  WHERE EXISTS (SELECT 1 FROM "districts" WHERE "id" = '9f4e55c8-df10-5501-a0d3-9462140005ae');
--> statement-breakpoint
UPDATE "users" SET "district_id" = '9f4e55c8-df10-5501-a0d3-9462140005ae'
  WHERE "org_id" IS NULL AND EXISTS (SELECT 1 FROM "districts" WHERE "id" = '9f4e55c8-df10-5501-a0d3-9462140005ae');
--> statement-breakpoint
UPDATE "projects" p SET "district_id" = o."district_id" FROM "organisations" o WHERE o."id" = p."department_id";
--> statement-breakpoint
-- A new organisation without a district takes its parent's (a unit its department's, a division its bureau's).
CREATE OR REPLACE FUNCTION organisations_inherit_district() RETURNS trigger AS $$
BEGIN
  IF NEW.district_id IS NULL AND NEW.parent_id IS NOT NULL THEN
    SELECT district_id INTO NEW.district_id FROM organisations WHERE id = NEW.parent_id;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER organisations_district_fill BEFORE INSERT ON organisations
  FOR EACH ROW EXECUTE FUNCTION organisations_inherit_district();
--> statement-breakpoint
-- A project's district is always its department's: set on insert and whenever the department changes.
CREATE OR REPLACE FUNCTION projects_set_district() RETURNS trigger AS $$
BEGIN
  SELECT district_id INTO NEW.district_id FROM organisations WHERE id = NEW.department_id;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER projects_district_fill BEFORE INSERT OR UPDATE OF department_id ON projects
  FOR EACH ROW EXECUTE FUNCTION projects_set_district();
