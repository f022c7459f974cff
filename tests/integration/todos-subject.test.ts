import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { notifyProjectHandoff } from "@/features/notifications/hand-offs";
import { listNotifications } from "@/features/notifications/queries";
import { db } from "@/server/db";
import { evaluations, notifications, organisations, projects, rectificationItems } from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { signedIn } from "../factories/users";

// A to-do names what it is about, read from its record: twenty notices with the same title (e.g.
// 整改情况已报送) must be told apart by project and department.

let admin: CurrentUser;
let filer: CurrentUser;

beforeAll(async () => {
  [admin, filer] = await Promise.all([signedIn("finance_admin"), signedIn("dept_filer")]);
});

describe("to-do subject", () => {
  it("names the department and project of each rectification to-do, as the records say", async () => {
    const { rows } = await listNotifications(admin.id, { unreadOnly: false, page: 1, limit: 200 });
    const rectification = rows.filter((r) => r.link.startsWith("/rectification/"));
    expect(rectification.length).toBeGreaterThan(0);
    for (const row of rectification) {
      const [note] = await db
        .select({ entityId: notifications.entityId })
        .from(notifications)
        .where(eq(notifications.id, row.id));
      const [expected] = await db
        .select({
          label: sql<string>`coalesce(${organisations.name} || ' · ' || ${projects.code} || ' ' || ${projects.name},
            (select o.name from organisations o where o.id = ${rectificationItems.departmentId}))`,
        })
        .from(rectificationItems)
        .leftJoin(projects, eq(projects.id, rectificationItems.projectId))
        .leftJoin(organisations, eq(organisations.id, projects.departmentId))
        .where(eq(rectificationItems.id, note!.entityId));
      expect(row.subject).toBe(expected!.label);
    }
  });

  it("names the project of a self-evaluation hand-off, and nothing for a record of no known kind", async () => {
    const [ev] = await db
      .select({
        id: evaluations.id,
        projectId: evaluations.projectId,
        code: projects.code,
        name: projects.name,
      })
      .from(evaluations)
      .innerJoin(projects, eq(projects.id, evaluations.projectId))
      .where(and(eq(evaluations.type, "SELF"), eq(projects.unitId, filer.orgId!)))
      .limit(1);
    await db.transaction(async (tx) => {
      await notifyProjectHandoff(tx, {
        projectId: ev!.projectId!,
        to: "filers",
        kind: "RETURNED",
        titleKey: "selfEvaluationReturned",
        reason: "请补充佐证材料",
        link: `/self-evaluations/${ev!.id}`,
        entityType: "evaluation",
        entityId: ev!.id,
      });
      await tx.insert(notifications).values({
        recipientId: filer.id,
        kind: "ASSIGNED",
        titleKey: "selfEvaluationReturned",
        link: "/todos",
        entityType: "something_else",
        entityId: ev!.id,
      });
    });
    const { rows } = await listNotifications(filer.id, { unreadOnly: true, page: 1, limit: 5 });
    const handoff = rows.find((r) => r.link === `/self-evaluations/${ev!.id}`);
    expect(handoff?.subject).toBe(`区科技局 · ${ev!.code} ${ev!.name}`);
    expect(rows.find((r) => r.link === "/todos")?.subject).toBeNull();
  });
});
