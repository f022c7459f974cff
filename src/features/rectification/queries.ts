import "server-only";
import { aliasedTable, and, asc, desc, eq, gt, inArray, lt, ne, sql, type SQL } from "drizzle-orm";
import {
  bureauDate,
  isOverdue,
  type RectificationEvent,
  type RectificationSource,
  type RectificationStatus,
} from "@/domain/rectification";
import { cachedAggregate } from "@/server/aggregate-cache";
import { db as defaultDb, type DbOrTx } from "@/server/db";
import { organisations, projects, rectificationEvents, rectificationItems, users } from "@/server/schema";
import { departmentScope, scopeKey } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import type { ItemListParams } from "./schemas";
import { rectificationScope } from "./scope";

// Reads of rectification items, always within the user's scope. Overdue is the domain rule
// (isOverdue) on each row; the "overdue only" filter is the same rule in SQL with the bureau's date.

type Reader = Pick<CurrentUser, "id" | "role" | "orgId" | "departmentId" | "districtId" | "provinceWide">;
export const ITEMS_PAGE_SIZE = 25;

const dept = aliasedTable(organisations, "dept");
const unit = aliasedTable(organisations, "unit");

function filters(user: Reader, p: Omit<ItemListParams, "page">, today: string): SQL {
  return and(
    rectificationScope(user),
    p.status ? eq(rectificationItems.status, p.status) : undefined,
    p.source ? eq(rectificationItems.sourceType, p.source) : undefined,
    p.dept ? eq(rectificationItems.departmentId, p.dept) : undefined,
    p.overdue
      ? and(ne(rectificationItems.status, "CLOSED"), lt(rectificationItems.deadline, today))
      : undefined,
  )!;
}

const listColumns = {
  id: rectificationItems.id,
  sourceType: rectificationItems.sourceType,
  status: rectificationItems.status,
  problem: rectificationItems.problem,
  deadline: rectificationItems.deadline,
  createdAt: rectificationItems.createdAt,
  departmentName: dept.name,
  unitName: unit.name,
  projectCode: projects.code,
  projectName: projects.name,
};

type Dated = { status: RectificationStatus; deadline: string };
function withOverdue<R extends Dated>(rows: R[], now: Date): (R & { overdue: boolean })[] {
  return rows.map((r) => Object.assign({}, r, { overdue: isOverdue(r, now) }));
}

export type ItemExportRow = {
  id: string;
  sourceType: RectificationSource;
  status: RectificationStatus;
  problem: string;
  requirement: string;
  measures: string;
  deadline: string;
  closedAt: Date | null;
  departmentName: string;
  unitName: string | null;
  projectCode: string | null;
  projectName: string | null;
  overdue: boolean;
};

export type ItemListRow = Omit<ItemExportRow, "requirement" | "measures" | "closedAt"> & { createdAt: Date };

/** A page of items, overdue first, then by deadline. */
export async function listItems(
  user: Reader,
  p: ItemListParams,
  db: DbOrTx = defaultDb,
): Promise<{ rows: ItemListRow[]; total: number }> {
  const now = new Date();
  const today = bureauDate(now);
  const where = filters(user, p, today);
  const overdueFirst = sql`case when ${rectificationItems.status} <> 'CLOSED' and ${rectificationItems.deadline} < ${today} then 0 else 1 end`;
  const [rows, [count]] = await Promise.all([
    db
      .select(listColumns)
      .from(rectificationItems)
      .innerJoin(dept, eq(dept.id, rectificationItems.departmentId))
      .leftJoin(unit, eq(unit.id, rectificationItems.unitId))
      .leftJoin(projects, eq(projects.id, rectificationItems.projectId))
      .where(where)
      .orderBy(overdueFirst, asc(rectificationItems.deadline), asc(rectificationItems.id))
      .limit(ITEMS_PAGE_SIZE)
      .offset((p.page - 1) * ITEMS_PAGE_SIZE),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(rectificationItems)
      .where(where),
  ]);
  return { rows: withOverdue(rows, now), total: Number(count?.n ?? 0) };
}

/** Items in pages by id for the export, same filters. */
export async function exportBatch(
  user: Reader,
  p: Omit<ItemListParams, "page">,
  after: string | null,
  size: number,
): Promise<ItemExportRow[]> {
  const now = new Date();
  const rows = await defaultDb
    .select({
      ...listColumns,
      requirement: rectificationItems.requirement,
      measures: rectificationItems.measures,
      closedAt: rectificationItems.closedAt,
    })
    .from(rectificationItems)
    .innerJoin(dept, eq(dept.id, rectificationItems.departmentId))
    .leftJoin(unit, eq(unit.id, rectificationItems.unitId))
    .leftJoin(projects, eq(projects.id, rectificationItems.projectId))
    .where(and(filters(user, p, bureauDate(now)), after ? gt(rectificationItems.id, after) : undefined))
    .orderBy(asc(rectificationItems.id))
    .limit(size);
  return withOverdue(rows, now);
}

export type ItemDetail = {
  id: string;
  sourceType: RectificationSource;
  sourceId: string;
  findingId: string | null;
  status: RectificationStatus;
  version: number;
  problem: string;
  requirement: string;
  measures: string;
  deadline: string;
  createdAt: Date;
  closedAt: Date | null;
  departmentId: string;
  unitId: string | null;
  projectId: string | null;
  departmentName: string;
  unitName: string | null;
  projectCode: string | null;
  projectName: string | null;
  projectYear: number | null;
  overdue: boolean;
  events: {
    id: string;
    event: RectificationEvent;
    body: string;
    createdAt: Date;
    actorName: string | null;
  }[];
};

/** One item with its history, or null when unknown or out of scope. */
export async function getItem(user: Reader, id: string, db: DbOrTx = defaultDb): Promise<ItemDetail | null> {
  const found = await db
    .select({
      id: rectificationItems.id,
      sourceType: rectificationItems.sourceType,
      sourceId: rectificationItems.sourceId,
      findingId: rectificationItems.findingId,
      status: rectificationItems.status,
      version: rectificationItems.version,
      problem: rectificationItems.problem,
      requirement: rectificationItems.requirement,
      measures: rectificationItems.measures,
      deadline: rectificationItems.deadline,
      createdAt: rectificationItems.createdAt,
      closedAt: rectificationItems.closedAt,
      departmentId: rectificationItems.departmentId,
      unitId: rectificationItems.unitId,
      projectId: rectificationItems.projectId,
      departmentName: dept.name,
      unitName: unit.name,
      projectCode: projects.code,
      projectName: projects.name,
      projectYear: projects.year,
    })
    .from(rectificationItems)
    .innerJoin(dept, eq(dept.id, rectificationItems.departmentId))
    .leftJoin(unit, eq(unit.id, rectificationItems.unitId))
    .leftJoin(projects, eq(projects.id, rectificationItems.projectId))
    .where(and(eq(rectificationItems.id, id), rectificationScope(user)));
  const item = found[0];
  if (!item) return null;
  const events = await db
    .select({
      id: rectificationEvents.id,
      event: rectificationEvents.event,
      body: rectificationEvents.body,
      createdAt: rectificationEvents.createdAt,
      actorName: users.displayName,
    })
    .from(rectificationEvents)
    .leftJoin(users, eq(users.id, rectificationEvents.actorId))
    .where(eq(rectificationEvents.itemId, id))
    .orderBy(asc(rectificationEvents.createdAt), asc(rectificationEvents.id));
  const overdue: boolean = isOverdue(item, new Date());
  return Object.assign({}, item, { overdue, events });
}

/** The departments the user may filter by. */
export async function departmentOptions(user: Reader) {
  return defaultDb
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(departmentScope(user))
    .orderBy(asc(organisations.sortOrder), asc(organisations.code));
}

/**
 * Counts for a dashboard: open, replied, overdue (the user's scope). From the aggregate cache when read
 * through the process's database; inside a caller's transaction, always from SQL.
 */
export async function itemCounts(user: Reader, db: DbOrTx = defaultDb) {
  const today = bureauDate(new Date());
  const compute = async () => {
    const [row] = await db
      .select({
        open: sql<number>`count(*) filter (where ${rectificationItems.status} = 'OPEN')::int`,
        replied: sql<number>`count(*) filter (where ${rectificationItems.status} = 'REPLIED')::int`,
        overdue: sql<number>`count(*) filter (where ${rectificationItems.status} <> 'CLOSED' and ${rectificationItems.deadline} < ${today})::int`,
      })
      .from(rectificationItems)
      .where(rectificationScope(user));
    return {
      open: Number(row?.open ?? 0),
      replied: Number(row?.replied ?? 0),
      overdue: Number(row?.overdue ?? 0),
    };
  };
  if (db !== defaultDb) return compute();
  return cachedAggregate("rectification.itemCounts", [scopeKey(user), today], compute);
}

/** Items not closed of some projects (the project page and next year's list show them). */
export async function openItemsOfProjects(user: Reader, projectIds: string[], db: DbOrTx = defaultDb) {
  if (projectIds.length === 0) return [];
  const now = new Date();
  const rows = await db
    .select({
      id: rectificationItems.id,
      projectId: rectificationItems.projectId,
      status: rectificationItems.status,
      problem: rectificationItems.problem,
      deadline: rectificationItems.deadline,
    })
    .from(rectificationItems)
    .where(
      and(
        rectificationScope(user),
        inArray(rectificationItems.projectId, projectIds),
        ne(rectificationItems.status, "CLOSED"),
      ),
    )
    .orderBy(asc(rectificationItems.deadline), desc(rectificationItems.createdAt));
  return withOverdue(rows, now);
}

/** Items raised from one source record (the source's page lists them). */
export async function itemsOfSource(user: Reader, sourceIds: string[], db: DbOrTx = defaultDb) {
  if (sourceIds.length === 0) return [];
  const rows = await db
    .select({
      id: rectificationItems.id,
      sourceId: rectificationItems.sourceId,
      findingId: rectificationItems.findingId,
      status: rectificationItems.status,
      problem: rectificationItems.problem,
      deadline: rectificationItems.deadline,
    })
    .from(rectificationItems)
    .where(and(rectificationScope(user), inArray(rectificationItems.sourceId, sourceIds)))
    .orderBy(asc(rectificationItems.createdAt));
  return withOverdue(rows, new Date());
}
