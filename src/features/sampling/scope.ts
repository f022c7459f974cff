import { and, eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { evaluations, samplingBatches, samplingGroupMembers, samplingSelections } from "@/server/schema";
import { districtActScope, districtScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";

type Reader = Pick<CurrentUser, "id" | "role" | "districtId" | "provinceWide">;

// 抽评 scope: a reviewer or expert reaches the projects of the sampling groups they sit in, nothing
// else (the division scope of a FINANCE_REVIEWER does not apply here); finance admin reaches the
// batches of their district (a province-level one every district's batches, and acts on the
// province's own).

/** The batches of the user's district a finance administrator reads (the province: every one). */
export function batchDistrictScope(user: Pick<CurrentUser, "districtId" | "provinceWide">): SQL {
  return districtScope(user, samplingBatches.districtId);
}

/**
 * A batch the finance administrator may act on (their district's; the province's own for a
 * province-level one): NOT_FOUND otherwise, as for a batch that does not exist.
 */
export async function actingBatch(
  db: DbOrTx,
  user: Pick<CurrentUser, "districtId" | "provinceWide">,
  batchId: string,
) {
  const [batch] = await db
    .select({ id: samplingBatches.id, status: samplingBatches.status, year: samplingBatches.year })
    .from(samplingBatches)
    .where(and(eq(samplingBatches.id, batchId), districtActScope(user, samplingBatches.districtId)));
  if (!batch) throw new AppError("NOT_FOUND");
  return batch;
}

/**
 * The sampled evaluations a user may read: finance admin those of their district's batches, group
 * members their groups' ones.
 */
export function sampledEvaluationScope(user: Reader): SQL {
  if (user.role === "FINANCE_ADMIN")
    return and(
      eq(evaluations.type, "SAMPLED"),
      sql`${evaluations.batchId} in (select ${samplingBatches.id} from ${samplingBatches} where ${batchDistrictScope(user)})`,
    )!;
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
