ALTER TYPE "public"."org_kind" ADD VALUE 'CONGRESS';--> statement-breakpoint
ALTER TYPE "public"."org_kind" ADD VALUE 'GOVERNMENT';