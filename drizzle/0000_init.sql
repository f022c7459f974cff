CREATE TYPE "public"."agency_type" AS ENUM('ACCOUNTING_FIRM', 'CONSULTING', 'ASSET_APPRAISAL', 'LAW_FIRM', 'RESEARCH_INSTITUTE', 'UNIVERSITY');--> statement-breakpoint
CREATE TYPE "public"."audit_result" AS ENUM('SUCCESS', 'FAILURE', 'DENIED');--> statement-breakpoint
CREATE TYPE "public"."org_kind" AS ENUM('FINANCE_BUREAU', 'FINANCE_DIVISION', 'DEPARTMENT', 'UNIT', 'TOWNSHIP', 'AGENCY');--> statement-breakpoint
CREATE TYPE "public"."project_duration" AS ENUM('ONE_OFF', 'RECURRING', 'MULTI_YEAR');--> statement-breakpoint
CREATE TYPE "public"."project_kind" AS ENUM('DEPT_SPECIAL', 'GOV_INVESTMENT');--> statement-breakpoint
CREATE TYPE "public"."project_novelty" AS ENUM('NEW', 'CONTINUING');--> statement-breakpoint
CREATE TYPE "public"."project_stage" AS ENUM('DRAFT', 'PRE_ASSESSMENT', 'TARGET_SETTING', 'BUDGETED', 'MONITORING', 'SELF_EVALUATION', 'EVALUATED', 'CLOSED');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('FINANCE_ADMIN', 'FINANCE_REVIEWER', 'EXPERT', 'DEPT_FILER', 'DEPT_APPROVER', 'AGENCY', 'LEADER', 'SYS_ADMIN', 'AUDITOR');--> statement-breakpoint
CREATE TYPE "public"."special_area" AS ENUM('GENERAL', 'GOV_INVESTMENT_FUND', 'PPP', 'GOV_PROCUREMENT', 'GOV_PURCHASED_SERVICE', 'GOV_DEBT');--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "org_kind" NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"parent_id" uuid,
	"covering_division_id" uuid,
	"agency_type" "agency_type",
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "role" NOT NULL,
	"org_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"failed_sign_ins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "fiscal_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"pre_assessment_threshold" numeric(18, 2) DEFAULT '3000000.00' NOT NULL,
	"weight_output" integer DEFAULT 50 NOT NULL,
	"weight_benefit" integer DEFAULT 30 NOT NULL,
	"weight_satisfaction" integer DEFAULT 10 NOT NULL,
	"weight_execution" integer DEFAULT 10 NOT NULL,
	"grade_excellent" integer DEFAULT 90 NOT NULL,
	"grade_good" integer DEFAULT 80 NOT NULL,
	"grade_pass" integer DEFAULT 60 NOT NULL,
	"warning_red" integer DEFAULT 60 NOT NULL,
	"warning_yellow" integer DEFAULT 80 NOT NULL,
	"indicator_deviation" integer DEFAULT 20 NOT NULL,
	"suggestion_excellent" integer DEFAULT 10 NOT NULL,
	"suggestion_good" integer DEFAULT 0 NOT NULL,
	"suggestion_pass" integer DEFAULT -10 NOT NULL,
	"suggestion_fail" integer DEFAULT -30 NOT NULL,
	"password_max_age_days" integer DEFAULT 90 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"kind" "project_kind" NOT NULL,
	"novelty" "project_novelty" NOT NULL,
	"duration" "project_duration" NOT NULL,
	"is_major" boolean DEFAULT false NOT NULL,
	"special_area" "special_area" DEFAULT 'GENERAL' NOT NULL,
	"requested_amount" numeric(18, 2) NOT NULL,
	"initial_budget" numeric(18, 2) DEFAULT '0' NOT NULL,
	"budget_current" numeric(18, 2) DEFAULT '0' NOT NULL,
	"budget_carryover" numeric(18, 2) DEFAULT '0' NOT NULL,
	"budget_other" numeric(18, 2) DEFAULT '0' NOT NULL,
	"executed_current" numeric(18, 2) DEFAULT '0' NOT NULL,
	"executed_carryover" numeric(18, 2) DEFAULT '0' NOT NULL,
	"executed_other" numeric(18, 2) DEFAULT '0' NOT NULL,
	"description" text,
	"stage" "project_stage" DEFAULT 'DRAFT' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_year_code_key" UNIQUE("year","code")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_username" text,
	"actor_role" "role",
	"action" text NOT NULL,
	"entity_type" text,
	"entity_id" text,
	"result" "audit_result" DEFAULT 'SUCCESS' NOT NULL,
	"changes" jsonb,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_parent_id_organisations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_covering_division_id_organisations_id_fk" FOREIGN KEY ("covering_division_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_year_fiscal_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."fiscal_years"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_unit_id_organisations_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_department_id_organisations_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisations_parent_idx" ON "organisations" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "organisations_kind_idx" ON "organisations" USING btree ("kind","sort_order");--> statement-breakpoint
CREATE INDEX "organisations_division_idx" ON "organisations" USING btree ("covering_division_id") WHERE "organisations"."covering_division_id" is not null;--> statement-breakpoint
CREATE INDEX "users_org_idx" ON "users" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "users_role_idx" ON "users" USING btree ("role");--> statement-breakpoint
CREATE INDEX "projects_year_dept_idx" ON "projects" USING btree ("year","department_id");--> statement-breakpoint
CREATE INDEX "projects_year_unit_idx" ON "projects" USING btree ("year","unit_id");--> statement-breakpoint
CREATE INDEX "projects_year_stage_idx" ON "projects" USING btree ("year","stage");--> statement-breakpoint
CREATE INDEX "projects_year_requested_idx" ON "projects" USING btree ("year","requested_amount");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action","at");