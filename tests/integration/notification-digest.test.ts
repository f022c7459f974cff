import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { bureauDate } from "@/domain/rectification";
import { deptReviewReportDefinition, runDeptReviewReport } from "@/features/monitoring/definitions";
import { listNotifications } from "@/features/notifications/queries";
import { db, queryRows } from "@/server/db";
import type { CurrentUser } from "@/server/session";
import { caller } from "../factories/actions";
import { withOwnSeededDatabase } from "../factories/own-database";
import { signedIn } from "../factories/users";

// Finance's share of a round is every project of every department. What departments forward reaches
// finance as one line per department and day that counts up, not one to-do per project.
withOwnSeededDatabase();

const deptReview = caller(deptReviewReportDefinition, runDeptReviewReport);

type Waiting = { id: string; version: number; dept: string; round: string };
async function submittedReports(username: string): Promise<Waiting[]> {
  return queryRows<Waiting>(
    db,
    sql`select r.id::text, r.version, p.department_id::text as dept, r.round_id::text as round
        from monitoring_reports r join projects p on p.id = r.project_id
          join users u on u.org_id = p.department_id and u.username = ${username}
        where r.status = 'SUBMITTED' order by p.code`,
  );
}

const digestsOf = (recipientId: string, deptId: string) =>
  queryRows<{ id: string; count: string; read: boolean; link: string; date: string }>(
    db,
    sql`select id::text, params->>'count' as count, read_at is not null as read, link, params->>'date' as date
        from notifications where recipient_id = ${recipientId} and entity_id = ${deptId}
          and title_key = 'monitoringReportForwardedDigest'`,
  );

let admin: CurrentUser;
let approverA: CurrentUser;
let approverB: CurrentUser;
let reportsA: Waiting[];
let reportsB: Waiting[];

beforeAll(async () => {
  [admin, approverA, approverB] = await Promise.all([
    signedIn("finance_admin"),
    signedIn("approver_d01"),
    signedIn("approver_d02"),
  ]);
  [reportsA, reportsB] = await Promise.all([
    submittedReports("approver_d01"),
    submittedReports("approver_d02"),
  ]);
  expect(reportsA.length).toBeGreaterThanOrEqual(3);
  expect(reportsB.length).toBeGreaterThanOrEqual(1);
});

describe("finance's digest of forwarded monitoring reports", () => {
  it("is one line per department that counts up, unread again after each forward", async () => {
    const [r1, r2, r3] = reportsA;
    for (const r of [r1!, r2!])
      expect(
        (await deptReview(approverA, { reportId: r.id, version: r.version, decision: "approve" })).ok,
      ).toBe(true);
    let rows = await digestsOf(admin.id, r1!.dept);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      count: "2",
      read: false,
      date: bureauDate(new Date()),
      link: `/monitoring/rounds/${r1!.round}?dept=${r1!.dept}&status=DEPT_APPROVED`,
    });
    // No per-project to-do for finance.
    const [perProject] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from notifications where recipient_id = ${admin.id}
          and title_key = 'monitoringReportForwarded'`,
    );
    expect(perProject!.n).toBe(0);

    // Finance reads it; the department forwards one more: three, and unread again.
    await db.execute(sql`update notifications set read_at = now() where id = ${rows[0]!.id}`);
    expect(
      (await deptReview(approverA, { reportId: r3!.id, version: r3!.version, decision: "approve" })).ok,
    ).toBe(true);
    rows = await digestsOf(admin.id, r1!.dept);
    expect(rows).toMatchObject([{ count: "3", read: false }]);

    // It heads finance's unread list, with the department as its subject.
    const list = await listNotifications(admin.id, { unreadOnly: true, page: 1, limit: 5 });
    expect(list.rows[0]).toMatchObject({ id: rows[0]!.id, titleKey: "monitoringReportForwardedDigest" });
    expect(list.rows[0]!.subject).toBe(
      (await queryRows<{ name: string }>(db, sql`select name from organisations where id = ${r1!.dept}`))[0]!
        .name,
    );
  });

  it("keeps departments apart and reaches only finance covering the department", async () => {
    const r = reportsB[0]!;
    expect(
      (await deptReview(approverB, { reportId: r.id, version: r.version, decision: "approve" })).ok,
    ).toBe(true);
    expect(await digestsOf(admin.id, r.dept)).toMatchObject([{ count: "1" }]);
    const recipients = await queryRows<{ id: string }>(
      db,
      sql`select recipient_id::text as id from notifications where entity_id = ${r.dept}
          and title_key = 'monitoringReportForwardedDigest' order by 1`,
    );
    const expected = await queryRows<{ id: string }>(
      db,
      sql`select id::text from users where active and (
            (role = 'FINANCE_ADMIN' and org_id in (select id from organisations where district_id =
              (select district_id from organisations where id = ${r.dept})))
            or (role = 'FINANCE_REVIEWER' and org_id = (select covering_division_id from organisations where id = ${r.dept})))
          order by 1`,
    );
    expect(recipients).toEqual(expected);
  });
});
