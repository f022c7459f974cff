CREATE TYPE "public"."notification_kind" AS ENUM('SUBMITTED', 'RETURNED', 'ASSIGNED', 'APPROVED', 'DUE_SOON', 'OVERDUE');--> statement-breakpoint
CREATE TYPE "public"."rectification_event" AS ENUM('RAISED', 'REPLIED', 'REOPENED', 'CLOSED');--> statement-breakpoint
CREATE TYPE "public"."rectification_source" AS ENUM('MONITORING_NOTICE', 'SAMPLED', 'KEY', 'THIRD_PARTY', 'DEPT_OVERALL', 'TOWNSHIP_FISCAL');--> statement-breakpoint
CREATE TYPE "public"."rectification_status" AS ENUM('OPEN', 'REPLIED', 'CLOSED');--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"kind" "notification_kind" NOT NULL,
	"title_key" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"link" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"dedupe_key" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rectification_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"event" "rectification_event" NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rectification_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_type" "rectification_source" NOT NULL,
	"source_id" uuid NOT NULL,
	"finding_id" uuid,
	"project_id" uuid,
	"department_id" uuid NOT NULL,
	"unit_id" uuid,
	"problem" text NOT NULL,
	"requirement" text NOT NULL,
	"deadline" date NOT NULL,
	"status" "rectification_status" DEFAULT 'OPEN' NOT NULL,
	"measures" text DEFAULT '' NOT NULL,
	"raised_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "result_applications" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"adjusted_percent" integer,
	"adjust_reason" text DEFAULT '' NOT NULL,
	"accountability" text DEFAULT '' NOT NULL,
	"disclosed" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "predecessor_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_events" ADD CONSTRAINT "rectification_events_item_id_rectification_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."rectification_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_events" ADD CONSTRAINT "rectification_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_items" ADD CONSTRAINT "rectification_items_finding_id_evaluation_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."evaluation_findings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_items" ADD CONSTRAINT "rectification_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_items" ADD CONSTRAINT "rectification_items_department_id_organisations_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_items" ADD CONSTRAINT "rectification_items_unit_id_organisations_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_items" ADD CONSTRAINT "rectification_items_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_applications" ADD CONSTRAINT "result_applications_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_applications" ADD CONSTRAINT "result_applications_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_id","read_at","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_recipient_dedupe_key" ON "notifications" USING btree ("recipient_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "rectification_events_item_idx" ON "rectification_events" USING btree ("item_id","created_at");--> statement-breakpoint
CREATE INDEX "rectification_items_dept_status_idx" ON "rectification_items" USING btree ("department_id","status","deadline");--> statement-breakpoint
CREATE INDEX "rectification_items_source_idx" ON "rectification_items" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE INDEX "rectification_items_project_idx" ON "rectification_items" USING btree ("project_id");--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_predecessor_id_projects_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "projects_predecessor_idx" ON "projects" USING btree ("predecessor_id");