-- The cache version's trigger (0013) is deferred to commit; updating rows of a watched table and then
-- altering it in the same transaction would fail with "pending trigger events". Fire it at once here.
SET CONSTRAINTS ALL IMMEDIATE;--> statement-breakpoint
ALTER TABLE "expert_groups" DROP CONSTRAINT "expert_groups_year_name_key";--> statement-breakpoint
ALTER TABLE "evaluation_rounds" DROP CONSTRAINT "evaluation_rounds_type_year_key";--> statement-breakpoint
ALTER TABLE "sampling_batches" DROP CONSTRAINT "sampling_batches_year_name_key";--> statement-breakpoint
DROP INDEX "monitoring_rounds_year_idx";--> statement-breakpoint
ALTER TABLE "annual_summary_plans" DROP CONSTRAINT "annual_summary_plans_pkey";--> statement-breakpoint
ALTER TABLE "expert_groups" ADD COLUMN "district_id" uuid;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD COLUMN "district_id" uuid;--> statement-breakpoint
ALTER TABLE "sampling_batches" ADD COLUMN "district_id" uuid;--> statement-breakpoint
ALTER TABLE "monitoring_rounds" ADD COLUMN "district_id" uuid;--> statement-breakpoint
ALTER TABLE "annual_summary_plans" ADD COLUMN "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "annual_summary_plans" ADD COLUMN "district_id" uuid;--> statement-breakpoint
-- Rounds, batches, expert groups and summary plans become a district's. Existing ones are the
-- district of whoever created them (their organisation's, else the account's own), else the demo's
-- district that 0010 made of an installation holding data; only without any district do they stay
-- the province's own (null).
UPDATE "evaluation_rounds" r SET "district_id" = coalesce(
  (SELECT coalesce(o."district_id", u."district_id") FROM "users" u LEFT JOIN "organisations" o ON o."id" = u."org_id" WHERE u."id" = r."opened_by"),
  (SELECT "id" FROM "districts" WHERE "id" = '9f4e55c8-df10-5501-a0d3-9462140005ae'));
--> statement-breakpoint
UPDATE "monitoring_rounds" r SET "district_id" = coalesce(
  (SELECT coalesce(o."district_id", u."district_id") FROM "users" u LEFT JOIN "organisations" o ON o."id" = u."org_id" WHERE u."id" = r."created_by"),
  (SELECT "id" FROM "districts" WHERE "id" = '9f4e55c8-df10-5501-a0d3-9462140005ae'));
--> statement-breakpoint
UPDATE "sampling_batches" r SET "district_id" = coalesce(
  (SELECT coalesce(o."district_id", u."district_id") FROM "users" u LEFT JOIN "organisations" o ON o."id" = u."org_id" WHERE u."id" = r."created_by"),
  (SELECT "id" FROM "districts" WHERE "id" = '9f4e55c8-df10-5501-a0d3-9462140005ae'));
--> statement-breakpoint
UPDATE "expert_groups" r SET "district_id" = coalesce(
  (SELECT coalesce(o."district_id", u."district_id") FROM "users" u LEFT JOIN "organisations" o ON o."id" = u."org_id" WHERE u."id" = r."created_by"),
  (SELECT "id" FROM "districts" WHERE "id" = '9f4e55c8-df10-5501-a0d3-9462140005ae'));
--> statement-breakpoint
UPDATE "annual_summary_plans" r SET "district_id" = coalesce(
  (SELECT coalesce(o."district_id", u."district_id") FROM "users" u LEFT JOIN "organisations" o ON o."id" = u."org_id" WHERE u."id" = r."updated_by"),
  (SELECT "id" FROM "districts" WHERE "id" = '9f4e55c8-df10-5501-a0d3-9462140005ae'));
--> statement-breakpoint
ALTER TABLE "expert_groups" ADD CONSTRAINT "expert_groups_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_batches" ADD CONSTRAINT "sampling_batches_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_rounds" ADD CONSTRAINT "monitoring_rounds_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_summary_plans" ADD CONSTRAINT "annual_summary_plans_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monitoring_rounds_district_year_idx" ON "monitoring_rounds" USING btree ("district_id","year");--> statement-breakpoint
ALTER TABLE "expert_groups" ADD CONSTRAINT "expert_groups_district_year_name_key" UNIQUE NULLS NOT DISTINCT("district_id","year","name");--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_district_type_year_key" UNIQUE NULLS NOT DISTINCT("district_id","type","year");--> statement-breakpoint
ALTER TABLE "sampling_batches" ADD CONSTRAINT "sampling_batches_district_year_name_key" UNIQUE NULLS NOT DISTINCT("district_id","year","name");--> statement-breakpoint
ALTER TABLE "annual_summary_plans" ADD CONSTRAINT "annual_summary_plans_district_work_year_key" UNIQUE NULLS NOT DISTINCT("district_id","work_year");
