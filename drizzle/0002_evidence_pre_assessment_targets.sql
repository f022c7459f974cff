CREATE TYPE "public"."indicator_direction" AS ENUM('HIGHER_BETTER', 'LOWER_BETTER', 'EXACT');--> statement-breakpoint
CREATE TYPE "public"."indicator_level1" AS ENUM('OUTPUT', 'BENEFIT', 'SATISFACTION');--> statement-breakpoint
CREATE TYPE "public"."indicator_level2" AS ENUM('QUANTITY', 'QUALITY', 'TIMELINESS', 'COST', 'ECONOMIC', 'SOCIAL', 'ECOLOGICAL', 'SUSTAINABLE', 'SERVICE_SATISFACTION');--> statement-breakpoint
CREATE TYPE "public"."indicator_operator" AS ENUM('GTE', 'LTE', 'EQ', 'QUALITATIVE');--> statement-breakpoint
CREATE TYPE "public"."target_sheet_status" AS ENUM('DRAFT', 'SUBMITTED', 'DEPT_APPROVED', 'APPROVED', 'RETURNED');--> statement-breakpoint
CREATE TYPE "public"."pre_assessment_conclusion" AS ENUM('SUPPORT', 'SUPPORT_ADJUSTED', 'REJECT');--> statement-breakpoint
CREATE TYPE "public"."pre_assessment_status" AS ENUM('DRAFT', 'SUBMITTED', 'DEPT_APPROVED', 'RETURNED', 'FINANCE_REVIEWING', 'IN_EXPERT_REVIEW', 'CONCLUDED');--> statement-breakpoint
CREATE TABLE "library_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sector" text NOT NULL,
	"level1" "indicator_level1" NOT NULL,
	"level2" "indicator_level2" NOT NULL,
	"name" text NOT NULL,
	"operator" "indicator_operator" NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"target_hint" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sheet_id" uuid NOT NULL,
	"level1" "indicator_level1" NOT NULL,
	"level2" "indicator_level2" NOT NULL,
	"name" text NOT NULL,
	"operator" "indicator_operator" NOT NULL,
	"target_value" text DEFAULT '' NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"points" numeric(6, 2) DEFAULT '0' NOT NULL,
	"direction" "indicator_direction" NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"library_indicator_id" uuid
);
--> statement-breakpoint
CREATE TABLE "target_sheet_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sheet_id" uuid NOT NULL,
	"from_status" "target_sheet_status",
	"to_status" "target_sheet_status" NOT NULL,
	"actor_id" uuid,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_sheets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"version_no" integer DEFAULT 1 NOT NULL,
	"supersedes_id" uuid,
	"status" "target_sheet_status" DEFAULT 'DRAFT' NOT NULL,
	"overall_goal" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "target_sheets_project_version_key" UNIQUE("project_id","version_no")
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"project_id" uuid,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	CONSTRAINT "attachments_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "expert_group_members" (
	"group_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	CONSTRAINT "expert_group_members_group_id_expert_id_pk" PRIMARY KEY("group_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "expert_group_projects" (
	"group_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	CONSTRAINT "expert_group_projects_group_id_project_id_pk" PRIMARY KEY("group_id","project_id"),
	CONSTRAINT "expert_group_projects_project_id_unique" UNIQUE("project_id")
);
--> statement-breakpoint
CREATE TABLE "expert_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"lead_expert_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expert_groups_year_name_key" UNIQUE("year","name")
);
--> statement-breakpoint
CREATE TABLE "expert_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"necessity_score" integer NOT NULL,
	"economy_score" integer NOT NULL,
	"targets_score" integer NOT NULL,
	"feasibility_score" integer NOT NULL,
	"compliance_score" integer NOT NULL,
	"opinion" text NOT NULL,
	"submitted" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expert_reviews_project_expert_key" UNIQUE("project_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "pre_assessment_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pre_assessment_id" uuid NOT NULL,
	"from_status" "pre_assessment_status",
	"to_status" "pre_assessment_status" NOT NULL,
	"comment" text,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pre_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"status" "pre_assessment_status" DEFAULT 'DRAFT' NOT NULL,
	"necessity_score" integer,
	"necessity_text" text,
	"economy_score" integer,
	"economy_text" text,
	"targets_score" integer,
	"targets_text" text,
	"feasibility_score" integer,
	"feasibility_text" text,
	"compliance_score" integer,
	"compliance_text" text,
	"conclusion" "pre_assessment_conclusion",
	"recommended_amount" numeric(18, 2),
	"conclusion_note" text,
	"conclusion_override" boolean DEFAULT false NOT NULL,
	"concluded_by" uuid,
	"concluded_at" timestamp with time zone,
	"filed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pre_assessments_project_id_unique" UNIQUE("project_id")
);
--> statement-breakpoint
ALTER TABLE "target_indicators" ADD CONSTRAINT "target_indicators_sheet_id_target_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."target_sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_indicators" ADD CONSTRAINT "target_indicators_library_indicator_id_library_indicators_id_fk" FOREIGN KEY ("library_indicator_id") REFERENCES "public"."library_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_sheet_transitions" ADD CONSTRAINT "target_sheet_transitions_sheet_id_target_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."target_sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_sheet_transitions" ADD CONSTRAINT "target_sheet_transitions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_sheets" ADD CONSTRAINT "target_sheets_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_sheets" ADD CONSTRAINT "target_sheets_year_fiscal_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."fiscal_years"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_sheets" ADD CONSTRAINT "target_sheets_supersedes_id_target_sheets_id_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."target_sheets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_group_members" ADD CONSTRAINT "expert_group_members_group_id_expert_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."expert_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_group_members" ADD CONSTRAINT "expert_group_members_expert_id_users_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_group_projects" ADD CONSTRAINT "expert_group_projects_group_id_expert_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."expert_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_group_projects" ADD CONSTRAINT "expert_group_projects_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_groups" ADD CONSTRAINT "expert_groups_year_fiscal_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."fiscal_years"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_groups" ADD CONSTRAINT "expert_groups_lead_expert_id_users_id_fk" FOREIGN KEY ("lead_expert_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_groups" ADD CONSTRAINT "expert_groups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_reviews" ADD CONSTRAINT "expert_reviews_group_id_expert_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."expert_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_reviews" ADD CONSTRAINT "expert_reviews_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_reviews" ADD CONSTRAINT "expert_reviews_expert_id_users_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_assessment_history" ADD CONSTRAINT "pre_assessment_history_pre_assessment_id_pre_assessments_id_fk" FOREIGN KEY ("pre_assessment_id") REFERENCES "public"."pre_assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_assessment_history" ADD CONSTRAINT "pre_assessment_history_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_assessments" ADD CONSTRAINT "pre_assessments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_assessments" ADD CONSTRAINT "pre_assessments_concluded_by_users_id_fk" FOREIGN KEY ("concluded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_assessments" ADD CONSTRAINT "pre_assessments_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "library_indicators_sector_idx" ON "library_indicators" USING btree ("sector","level1","level2");--> statement-breakpoint
CREATE INDEX "target_indicators_sheet_idx" ON "target_indicators" USING btree ("sheet_id","sort_order");--> statement-breakpoint
CREATE INDEX "target_sheet_transitions_sheet_idx" ON "target_sheet_transitions" USING btree ("sheet_id","created_at");--> statement-breakpoint
CREATE INDEX "target_sheets_year_status_idx" ON "target_sheets" USING btree ("year","status");--> statement-breakpoint
CREATE INDEX "attachments_entity_idx" ON "attachments" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "attachments_project_idx" ON "attachments" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "expert_group_members_expert_idx" ON "expert_group_members" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "pre_assessment_history_pa_idx" ON "pre_assessment_history" USING btree ("pre_assessment_id","at");--> statement-breakpoint
CREATE INDEX "pre_assessments_status_idx" ON "pre_assessments" USING btree ("status");