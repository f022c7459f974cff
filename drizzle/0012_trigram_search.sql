-- "Contains" searches (项目名称或编码包含…) read trigram indexes instead of every project of the year.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "projects_name_trgm_idx" ON "projects" USING gin ("name" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "projects_code_trgm_idx" ON "projects" USING gin ("code" gin_trgm_ops);
