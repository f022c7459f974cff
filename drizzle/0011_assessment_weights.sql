ALTER TABLE "fiscal_years" ADD COLUMN "assess_targets_on_time" integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE "fiscal_years" ADD COLUMN "assess_self_on_time" integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE "fiscal_years" ADD COLUMN "assess_coverage" integer DEFAULT 20 NOT NULL;--> statement-breakpoint
ALTER TABLE "fiscal_years" ADD COLUMN "assess_target_quality" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "fiscal_years" ADD COLUMN "assess_score_gap" integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE "fiscal_years" ADD COLUMN "assess_notices" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "fiscal_years" ADD COLUMN "assess_rectification" integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE "fiscal_years" ADD COLUMN "target_due_month" integer DEFAULT 3 NOT NULL;