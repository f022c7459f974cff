import "server-only";
import { sql } from "drizzle-orm";
import { db, queryRows } from "@/server/db";
import { projectScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import type { WarningColour } from "./constants";
import type { ReportRow } from "./queries";
import { BUDGET, COLOUR, EXECUTED, FILED, FLAGGED, REPORT_FROM } from "./sql";

type Reader = Pick<CurrentUser, "role" | "orgId" | "departmentId" | "districtId" | "provinceWide">;
type Counts = Record<WarningColour, number> & { flagged: number; total: number };

/** 预警总览: filed reports of a round by colour, overall and by department, from current thresholds. */
export async function warningCounts(user: Reader, roundId: string) {
  const rows = await queryRows<{ id: string; name: string } & Counts>(
    db,
    sql`select d.id, d.name,
          count(*) filter (where c.colour = 'RED')::int as "RED",
          count(*) filter (where c.colour = 'YELLOW')::int as "YELLOW",
          count(*) filter (where c.colour = 'GREEN')::int as "GREEN",
          count(*) filter (where c.flagged > 0)::int as flagged,
          count(*)::int as total
        from (select r.department_id, ${COLOUR} as colour, ${FLAGGED} as flagged
              from ${REPORT_FROM} where r.round_id = ${roundId} and ${FILED} and ${projectScope(user)}) c
        join organisations d on d.id = c.department_id
        group by d.id, d.name, d.sort_order order by d.sort_order`,
  );
  const totals = rows.reduce<Counts>(
    (a, r) => ({
      RED: a.RED + r.RED,
      YELLOW: a.YELLOW + r.YELLOW,
      GREEN: a.GREEN + r.GREEN,
      flagged: a.flagged + r.flagged,
      total: a.total + r.total,
    }),
    { RED: 0, YELLOW: 0, GREEN: 0, flagged: 0, total: 0 },
  );
  return { byDepartment: rows, totals };
}

export type WarningExportRow = ReportRow & { likelihood: string | null; measures: string };

/** Every filed report of a round matching the filters, in pages by project code (for the .xlsx). */
export async function warningExportBatch(
  user: Reader,
  roundId: string,
  f: { colour?: WarningColour; dept?: string; flagged?: boolean },
  after: string | null,
  size: number,
) {
  return queryRows<WarningExportRow>(
    db,
    sql`select r.id, projects.code, projects.name, u.name as "unitName", d.name as "departmentName", r.status,
          ${EXECUTED}::text as executed, ${BUDGET}::text as budget, rd.period_months as "periodMonths",
          ${COLOUR} as colour, ${FLAGGED} as flagged, r.likelihood, r.measures,
          (select count(*)::int from monitoring_notices n where n.report_id = r.id and n.status <> 'CLOSED') as "openNotices"
        from ${REPORT_FROM}
        join organisations u on u.id = projects.unit_id join organisations d on d.id = r.department_id
        where r.round_id = ${roundId} and ${FILED} and ${projectScope(user)}
          ${f.colour ? sql`and ${COLOUR} = ${f.colour}` : sql``}
          ${f.dept ? sql`and r.department_id = ${f.dept}` : sql``}
          ${f.flagged ? sql`and ${FLAGGED} > 0` : sql``}
          ${after ? sql`and projects.code > ${after}` : sql``}
        order by projects.code limit ${size}`,
  );
}
