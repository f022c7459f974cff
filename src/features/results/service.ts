import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { resultApplications } from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { resultOfProject } from "./queries";
import type { SaveApplicationInput } from "./schemas";

type Ctx = { db: DbOrTx; user: CurrentUser };

/** Finance records its decision on a project's suggestion: adjusted percent (with reason), notes, 公开. */
export async function saveApplication(input: SaveApplicationInput, { db, user }: Ctx) {
  const result = await resultOfProject(user, input.projectId, db);
  if (!result) throw new AppError("NOT_FOUND");
  const values = {
    adjustedPercent: input.adjustedPercent ?? null,
    adjustReason: input.adjustedPercent === undefined ? "" : input.adjustReason,
    accountability: input.accountability,
    disclosed: input.disclosed,
    updatedBy: user.id,
    updatedAt: new Date(),
  };
  const before = {
    adjustedPercent: result.adjustedPercent,
    accountability: result.accountability,
    disclosed: result.disclosed,
  };
  if ((result.raVersion ?? 0) !== input.version) throw new AppError("CONFLICT");
  const [row] =
    input.version === 0
      ? await db
          .insert(resultApplications)
          .values({ ...values, projectId: input.projectId })
          .onConflictDoNothing()
          .returning({ version: resultApplications.version })
      : await db
          .update(resultApplications)
          .set({ ...values, version: sql`${resultApplications.version} + 1` })
          .where(
            and(
              eq(resultApplications.projectId, input.projectId),
              eq(resultApplications.version, input.version),
            ),
          )
          .returning({ version: resultApplications.version });
  if (!row) throw new AppError("CONFLICT");
  return { projectId: input.projectId, version: row.version, before, rulePercent: result.rulePercent };
}
