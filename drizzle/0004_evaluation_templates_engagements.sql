CREATE TYPE "public"."evaluation_template_code" AS ENUM('PROJECT_GENERAL', 'PROJECT_GOV_INVESTMENT_FUND', 'PROJECT_PPP', 'PROJECT_GOV_PROCUREMENT', 'PROJECT_GOV_PURCHASED_SERVICE', 'PROJECT_GOV_DEBT', 'DEPT_OVERALL', 'TOWNSHIP_FISCAL');--> statement-breakpoint
CREATE TABLE "evaluation_assignees" (
	"evaluation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"lead" integer DEFAULT 0 NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_assignees_evaluation_id_user_id_pk" PRIMARY KEY("evaluation_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"problem" text NOT NULL,
	"requirement" text DEFAULT '' NOT NULL,
	"due_date" date,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_opinions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_template_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"level1" text NOT NULL,
	"level2" text NOT NULL,
	"name" text NOT NULL,
	"max_points" numeric(6, 2) NOT NULL,
	"guide" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"code" "evaluation_template_code" NOT NULL,
	"name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_templates_year_code_key" UNIQUE("year","code")
);
--> statement-breakpoint
CREATE TABLE "engagement_team" (
	"engagement_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	CONSTRAINT "engagement_team_engagement_id_staff_id_pk" PRIMARY KEY("engagement_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "engagements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"fee" numeric(18, 2) NOT NULL,
	"deadline" date NOT NULL,
	"scope" text DEFAULT '' NOT NULL,
	"engaged_by" uuid,
	"engaged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"declared_by" uuid,
	"declared_at" timestamp with time zone,
	"declaration" text DEFAULT '' NOT NULL,
	"accepted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "evaluation_scores" ADD COLUMN "self_points" numeric(6, 2);--> statement-breakpoint
ALTER TABLE "evaluation_scores" ADD COLUMN "self_note" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluations" ADD COLUMN "template_id" uuid;--> statement-breakpoint
ALTER TABLE "evaluations" ADD COLUMN "self_total_score" numeric(6, 2);--> statement-breakpoint
ALTER TABLE "evaluations" ADD COLUMN "due_date" date;--> statement-breakpoint
ALTER TABLE "evaluations" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "evaluation_assignees" ADD CONSTRAINT "evaluation_assignees_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_assignees" ADD CONSTRAINT "evaluation_assignees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_findings" ADD CONSTRAINT "evaluation_findings_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_findings" ADD CONSTRAINT "evaluation_findings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_opinions" ADD CONSTRAINT "evaluation_opinions_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_opinions" ADD CONSTRAINT "evaluation_opinions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_template_items" ADD CONSTRAINT "evaluation_template_items_template_id_evaluation_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."evaluation_templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_templates" ADD CONSTRAINT "evaluation_templates_year_fiscal_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."fiscal_years"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_templates" ADD CONSTRAINT "evaluation_templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_team" ADD CONSTRAINT "engagement_team_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_team" ADD CONSTRAINT "engagement_team_staff_id_agency_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."agency_staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_agency_id_organisations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_engaged_by_users_id_fk" FOREIGN KEY ("engaged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_declared_by_users_id_fk" FOREIGN KEY ("declared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_assignees_user_idx" ON "evaluation_assignees" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "evaluation_findings_evaluation_idx" ON "evaluation_findings" USING btree ("evaluation_id","sort_order");--> statement-breakpoint
CREATE INDEX "evaluation_opinions_evaluation_idx" ON "evaluation_opinions" USING btree ("evaluation_id","created_at");--> statement-breakpoint
CREATE INDEX "evaluation_template_items_template_idx" ON "evaluation_template_items" USING btree ("template_id","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "engagements_evaluation_key" ON "engagements" USING btree ("evaluation_id");--> statement-breakpoint
CREATE INDEX "engagements_agency_idx" ON "engagements" USING btree ("agency_id","deadline");--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_template_id_evaluation_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."evaluation_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_ratings" ADD CONSTRAINT "agency_ratings_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_type_year_subject_key" ON "evaluations" USING btree ("type","year","subject_org_id") WHERE "evaluations"."subject_org_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "agency_ratings_engagement_key" ON "agency_ratings" USING btree ("engagement_id");