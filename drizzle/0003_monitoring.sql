CREATE TYPE "public"."deviation_reason" AS ENUM('FUNDING', 'SYSTEM', 'STAFF', 'HARDWARE', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."funding_source" AS ENUM('CURRENT', 'CARRYOVER', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."monitoring_likelihood" AS ENUM('CERTAIN', 'POSSIBLE', 'IMPOSSIBLE');--> statement-breakpoint
CREATE TYPE "public"."monitoring_notice_kind" AS ENUM('CORRECTION', 'SUSPEND_FUNDING', 'STOP_FUNDING', 'TARGET_ADJUSTMENT');--> statement-breakpoint
CREATE TYPE "public"."monitoring_notice_status" AS ENUM('OPEN', 'ANSWERED', 'CLOSED');--> statement-breakpoint
CREATE TYPE "public"."monitoring_report_status" AS ENUM('NOT_FILED', 'DRAFT', 'SUBMITTED', 'DEPT_APPROVED', 'APPROVED', 'RETURNED');--> statement-breakpoint
CREATE TYPE "public"."monitoring_scope_rule" AS ENUM('ALL', 'MIN_AMOUNT', 'DEPARTMENTS');--> statement-breakpoint
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
CREATE INDEX "monitoring_notices_report_idx" ON "monitoring_notices" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "monitoring_notices_project_idx" ON "monitoring_notices" USING btree ("project_id","status");--> statement-breakpoint
CREATE INDEX "monitoring_report_transitions_report_idx" ON "monitoring_report_transitions" USING btree ("report_id","created_at");--> statement-breakpoint
CREATE INDEX "monitoring_reports_round_dept_idx" ON "monitoring_reports" USING btree ("round_id","department_id","status");--> statement-breakpoint
CREATE INDEX "monitoring_reports_project_idx" ON "monitoring_reports" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "monitoring_rounds_year_idx" ON "monitoring_rounds" USING btree ("year");--> statement-breakpoint
CREATE INDEX "treasury_payments_project_idx" ON "treasury_payments" USING btree ("project_id","paid_on");