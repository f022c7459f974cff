import { and, eq, sql, type SQL } from "drizzle-orm";
import { evaluationAssignees, evaluations } from "@/server/schema";
import { projectScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";

type Reader = Pick<CurrentUser, "id" | "role" | "orgId" | "districtId" | "provinceWide">;

// 财政重点评价 scope: finance admin and leaders reach every key evaluation of their district; a reviewer only those they
// are assigned to (their division's coverage does not apply); a department's users only the settled
// ones of projects in their own scope (the result and findings, never the work in progress); anyone
// else nothing. Queries join evaluations to projects.

export function keyEvaluationScope(user: Reader): SQL {
  const key = eq(evaluations.type, "KEY");
  switch (user.role) {
    case "FINANCE_ADMIN":
    case "LEADER":
      return and(key, projectScope(user))!;
    case "FINANCE_REVIEWER":
      return and(key, assignedTo(user.id))!;
    case "DEPT_APPROVER":
    case "DEPT_FILER":
      return and(key, eq(evaluations.status, "SETTLED"), projectScope(user))!;
    default:
      return sql`false`;
  }
}

/** The evaluation has this user among its reviewers. */
export function assignedTo(userId: string): SQL {
  return sql`exists (select 1 from ${evaluationAssignees}
    where ${evaluationAssignees.evaluationId} = ${evaluations.id} and ${evaluationAssignees.userId} = ${userId})`;
}
