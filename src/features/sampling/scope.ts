import { and, eq, sql, type SQL } from "drizzle-orm";
import { evaluations, samplingGroupMembers, samplingSelections } from "@/server/schema";
import type { CurrentUser } from "@/server/session";

type Reader = Pick<CurrentUser, "id" | "role">;

// 抽评 scope: a reviewer or expert reaches the projects of the sampling groups they sit in, nothing
// else (the division scope of a FINANCE_REVIEWER does not apply here); finance admin reaches all.

/** The sampled evaluations a user may read: finance admin all, group members their groups' ones. */
export function sampledEvaluationScope(user: Reader): SQL {
  if (user.role === "FINANCE_ADMIN") return eq(evaluations.type, "SAMPLED");
  if (user.role !== "FINANCE_REVIEWER" && user.role !== "EXPERT") return sql`false`;
  return and(eq(evaluations.type, "SAMPLED"), memberOfEvaluationGroup(user.id))!;
}

/** The sampled evaluation sits in a group of its batch that has this user as a member. */
export function memberOfEvaluationGroup(userId: string): SQL {
  return sql`exists (select 1 from ${samplingSelections}
    join ${samplingGroupMembers} on ${samplingGroupMembers.groupId} = ${samplingSelections.groupId}
    where ${samplingSelections.batchId} = ${evaluations.batchId}
      and ${samplingSelections.projectId} = ${evaluations.projectId}
      and ${samplingGroupMembers.userId} = ${userId})`;
}

/** Projects held by a sampling group that has this user as a member (any batch). */
export function groupProjectIds(userId: string) {
  return sql`(select ${samplingSelections.projectId} from ${samplingSelections}
    join ${samplingGroupMembers} on ${samplingGroupMembers.groupId} = ${samplingSelections.groupId}
    where ${samplingGroupMembers.userId} = ${userId})`;
}
