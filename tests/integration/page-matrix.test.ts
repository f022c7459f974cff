import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db, queryRows } from "@/server/db";
import { PERMISSIONS, type Permission } from "@/server/permissions";
import { ROLES, type Role } from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { signedIn } from "../factories/users";

// 等保 访问控制: every page under src/app/(app) × every role. A page is a GET anyone can type into the
// address bar, so each checks on the server: a role its permission does not name, or a record outside
// the user's scope, reads as not found. The page's own server code runs here as Next runs it on a
// request (its checks and queries; the session and the message catalog are stood in for), so removing a
// page's permission or scope check fails this test. A page missing from the registry fails it too.

class NotFoundSignal extends Error {}
class RedirectSignal extends Error {}
let current: CurrentUser | null = null;

vi.mock("@/server/session", async (original) => ({
  ...(await original<typeof import("@/server/session")>()),
  requireUser: async () => current,
  requireSignedIn: async () => current,
  getCurrentUser: async () => current,
}));
vi.mock("next/navigation", async (original) => ({
  ...(await original<typeof import("next/navigation")>()),
  notFound: () => {
    throw new NotFoundSignal("not found");
  },
  redirect: (to: string) => {
    throw new RedirectSignal(to);
  },
}));
vi.mock("next-intl/server", () => {
  const t = Object.assign((key: string) => key, {
    rich: (key: string) => key,
    markup: (key: string) => key,
    raw: (key: string) => key,
    has: () => true,
  });
  return {
    getTranslations: async () => t,
    getFormatter: async () => ({ dateTime: String, number: String, relativeTime: String, list: String }),
    getLocale: async () => "zh-CN",
  };
});

const APP = path.resolve(__dirname, "../../src/app/(app)");
const ACCOUNT_OF: Record<Role, string> = {
  FINANCE_ADMIN: "finance_admin",
  FINANCE_REVIEWER: "finance_reviewer",
  EXPERT: "expert",
  DEPT_FILER: "dept_filer",
  DEPT_APPROVER: "dept_approver",
  AGENCY: "agency",
  LEADER: "leader",
  SYS_ADMIN: "sysadmin",
  AUDITOR: "auditor",
};

/** The roles the permission table gives any of these permissions: who the page lets in. */
const who = (...permissions: Permission[]): Role[] =>
  ROLES.filter((r) => permissions.some((p) => (PERMISSIONS[p] as readonly Role[]).includes(r)));
const ALL: Role[] = [...ROLES];

type Params = Record<string, string>;
type Entry = {
  /** Roles the page lets in. */
  allowed: Role[];
  /** Params naming a record of dept_filer's unit in 区科技局 (D03); dynamic routes only. */
  sample?: () => Promise<Params>;
  /** Of the allowed roles, those whose scope reaches the sample (default: all of them). */
  seenBy?: Role[];
  /** Params naming a record of another department: its department roles get not found, finance sees it. */
  foreign?: () => Promise<Params>;
  /** Query parameters the page needs (e.g. the record a new item is raised from). */
  search?: () => Promise<Params>;
  /** A page that only forwards to another. */
  redirectsTo?: string;
  /** Roles the page forwards to their own view (where it sends them). */
  redirects?: Partial<Record<Role, () => string>>;
};

let filer: CurrentUser, approver: CurrentUser, agency: CurrentUser;
/** One id by SQL; the sample must exist in the demo data. */
async function one(query: ReturnType<typeof sql>): Promise<string> {
  const [row] = await queryRows<{ id: string | number }>(db, query);
  if (!row) throw new Error(`no sample for ${JSON.stringify(query)}`);
  return String(row.id);
}
const ownProject = (extra = sql``) =>
  one(sql`select p.id from projects p ${extra} where p.unit_id = ${filer.orgId} order by p.code limit 1`);
const foreignProject = (extra = sql``) =>
  one(
    sql`select p.id from projects p ${extra} where p.department_id <> ${approver.departmentId} order by p.code limit 1`,
  );
const evaluationOf = (type: string, where = sql`true`) =>
  one(sql`select e.id from evaluations e left join projects p on p.id = e.project_id
          where e.type = ${type} and ${where} order by e.created_at, e.id limit 1`);

// Scoped to a unit or department: finance and the leader see every record; the unit's filer and the
// department's approver see their own; the rest do not reach it.
const DEPARTMENT_SCOPED: Role[] = [
  "FINANCE_ADMIN",
  "FINANCE_REVIEWER",
  "LEADER",
  "DEPT_FILER",
  "DEPT_APPROVER",
];
const seenByDept = (allowed: Role[]) => allowed.filter((r) => DEPARTMENT_SCOPED.includes(r));

const REGISTRY: Record<string, Entry> = {
  "/account/password": { allowed: ALL },
  "/account/two-factor": { allowed: ALL },
  "/admin/users": { allowed: who("users.manage") },
  "/admin/users/new": { allowed: who("users.manage") },
  "/admin/users/[id]": { allowed: who("users.manage"), sample: async () => ({ id: filer.id }) },
  // An agency account has one profile: its own.
  "/agencies": { allowed: who("agencies.read"), redirects: { AGENCY: () => `/agencies/${agency.orgId}` } },
  "/agencies/new": { allowed: who("agencies.manage") },
  "/agencies/[id]": {
    allowed: who("agencies.read"),
    // The agency's own profile; another agency's is out of an agency account's scope.
    sample: async () => ({ id: agency.orgId! }),
    foreign: async () => ({
      id: await one(
        sql`select id from organisations where kind = 'AGENCY' and id <> ${agency.orgId} order by code limit 1`,
      ),
    }),
  },
  "/attachments/project/[projectId]": {
    allowed: who("projects.read"),
    sample: async () => ({ projectId: await ownProject() }),
    seenBy: seenByDept(who("projects.read")),
    foreign: async () => ({ projectId: await foreignProject() }),
  },
  "/audit": { allowed: who("audit.read") },
  "/dashboard": { allowed: who("dashboard.view") },
  "/dept-evaluations": { allowed: who("deptOverall.read") },
  "/assessment": { allowed: who("assessment.read") },
  "/assessment/[departmentId]": {
    allowed: who("assessment.read"),
    sample: async () => ({ departmentId: approver.departmentId! }),
    seenBy: seenByDept(who("assessment.read")),
    // Another department of the same finance division: the reviewer covers it, the department's people do not.
    foreign: async () => ({
      departmentId: await one(sql`select o.id from organisations o where o.kind = 'DEPARTMENT'
        and o.id <> ${approver.departmentId} and o.covering_division_id =
          (select d.covering_division_id from organisations d where d.id = ${approver.departmentId})
        order by o.code limit 1`),
    }),
  },
  "/dept-evaluations/[id]": {
    allowed: who("deptOverall.read"),
    sample: async () => ({
      id: await evaluationOf("DEPT_OVERALL", sql`e.subject_org_id = ${approver.departmentId}`),
    }),
    foreign: async () => ({
      id: await evaluationOf("DEPT_OVERALL", sql`e.subject_org_id <> ${approver.departmentId}`),
    }),
  },
  "/evaluation-templates": { allowed: who("evaluationTemplates.read") },
  "/evaluation-templates/[id]": {
    allowed: who("evaluationTemplates.read"),
    sample: async () => ({
      id: await one(sql`select id from evaluation_templates order by year desc, code limit 1`),
    }),
  },
  "/indicators": { allowed: who("indicators.manage") },
  "/indicators/new": { allowed: who("indicators.manage") },
  "/indicators/[id]": {
    allowed: who("indicators.manage"),
    sample: async () => ({ id: await one(sql`select id from library_indicators order by id limit 1`) }),
  },
  "/key-evaluations": { allowed: who("keyEvaluation.read") },
  "/key-evaluations/new": { allowed: who("keyEvaluation.manage") },
  "/key-evaluations/[id]": {
    allowed: who("keyEvaluation.read"),
    sample: async () => ({ id: await evaluationOf("KEY") }),
    // The demo's key evaluations are of other departments, in another finance division than
    // finance_reviewer's, with other experts: finance_admin and the leader see them.
    seenBy: ["FINANCE_ADMIN", "LEADER"],
    foreign: async () => ({
      id: await evaluationOf("KEY", sql`p.department_id <> ${approver.departmentId}`),
    }),
  },
  "/monitoring": { allowed: who("monitoring.read") },
  "/monitoring/payments": { allowed: who("monitoring.importPayments") },
  "/monitoring/reports/[id]": {
    allowed: who("monitoring.read"),
    sample: async () => ({
      id: await one(
        sql`select r.id from monitoring_reports r join projects p on p.id = r.project_id where p.unit_id = ${filer.orgId} order by r.id limit 1`,
      ),
    }),
    foreign: async () => ({
      id: await one(
        sql`select id from monitoring_reports where department_id <> ${approver.departmentId} order by id limit 1`,
      ),
    }),
  },
  "/monitoring/rounds/new": { allowed: who("monitoring.manageRounds") },
  "/monitoring/rounds/[id]": {
    allowed: who("monitoring.read"),
    sample: async () => ({ id: await one(sql`select id from monitoring_rounds order by id limit 1`) }),
  },
  "/monitoring/warnings": { allowed: who("monitoring.warnings") },
  // An expert works from the review groups.
  "/pre-assessments": {
    allowed: who("preAssessment.read"),
    redirects: { EXPERT: () => "/pre-assessments/groups" },
  },
  "/pre-assessments/groups": { allowed: who("preAssessment.manageGroups", "preAssessment.score") },
  "/pre-assessments/[projectId]": {
    allowed: who("preAssessment.read"),
    // The demo's pre-assessed projects of 区科技局 are not dept_filer's unit's.
    sample: async () => ({
      projectId: await one(
        sql`select p.id from projects p join pre_assessments pa on pa.project_id = p.id where p.department_id = ${approver.departmentId} order by p.code limit 1`,
      ),
    }),
    seenBy: ["FINANCE_ADMIN", "FINANCE_REVIEWER", "DEPT_APPROVER"],
    foreign: async () => ({
      projectId: await foreignProject(sql`join pre_assessments pa on pa.project_id = p.id`),
    }),
  },
  "/projects": { allowed: who("projects.read") },
  "/projects/new": { allowed: who("projects.create") },
  "/projects/import": { allowed: who("projects.create") },
  "/projects/[id]": {
    allowed: who("projects.read"),
    sample: async () => ({ id: await ownProject() }),
    seenBy: seenByDept(who("projects.read")),
    foreign: async () => ({ id: await foreignProject() }),
  },
  "/projects/[id]/edit": {
    allowed: who("projects.update"),
    sample: async () => ({ id: await ownProject() }),
    foreign: async () => ({ id: await foreignProject() }),
  },
  "/rectification": { allowed: who("rectification.read") },
  "/rectification/new": {
    allowed: who("rectification.raise"),
    search: async () => ({
      feedbackId: await one(
        sql`select id from sampling_feedback where department_id = ${approver.departmentId} limit 1`,
      ),
    }),
  },
  "/rectification/[id]": {
    allowed: who("rectification.read"),
    sample: async () => ({
      id: await one(
        sql`select id from rectification_items where department_id = ${approver.departmentId} order by (unit_id = ${filer.orgId}) desc nulls last, created_at limit 1`,
      ),
    }),
    foreign: async () => ({
      id: await one(
        sql`select id from rectification_items where department_id <> ${approver.departmentId} order by created_at limit 1`,
      ),
    }),
  },
  "/reports/annual-summary": { allowed: who("reports.read") },
  "/results": { allowed: who("results.read") },
  "/results/summary": { allowed: who("results.read") },
  "/sampling": { allowed: who("sampling.read") },
  // The department's list; finance works from each batch's page.
  "/sampling/feedback": { allowed: who("sampling.feedbackRead") },
  "/sampling/[batchId]": {
    allowed: who("sampling.manage"),
    sample: async () => ({
      batchId: await one(sql`select id from sampling_batches order by year desc, id limit 1`),
    }),
  },
  "/sampling/[batchId]/feedback/[departmentId]": {
    allowed: who("sampling.feedback", "sampling.feedbackRead"),
    sample: async () => {
      const [row] = await queryRows<{ b: string; d: string }>(
        db,
        sql`select batch_id b, department_id d from sampling_feedback where department_id = ${approver.departmentId} limit 1`,
      );
      return { batchId: row!.b, departmentId: row!.d };
    },
    foreign: async () => {
      const [row] = await queryRows<{ b: string; d: string }>(
        db,
        sql`select batch_id b, department_id d from sampling_feedback where department_id <> ${approver.departmentId} order by department_id limit 1`,
      );
      return { batchId: row!.b, departmentId: row!.d };
    },
  },
  "/sampling/evaluations/[evaluationId]": {
    allowed: who("sampling.read"),
    sample: async () => ({
      evaluationId: await evaluationOf("SAMPLED", sql`p.department_id = ${approver.departmentId}`),
    }),
    // A sheet of 第2组: its member expert scores it; finance_reviewer leads 第1组 and does not see it.
    // The sampled department reads the published feedback, not the group's sheets.
    seenBy: ["FINANCE_ADMIN", "EXPERT"],
    foreign: async () => ({
      evaluationId: await evaluationOf("SAMPLED", sql`p.department_id <> ${approver.departmentId}`),
    }),
  },
  "/self-evaluations": { allowed: who("selfEvaluation.read") },
  "/self-evaluations/[projectId]": {
    allowed: who("selfEvaluation.read"),
    sample: async () => ({
      projectId: await ownProject(sql`join evaluations e on e.project_id = p.id and e.type = 'SELF'`),
    }),
    foreign: async () => ({
      projectId: await foreignProject(sql`join evaluations e on e.project_id = p.id and e.type = 'SELF'`),
    }),
  },
  "/settings": { allowed: ALL, redirectsTo: "/settings/years" },
  "/settings/years": { allowed: who("years.configure") },
  "/settings/years/[year]": {
    allowed: who("years.configure"),
    sample: async () => ({
      year: await one(sql`select year as id from fiscal_years order by year desc limit 1`),
    }),
  },
  "/targets": { allowed: who("targets.read") },
  "/targets/[projectId]": {
    allowed: who("targets.read"),
    sample: async () => ({ projectId: await ownProject(sql`join target_sheets s on s.project_id = p.id`) }),
    foreign: async () => ({
      projectId: await foreignProject(sql`join target_sheets s on s.project_id = p.id`),
    }),
  },
  "/third-party": { allowed: who("thirdParty.read") },
  "/third-party/new": { allowed: who("thirdParty.engage") },
  "/third-party/[evaluationId]": {
    allowed: who("thirdParty.read"),
    sample: async () => ({
      evaluationId: await one(
        sql`select e.evaluation_id id from engagements e where e.agency_id = ${agency.orgId} order by e.evaluation_id limit 1`,
      ),
    }),
    // The agency's engagement; its project is not of 区科技局, so that department's roles do not see it.
    seenBy: ["FINANCE_ADMIN", "FINANCE_REVIEWER", "LEADER", "AGENCY"],
  },
  "/todos": { allowed: who("todos.read") },
  "/township-evaluations": { allowed: who("townshipEvaluation.read") },
  "/township-evaluations/[id]": {
    allowed: who("townshipEvaluation.read"),
    sample: async () => ({ id: await evaluationOf("TOWNSHIP_FISCAL") }),
    // Townships are finance_admin's and the leader's; a department's roles and the reviewer of another
    // division do not reach them.
    seenBy: ["FINANCE_ADMIN", "LEADER"],
  },
};

/** Every page.tsx under the signed-in area, as its route ("/projects/[id]"). */
function pageRoutes(dir = APP, prefix = ""): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return pageRoutes(full, `${prefix}/${name}`);
    return name === "page.tsx" ? [prefix || "/"] : [];
  });
}

type Outcome = "ok" | "notFound" | `redirect:${string}` | `error:${string}`;

/** Run a page's server code as the role: what the visitor would get. */
async function visit(route: string, role: Role, params: Params = {}, search: Params = {}): Promise<Outcome> {
  current = users[role];
  const mod = (await import(/* @vite-ignore */ path.join(APP, route, "page.tsx"))) as {
    default: (p: { params: Promise<Params>; searchParams: Promise<Params> }) => unknown;
  };
  try {
    await mod.default({ params: Promise.resolve(params), searchParams: Promise.resolve(search) });
    return "ok";
  } catch (e) {
    if (e instanceof NotFoundSignal) return "notFound";
    if (e instanceof RedirectSignal) return `redirect:${e.message}`;
    return `error:${(e as Error).message}`;
  }
}

const users = {} as Record<Role, CurrentUser>;
beforeAll(async () => {
  for (const role of ROLES) users[role] = await signedIn(ACCOUNT_OF[role]);
  [filer, approver, agency] = [users.DEPT_FILER, users.DEPT_APPROVER, users.AGENCY];
});

describe("page-route authorization matrix", () => {
  it("has every page of the signed-in area in its registry, and nothing else", () => {
    expect(pageRoutes().sort()).toEqual(Object.keys(REGISTRY).sort());
  });

  it.each(Object.keys(REGISTRY))(
    "%s: allowed roles get the page, every other role not found",
    async (route) => {
      const entry = REGISTRY[route]!;
      const params = entry.sample ? await entry.sample() : {};
      const search = entry.search ? await entry.search() : {};
      const seen = entry.seenBy ?? entry.allowed;
      const expected = Object.fromEntries(
        ROLES.map((role) => [
          role,
          !entry.allowed.includes(role) || !seen.includes(role)
            ? "notFound"
            : entry.redirectsTo
              ? `redirect:${entry.redirectsTo}`
              : entry.redirects?.[role]
                ? `redirect:${entry.redirects[role]()}`
                : "ok",
        ]),
      );
      const actual: Record<string, Outcome> = {};
      for (const role of ROLES) actual[role] = await visit(route, role, params, search);
      expect(actual).toEqual(expected);
    },
  );

  const dynamic = Object.keys(REGISTRY).filter((r) => r.includes("["));

  it.each(dynamic.filter((r) => REGISTRY[r]!.foreign))(
    "%s: another department's record is not found for the department's own roles, finance sees it",
    async (route) => {
      const entry = REGISTRY[route]!;
      const params = await entry.foreign!();
      for (const role of ["DEPT_FILER", "DEPT_APPROVER", "AGENCY"] as const)
        if (entry.allowed.includes(role))
          expect([role, await visit(route, role, params)]).toEqual([role, "notFound"]);
      for (const role of ["FINANCE_ADMIN"] as const)
        if (entry.allowed.includes(role))
          expect([role, await visit(route, role, params)]).toEqual([role, "ok"]);
    },
  );

  it.each(dynamic)("%s: an unknown or malformed id is not found for every allowed role", async (route) => {
    const params = await REGISTRY[route]!.sample!();
    for (const bad of ["00000000-0000-4000-8000-000000000000", "1 or 1=1"]) {
      const wrong = Object.fromEntries(Object.keys(params).map((k) => [k, k === "year" ? "1999" : bad]));
      for (const role of REGISTRY[route]!.allowed)
        expect([role, await visit(route, role, wrong)]).toEqual([role, "notFound"]);
    }
  });
});
