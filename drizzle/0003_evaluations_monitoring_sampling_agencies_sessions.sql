CREATE TYPE "public"."evaluation_status" AS ENUM('DRAFT', 'SUBMITTED', 'RETURNED', 'DEPT_APPROVED', 'RECEIVED', 'SCORING', 'SETTLED');--> statement-breakpoint
CREATE TYPE "public"."evaluation_type" AS ENUM('SELF', 'SAMPLED', 'KEY', 'THIRD_PARTY', 'DEPT_OVERALL', 'TOWNSHIP_FISCAL');--> statement-breakpoint
CREATE TYPE "public"."grade" AS ENUM('EXCELLENT', 'GOOD', 'PASS', 'FAIL');--> statement-breakpoint
CREATE TYPE "public"."feedback_status" AS ENUM('DRAFT', 'PUBLISHED');--> statement-breakpoint
CREATE TYPE "public"."sampling_batch_status" AS ENUM('DRAFT', 'STARTED', 'CLOSED');--> statement-breakpoint
CREATE TYPE "public"."selection_reason" AS ENUM('LARGE_AMOUNT', 'LAST_YEAR_FAIL', 'RED_WARNING', 'RANDOM');--> statement-breakpoint
CREATE TYPE "public"."agency_status" AS ENUM('ACTIVE', 'SUSPENDED', 'BLACKLISTED');--> statement-breakpoint
CREATE TYPE "public"."deviation_reason" AS ENUM('FUNDING', 'SYSTEM', 'STAFF', 'HARDWARE', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."funding_source" AS ENUM('CURRENT', 'CARRYOVER', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."monitoring_likelihood" AS ENUM('CERTAIN', 'POSSIBLE', 'IMPOSSIBLE');--> statement-breakpoint
CREATE TYPE "public"."monitoring_notice_kind" AS ENUM('CORRECTION', 'SUSPEND_FUNDING', 'STOP_FUNDING', 'TARGET_ADJUSTMENT');--> statement-breakpoint
CREATE TYPE "public"."monitoring_notice_status" AS ENUM('OPEN', 'ANSWERED', 'CLOSED');--> statement-breakpoint
CREATE TYPE "public"."monitoring_report_status" AS ENUM('NOT_FILED', 'DRAFT', 'SUBMITTED', 'DEPT_APPROVED', 'APPROVED', 'RETURNED');--> statement-breakpoint
CREATE TYPE "public"."monitoring_scope_rule" AS ENUM('ALL', 'MIN_AMOUNT', 'DEPARTMENTS');--> statement-breakpoint
CREATE TABLE "user_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "evaluation_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" "evaluation_type" NOT NULL,
	"year" integer NOT NULL,
	"due_date" date NOT NULL,
	"opened_by" uuid,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_rounds_type_year_key" UNIQUE("type","year")
);
--> statement-breakpoint
CREATE TABLE "evaluation_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"target_indicator_id" uuid,
	"level1" text NOT NULL,
	"level2" text NOT NULL,
	"name" text NOT NULL,
	"target_text" text DEFAULT '' NOT NULL,
	"max_points" numeric(6, 2) NOT NULL,
	"actual_value" text DEFAULT '' NOT NULL,
	"points" numeric(6, 2),
	"note" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"from_status" "evaluation_status",
	"to_status" "evaluation_status" NOT NULL,
	"actor_id" uuid,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" "evaluation_type" NOT NULL,
	"year" integer NOT NULL,
	"project_id" uuid,
	"subject_org_id" uuid,
	"batch_id" uuid,
	"status" "evaluation_status" DEFAULT 'DRAFT' NOT NULL,
	"budget_total" numeric(18, 2),
	"executed_total" numeric(18, 2),
	"total_score" numeric(6, 2),
	"grade" "grade",
	"summary" text DEFAULT '' NOT NULL,
	"improvement" text DEFAULT '' NOT NULL,
	"filed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sampling_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"status" "sampling_batch_status" DEFAULT 'DRAFT' NOT NULL,
	"sample_size" integer NOT NULL,
	"seed" integer NOT NULL,
	"min_amount" numeric(18, 2),
	"include_last_year_fail" boolean DEFAULT true NOT NULL,
	"include_red_warnings" boolean DEFAULT true NOT NULL,
	"group_count" integer NOT NULL,
	"population_size" integer NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	CONSTRAINT "sampling_batches_year_name_key" UNIQUE("year","name")
);
--> statement-breakpoint
CREATE TABLE "sampling_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"status" "feedback_status" DEFAULT 'DRAFT' NOT NULL,
	"problems" text DEFAULT '' NOT NULL,
	"requirements" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sampling_feedback_batch_department_key" UNIQUE("batch_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "sampling_group_members" (
	"group_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "sampling_group_members_group_id_user_id_pk" PRIMARY KEY("group_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "sampling_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"lead_id" uuid,
	CONSTRAINT "sampling_groups_batch_name_key" UNIQUE("batch_id","name")
);
--> statement-breakpoint
CREATE TABLE "sampling_selections" (
	"batch_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"group_id" uuid,
	"reason" "selection_reason" NOT NULL,
	"stratum" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "sampling_selections_batch_id_project_id_pk" PRIMARY KEY("batch_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "agency_conflicts" (
	"agency_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agency_conflicts_agency_id_department_id_pk" PRIMARY KEY("agency_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "agency_profiles" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"status" "agency_status" DEFAULT 'ACTIVE' NOT NULL,
	"credit_code" text DEFAULT '' NOT NULL,
	"qualifications" text DEFAULT '' NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"status_reason" text DEFAULT '' NOT NULL,
	"blacklisted_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agency_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"engagement_id" uuid,
	"rated_on" date NOT NULL,
	"score" numeric(5, 2) NOT NULL,
	"breakdown" jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"rated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agency_staff" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"name" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"qualification" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agency_violations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"description" text NOT NULL,
	"penalty" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" "monitoring_notice_kind" NOT NULL,
	"status" "monitoring_notice_status" DEFAULT 'OPEN' NOT NULL,
	"content" text NOT NULL,
	"due_date" date,
	"target_sheet_id" uuid,
	"reply" text DEFAULT '' NOT NULL,
	"replied_by" uuid,
	"replied_at" timestamp with time zone,
	"closing_note" text DEFAULT '' NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_progress" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"value" text DEFAULT '' NOT NULL,
	CONSTRAINT "monitoring_progress_report_indicator_key" UNIQUE("report_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "monitoring_report_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"from_status" "monitoring_report_status",
	"to_status" "monitoring_report_status" NOT NULL,
	"actor_id" uuid,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"status" "monitoring_report_status" DEFAULT 'NOT_FILED' NOT NULL,
	"target_sheet_id" uuid,
	"executed_current" numeric(18, 2),
	"executed_carryover" numeric(18, 2),
	"executed_other" numeric(18, 2),
	"executed_reason" text DEFAULT '' NOT NULL,
	"likelihood" "monitoring_likelihood",
	"deviation_reasons" "deviation_reason"[] DEFAULT '{}' NOT NULL,
	"deviation_note" text DEFAULT '' NOT NULL,
	"measures" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_reports_round_project_key" UNIQUE("round_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "monitoring_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"period_months" integer NOT NULL,
	"due_date" date NOT NULL,
	"scope_rule" "monitoring_scope_rule" NOT NULL,
	"min_amount" numeric(18, 2),
	"department_ids" uuid[] DEFAULT '{}' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"filename" text NOT NULL,
	"row_count" integer NOT NULL,
	"total" numeric(18, 2) NOT NULL,
	"imported_by" uuid,
	"content_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "treasury_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"import_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"paid_on" date NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"source" "funding_source" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_year_fiscal_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."fiscal_years"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_scores" ADD CONSTRAINT "evaluation_scores_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_scores" ADD CONSTRAINT "evaluation_scores_target_indicator_id_target_indicators_id_fk" FOREIGN KEY ("target_indicator_id") REFERENCES "public"."target_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_transitions" ADD CONSTRAINT "evaluation_transitions_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_transitions" ADD CONSTRAINT "evaluation_transitions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_year_fiscal_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."fiscal_years"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_subject_org_id_organisations_id_fk" FOREIGN KEY ("subject_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_batch_id_sampling_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."sampling_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_batches" ADD CONSTRAINT "sampling_batches_year_fiscal_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."fiscal_years"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_batches" ADD CONSTRAINT "sampling_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_feedback" ADD CONSTRAINT "sampling_feedback_batch_id_sampling_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."sampling_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_feedback" ADD CONSTRAINT "sampling_feedback_department_id_organisations_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_feedback" ADD CONSTRAINT "sampling_feedback_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_feedback" ADD CONSTRAINT "sampling_feedback_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_group_members" ADD CONSTRAINT "sampling_group_members_group_id_sampling_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."sampling_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_group_members" ADD CONSTRAINT "sampling_group_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_groups" ADD CONSTRAINT "sampling_groups_batch_id_sampling_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."sampling_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_groups" ADD CONSTRAINT "sampling_groups_lead_id_users_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_selections" ADD CONSTRAINT "sampling_selections_batch_id_sampling_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."sampling_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_selections" ADD CONSTRAINT "sampling_selections_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_selections" ADD CONSTRAINT "sampling_selections_group_id_sampling_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."sampling_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_conflicts" ADD CONSTRAINT "agency_conflicts_agency_id_organisations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_conflicts" ADD CONSTRAINT "agency_conflicts_department_id_organisations_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_profiles" ADD CONSTRAINT "agency_profiles_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_ratings" ADD CONSTRAINT "agency_ratings_agency_id_organisations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_ratings" ADD CONSTRAINT "agency_ratings_rated_by_users_id_fk" FOREIGN KEY ("rated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_staff" ADD CONSTRAINT "agency_staff_agency_id_organisations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_violations" ADD CONSTRAINT "agency_violations_agency_id_organisations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_violations" ADD CONSTRAINT "agency_violations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_notices" ADD CONSTRAINT "monitoring_notices_report_id_monitoring_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."monitoring_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_notices" ADD CONSTRAINT "monitoring_notices_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_notices" ADD CONSTRAINT "monitoring_notices_target_sheet_id_target_sheets_id_fk" FOREIGN KEY ("target_sheet_id") REFERENCES "public"."target_sheets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_notices" ADD CONSTRAINT "monitoring_notices_replied_by_users_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_notices" ADD CONSTRAINT "monitoring_notices_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_notices" ADD CONSTRAINT "monitoring_notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_progress" ADD CONSTRAINT "monitoring_progress_report_id_monitoring_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."monitoring_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_progress" ADD CONSTRAINT "monitoring_progress_indicator_id_target_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."target_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_report_transitions" ADD CONSTRAINT "monitoring_report_transitions_report_id_monitoring_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."monitoring_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_report_transitions" ADD CONSTRAINT "monitoring_report_transitions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reports" ADD CONSTRAINT "monitoring_reports_round_id_monitoring_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."monitoring_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reports" ADD CONSTRAINT "monitoring_reports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reports" ADD CONSTRAINT "monitoring_reports_department_id_organisations_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reports" ADD CONSTRAINT "monitoring_reports_target_sheet_id_target_sheets_id_fk" FOREIGN KEY ("target_sheet_id") REFERENCES "public"."target_sheets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_rounds" ADD CONSTRAINT "monitoring_rounds_year_fiscal_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."fiscal_years"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_rounds" ADD CONSTRAINT "monitoring_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_imports" ADD CONSTRAINT "payment_imports_year_fiscal_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."fiscal_years"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_imports" ADD CONSTRAINT "payment_imports_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treasury_payments" ADD CONSTRAINT "treasury_payments_import_id_payment_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."payment_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treasury_payments" ADD CONSTRAINT "treasury_payments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "user_sessions_user_idx" ON "user_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "evaluation_scores_evaluation_idx" ON "evaluation_scores" USING btree ("evaluation_id","sort_order");--> statement-breakpoint
CREATE INDEX "evaluation_transitions_evaluation_idx" ON "evaluation_transitions" USING btree ("evaluation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_type_project_key" ON "evaluations" USING btree ("type","project_id") WHERE "evaluations"."project_id" is not null;--> statement-breakpoint
CREATE INDEX "evaluations_year_type_status_idx" ON "evaluations" USING btree ("year","type","status");--> statement-breakpoint
CREATE INDEX "evaluations_batch_idx" ON "evaluations" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "sampling_group_members_user_idx" ON "sampling_group_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sampling_selections_group_idx" ON "sampling_selections" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "sampling_selections_project_idx" ON "sampling_selections" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "agency_ratings_agency_idx" ON "agency_ratings" USING btree ("agency_id","rated_on");--> statement-breakpoint
CREATE INDEX "agency_staff_agency_idx" ON "agency_staff" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "agency_violations_agency_idx" ON "agency_violations" USING btree ("agency_id","occurred_on");--> statement-breakpoint
CREATE INDEX "monitoring_notices_report_idx" ON "monitoring_notices" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "monitoring_notices_project_idx" ON "monitoring_notices" USING btree ("project_id","status");--> statement-breakpoint
CREATE INDEX "monitoring_report_transitions_report_idx" ON "monitoring_report_transitions" USING btree ("report_id","created_at");--> statement-breakpoint
CREATE INDEX "monitoring_reports_round_dept_idx" ON "monitoring_reports" USING btree ("round_id","department_id","status");--> statement-breakpoint
CREATE INDEX "monitoring_reports_project_idx" ON "monitoring_reports" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "monitoring_rounds_year_idx" ON "monitoring_rounds" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_imports_year_content_key" ON "payment_imports" USING btree ("year","content_hash");--> statement-breakpoint
CREATE INDEX "treasury_payments_project_idx" ON "treasury_payments" USING btree ("project_id","paid_on");