import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { dueReminders, remindDeadlines, remindDeadlinesOnChange } from "@/features/notifications/reminders";
import { openSelfRoundDefinition, runOpenSelfRound } from "@/features/self-evaluation/definitions";
import { aggregateCacheStats } from "@/server/aggregate-cache";
import { databaseHandle, db, queryRows } from "@/server/db";
import * as schema from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { caller } from "../factories/actions";
import { withOwnSeededDatabase } from "../factories/own-database";
import { collectRelations, watchedTables } from "../factories/plans";
import { signedIn } from "../factories/users";

// 即将到期 / 已逾期: the deadline reminders beyond rectification — monitoring notices and rounds, the
// self-evaluation round, a department's or township's own evaluation, an agency's engagements and a
// reviewer's key evaluations. Each is checked against the records by SQL of its own, at dates on either
// side of the three-day window. The file writes reminders, so it has its own database on the server.
withOwnSeededDatabase();

const openSelfRound = caller(openSelfRoundDefinition, runOpenSelfRound);

/** Noon in Shanghai on the given date. */
const on = (date: string) => new Date(`${date}T12:00:00+08:00`);
const one = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(db, query))[0]!;
const forEntity = (rows: Awaited<ReturnType<typeof dueReminders>>, id: string) =>
  rows.filter((r) => r.entityId === id);

let admin: CurrentUser;
let leader: CurrentUser;

beforeAll(async () => {
  [admin, leader] = await Promise.all([signedIn("finance_admin"), signedIn("leader")]);
});

describe("monitoring round", () => {
  let round: { id: string; due: string; name: string };
  beforeAll(async () => {
    round = await one(
      sql`select id::text, due_date::text as due, name from monitoring_rounds where year = 2020 limit 1`,
    );
  });

  it("reminds a unit with reports not filed once, with the count, before and after the due date", async () => {
    const unit = await one<{ username: string; n: number }>(
      sql`select u.username, count(*)::int as n from monitoring_reports r
          join projects p on p.id = r.project_id join users u on u.org_id = p.unit_id and u.role = 'DEPT_FILER'
          where r.round_id = ${round.id} and r.status in ('NOT_FILED', 'DRAFT', 'RETURNED')
          group by u.username order by n desc, u.username limit 1`,
    );
    expect(unit.n).toBeGreaterThan(0);
    const filer = await signedIn(unit.username);
    const before = (d: number) => new Date(on(round.due).getTime() - d * 86_400_000);

    const soon = forEntity(await dueReminders(db, filer, before(2)), round.id);
    expect(soon).toHaveLength(1);
    expect(soon[0]).toMatchObject({
      kind: "DUE_SOON",
      titleKey: "monitoringRoundDueSoon",
      link: `/monitoring/rounds/${round.id}`,
      params: { round: round.name, count: String(unit.n), deadline: round.due },
    });
    expect(forEntity(await dueReminders(db, filer, before(4)), round.id)).toHaveLength(0);
    const late = forEntity(await dueReminders(db, filer, before(-1)), round.id);
    expect(late).toMatchObject([{ kind: "OVERDUE", titleKey: "monitoringRoundOverdue" }]);
  });

  it("reminds a department's approver of the reports waiting for its review", async () => {
    const dept = await one<{ username: string; n: number }>(
      sql`select u.username, count(*)::int as n from monitoring_reports r
          join projects p on p.id = r.project_id join users u on u.org_id = p.department_id and u.role = 'DEPT_APPROVER'
          where r.round_id = ${round.id} and r.status = 'SUBMITTED'
          group by u.username order by n desc, u.username limit 1`,
    );
    const approver = await signedIn(dept.username);
    const rows = forEntity(await dueReminders(db, approver, on(round.due)), round.id);
    expect(rows).toMatchObject([
      { kind: "DUE_SOON", titleKey: "monitoringReviewDueSoon", params: { count: String(dept.n) } },
    ]);
  });
});

describe("monitoring notices", () => {
  it("reach the unit and department of each open notice with a due date, and nobody else", async () => {
    const notice = await one<{ id: string; due: string; unit: string; dept: string; reportId: string }>(
      sql`select n.id::text, n.due_date::text as due, p.unit_id::text as unit, p.department_id::text as dept,
            n.report_id::text as "reportId"
          from monitoring_notices n join projects p on p.id = n.project_id
          where n.status = 'OPEN' and n.due_date is not null order by n.id limit 1`,
    );
    const [filerName, approverName, outsiderName] = await Promise.all([
      one<{ username: string }>(
        sql`select username from users where org_id = ${notice.unit} and role = 'DEPT_FILER' order by username limit 1`,
      ),
      one<{ username: string }>(
        sql`select username from users where org_id = ${notice.dept} and role = 'DEPT_APPROVER' order by username limit 1`,
      ),
      one<{ username: string }>(
        sql`select username from users where role = 'DEPT_APPROVER' and org_id <> ${notice.dept} order by username limit 1`,
      ),
    ]);
    for (const name of [filerName.username, approverName.username]) {
      const rows = forEntity(await dueReminders(db, await signedIn(name), on(notice.due)), notice.id);
      expect(rows).toMatchObject([
        {
          kind: "DUE_SOON",
          titleKey: "monitoringNoticeDueSoon",
          link: `/monitoring/reports/${notice.reportId}`,
          entityType: "monitoring_notice",
        },
      ]);
    }
    const outsider = await signedIn(outsiderName.username);
    expect(forEntity(await dueReminders(db, outsider, on(notice.due)), notice.id)).toHaveLength(0);
  });
});

describe("self-evaluation round", () => {
  it("reminds the unit of its drafts and nobody in finance or leadership", async () => {
    const opened = await openSelfRound(admin, { year: 2021, dueDate: "2022-04-30" });
    expect(opened.ok).toBe(true);
    const filer = await signedIn("dept_filer");
    const expected = await one<{ n: number; round: string }>(
      sql`select count(*)::int as n,
            (select id::text from evaluation_rounds where type = 'SELF' and year = 2021) as round
          from evaluations e join projects p on p.id = e.project_id
          where e.type = 'SELF' and e.year = 2021 and e.status in ('DRAFT', 'RETURNED') and p.unit_id = ${filer.orgId}`,
    );
    expect(expected.n).toBeGreaterThan(0);
    const rows = forEntity(await dueReminders(db, filer, on("2022-04-28")), expected.round);
    expect(rows).toMatchObject([
      {
        kind: "DUE_SOON",
        titleKey: "selfEvaluationDueSoon",
        link: "/self-evaluations?year=2021",
        params: { year: "2021", count: String(expected.n), deadline: "2022-04-30" },
      },
    ]);
    for (const user of [admin, leader])
      expect(await dueReminders(db, user, on("2022-04-28"))).toHaveLength(0);
  });
});

describe("evaluations with a deadline", () => {
  it("remind the department of its own department-wide evaluation, and the township of its own", async () => {
    const open = await queryRows<{ id: string; due: string; org: string; type: string }>(
      db,
      sql`select id::text, due_date::text as due, subject_org_id::text as org, type::text from evaluations
          where type in ('DEPT_OVERALL', 'TOWNSHIP_FISCAL') and status in ('DRAFT', 'RETURNED') and due_date is not null`,
    );
    expect(open.length).toBeGreaterThan(0);
    for (const ev of open) {
      const approver = await one<{ username: string }>(
        sql`select username from users where org_id = ${ev.org} and role = 'DEPT_APPROVER' order by username limit 1`,
      );
      const rows = forEntity(await dueReminders(db, await signedIn(approver.username), on(ev.due)), ev.id);
      expect(rows).toMatchObject([{ kind: "DUE_SOON", titleKey: "overallDueSoon" }]);
      expect(rows[0]!.link).toBe(
        `${ev.type === "DEPT_OVERALL" ? "/dept-evaluations" : "/township-evaluations"}/${ev.id}`,
      );
    }
    // A department's filer does not fill the department-wide column: no reminder of it.
    const dept = open.find((e) => e.type === "DEPT_OVERALL")!;
    const unitFiler = await one<{ username: string }>(
      sql`select u.username from users u join organisations o on o.id = u.org_id
          where o.parent_id = ${dept.org} and u.role = 'DEPT_FILER' order by u.username limit 1`,
    );
    const filerRows = await dueReminders(db, await signedIn(unitFiler.username), on(dept.due));
    expect(forEntity(filerRows, dept.id)).toHaveLength(0);
  });

  it("remind an agency of its own engagements only", async () => {
    const engagement = await one<{ id: string; deadline: string; agency: string }>(
      sql`select e.id::text, g.deadline::text as deadline, g.agency_id::text as agency
          from engagements g join evaluations e on e.id = g.evaluation_id
          where e.status not in ('SUBMITTED', 'SETTLED') order by g.deadline limit 1`,
    );
    const [mine, other] = await Promise.all([
      one<{ username: string }>(
        sql`select username from users where org_id = ${engagement.agency} and role = 'AGENCY' order by username limit 1`,
      ),
      one<{ username: string }>(
        sql`select username from users where org_id <> ${engagement.agency} and role = 'AGENCY' order by username limit 1`,
      ),
    ]);
    const agency = await signedIn(mine.username);
    const late = new Date(on(engagement.deadline).getTime() + 86_400_000);
    expect(forEntity(await dueReminders(db, agency, late), engagement.id)).toMatchObject([
      { kind: "OVERDUE", titleKey: "engagementOverdue", link: `/third-party/${engagement.id}` },
    ]);
    expect(
      forEntity(await dueReminders(db, await signedIn(other.username), late), engagement.id),
    ).toHaveLength(0);
  });

  it("remind the reviewers assigned to a key evaluation being scored, not other reviewers", async () => {
    const key = await one<{ id: string; due: string }>(
      sql`select id::text, due_date::text as due from evaluations
          where type = 'KEY' and status in ('SCORING', 'RETURNED') and due_date is not null limit 1`,
    );
    const assigned = await queryRows<{ username: string }>(
      db,
      sql`select u.username from evaluation_assignees a join users u on u.id = a.user_id where a.evaluation_id = ${key.id}`,
    );
    expect(assigned.length).toBeGreaterThan(0);
    for (const a of assigned) {
      const rows = forEntity(await dueReminders(db, await signedIn(a.username), on(key.due)), key.id);
      expect(rows).toMatchObject([{ kind: "DUE_SOON", titleKey: "keyDueSoon" }]);
    }
    const bystander = await one<{ username: string }>(
      sql`select username from users where role = 'FINANCE_REVIEWER'
          and id not in (select user_id from evaluation_assignees where evaluation_id = ${key.id}) order by username limit 1`,
    );
    expect(
      forEntity(await dueReminders(db, await signedIn(bystander.username), on(key.due)), key.id),
    ).toHaveLength(0);
  });
});

describe("writing reminders", () => {
  it("writes each once per record and deadline, and again when the deadline moves", async () => {
    const agencyUser = await one<{ username: string; id: string; deadline: string }>(
      sql`select u.username, e.id::text, g.deadline::text as deadline
          from engagements g join evaluations e on e.id = g.evaluation_id
            join users u on u.org_id = g.agency_id and u.role = 'AGENCY'
          where e.status not in ('SUBMITTED', 'SETTLED') order by g.deadline, u.username limit 1`,
    );
    const agency = await signedIn(agencyUser.username);
    const late = new Date(on(agencyUser.deadline).getTime() + 86_400_000);
    const owed = await dueReminders(db, agency, late);
    expect(await remindDeadlines(db, agency, late)).toBe(owed.length);
    expect(await remindDeadlines(db, agency, late)).toBe(0);
    const written = await one<{ n: number }>(
      sql`select count(*)::int as n from notifications where recipient_id = ${agency.id}
          and entity_id = ${agencyUser.id} and kind = 'OVERDUE'`,
    );
    expect(written.n).toBe(1);
    // Dated the day after the deadline (when it became overdue), so it sorts behind today's hand-offs.
    const dated = await one<{ day: string }>(
      sql`select to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as day from notifications
          where recipient_id = ${agency.id} and entity_id = ${agencyUser.id} and kind = 'OVERDUE'`,
    );
    const next = new Date(`${agencyUser.deadline}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    expect(dated.day).toBe(`${next.toISOString().slice(0, 10)} 00:00`);
    // Finance extends the deadline by a week: the new deadline is reminded of once it is near.
    await db.execute(
      sql`update engagements set deadline = deadline + 7 where evaluation_id = ${agencyUser.id}`,
    );
    const later = new Date(late.getTime() + 6 * 86_400_000);
    expect(await remindDeadlines(db, agency, later)).toBeGreaterThanOrEqual(1);
    const after = await one<{ n: number }>(
      sql`select count(*)::int as n from notifications where recipient_id = ${agency.id} and entity_id = ${agencyUser.id}
          and kind in ('DUE_SOON', 'OVERDUE')`,
    );
    expect(after.n).toBe(2);
  });

  it("works the reminders out again on a page load only when their data or the day has changed", async () => {
    const unitUser = await one<{ username: string; id: string; deadline: string }>(
      sql`select u.username, n.id::text, n.due_date::text as deadline from monitoring_notices n
          join projects p on p.id = n.project_id join users u on u.org_id = p.unit_id and u.role = 'DEPT_FILER'
          where n.due_date is not null and n.status <> 'CLOSED' order by n.due_date, u.username limit 1`,
    );
    const filer = await signedIn(unitUser.username);
    const late = new Date(on(unitUser.deadline).getTime() + 86_400_000);
    await db.execute(sql`update fiscal_years set year = year where year = 2020`); // a fresh version
    const before = aggregateCacheStats();
    await remindDeadlinesOnChange(db, filer, late);
    await remindDeadlinesOnChange(db, filer, late);
    expect(aggregateCacheStats().computed - before.computed).toBe(1);
    // The notice's deadline moves: a write to a table the reminders read, so they are worked out again.
    await db.execute(sql`update monitoring_notices set due_date = due_date + 10 where id = ${unitUser.id}`);
    const moved = new Date(late.getTime() + 8 * 86_400_000);
    expect(await remindDeadlinesOnChange(db, filer, moved)).toBeGreaterThanOrEqual(1);
    const mid = aggregateCacheStats();
    // The next day, nothing else changed: worked out again, as the window moved with the date.
    await remindDeadlinesOnChange(db, filer, new Date(moved.getTime() + 86_400_000));
    expect(aggregateCacheStats().computed - mid.computed).toBe(1);
  });

  it("reads only tables whose writes move the version that gates them, by the statements' plans", async () => {
    const client = (databaseHandle().db as unknown as { $client: unknown }).$client;
    const logged: { query: string; params: unknown[] }[] = [];
    const logger = { logQuery: (query: string, params: unknown[]) => void logged.push({ query, params }) };
    const logging = (databaseHandle().kind === "pg"
      ? drizzlePg(client as pg.Pool, { schema, logger })
      : drizzlePglite(client as PGlite, { schema, logger })) as unknown as typeof db;
    const users = await queryRows<{ username: string }>(
      db,
      sql`select distinct on (role) username from users where active order by role, username`,
    );
    for (const u of users) await dueReminders(logging, await signedIn(u.username), on("2020-09-29"));
    expect(logged.length).toBeGreaterThanOrEqual(6);
    const read = new Set<string>();
    for (const l of logged) {
      const text = `explain (format json) ${l.query}`;
      const rows =
        databaseHandle().kind === "pg"
          ? (await (client as pg.Pool).query(text, l.params)).rows
          : (await (client as PGlite).query<Record<string, unknown>>(text, l.params)).rows;
      collectRelations(rows[0]!["QUERY PLAN"], read);
    }
    const watched = await watchedTables();
    expect([...read]).toEqual(
      expect.arrayContaining([
        "monitoring_notices",
        "evaluation_rounds",
        "engagements",
        "evaluation_assignees",
      ]),
    );
    expect([...read].filter((t) => !watched.includes(t))).toEqual([]);
  });

  it("never writes a reminder to finance administrators or leaders", async () => {
    for (const date of ["2020-08-30", "2020-09-29", "2022-04-29", "2022-09-29"])
      for (const user of [admin, leader]) expect(await remindDeadlines(db, user, on(date))).toBe(0);
  });
});
