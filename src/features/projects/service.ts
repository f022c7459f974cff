import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { diff } from "@/server/audit";
import { queryRows, type DbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { fiscalYears, organisations, projects } from "@/server/schema";
import { projectScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import type { CreateProjectInput, UpdateProjectInput } from "./schemas";

export type ServiceContext = { db: DbOrTx; user: CurrentUser };

/**
 * The next code of a department's year: `<year>-<dept code>-<seq>`. The advisory lock, held to the
 * end of the transaction, makes two filers of one department take different numbers.
 */
export async function nextProjectCode(db: DbOrTx, year: number, departmentCode: string): Promise<string> {
  const prefix = `${year}-${departmentCode}-`;
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`project-code:${prefix}`}))`);
  const [row] = await queryRows<{ n: number | string }>(
    db,
    sql`select coalesce(max(substr(${projects.code}, ${prefix.length + 1})::int), 0) as n
        from ${projects}
        where ${projects.year} = ${year}
          and left(${projects.code}, ${prefix.length}) = ${prefix}
          and substr(${projects.code}, ${prefix.length + 1}) ~ '^[0-9]+$'`,
  );
  return `${prefix}${String(Number(row?.n ?? 0) + 1).padStart(4, "0")}`;
}

const editable = (input: CreateProjectInput | UpdateProjectInput) => ({
  name: input.name,
  kind: input.kind,
  novelty: input.novelty,
  duration: input.duration,
  isMajor: input.isMajor,
  specialArea: input.specialArea,
  requestedAmount: input.requestedAmount,
  description: input.description,
});

/**
 * 项目申报: a filer files a project for their own unit. The unit and department come from the
 * account, never from the input; the project starts at the DRAFT stage.
 */
export async function createProject(input: CreateProjectInput, { db, user }: ServiceContext) {
  if (!user.orgId || !user.departmentId) throw new AppError("FORBIDDEN");
  const [year] = await db
    .select({ year: fiscalYears.year })
    .from(fiscalYears)
    .where(eq(fiscalYears.year, input.year));
  if (!year) throw new AppError("VALIDATION", "VALIDATION", { year: ["fiscalYearUnknown"] });
  const [department] = await db
    .select({ code: organisations.code })
    .from(organisations)
    .where(eq(organisations.id, user.departmentId));
  if (!department) throw new AppError("FORBIDDEN");

  const code = await nextProjectCode(db, input.year, department.code);
  const [row] = await db
    .insert(projects)
    .values({
      ...editable(input),
      year: input.year,
      code,
      unitId: user.orgId,
      departmentId: user.departmentId,
      stage: "DRAFT",
    })
    .returning({ id: projects.id, code: projects.code, version: projects.version });
  return row!;
}

/**
 * Change a filed project. Only while it is still at DRAFT, only within the user's scope (read from
 * the record), and only if nobody saved it since the form was opened (version).
 */
export async function updateProject(input: UpdateProjectInput, { db, user }: ServiceContext) {
  const scoped = and(eq(projects.id, input.id), projectScope(user));
  const [before] = await db
    .select({ ...fieldsOf(), stage: projects.stage, version: projects.version })
    .from(projects)
    .where(scoped)
    .limit(1);
  if (!before) throw new AppError("NOT_FOUND");
  if (before.stage !== "DRAFT") throw new AppError("INVALID_TRANSITION", "stageLocked");
  if (before.version !== input.version) throw new AppError("CONFLICT");

  const values = editable(input);
  const changes = diff(before, values);
  const [row] = await db
    .update(projects)
    .set({ ...values, version: sql`${projects.version} + 1`, updatedAt: new Date() })
    .where(and(scoped, eq(projects.stage, "DRAFT"), eq(projects.version, input.version)))
    .returning({ id: projects.id, version: projects.version });
  // Someone saved or moved it between the read and the write.
  if (!row) throw new AppError("CONFLICT");
  return { id: row.id, version: row.version, changes };
}

function fieldsOf() {
  return {
    name: projects.name,
    kind: projects.kind,
    novelty: projects.novelty,
    duration: projects.duration,
    isMajor: projects.isMajor,
    specialArea: projects.specialArea,
    requestedAmount: projects.requestedAmount,
    description: projects.description,
  };
}
