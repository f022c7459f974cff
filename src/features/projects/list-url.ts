import type { ProjectListFilters, SortKey } from "./schemas";

type Patch = Partial<ProjectListFilters>;

/**
 * The URL of the list with some filters changed. Defaults are left out so links stay short; the year
 * is always written, because its default depends on the data.
 */
export function listHref(filters: ProjectListFilters, patch: Patch = {}, base = "/projects"): string {
  const f = { ...filters, ...patch };
  const params = new URLSearchParams();
  if (f.q) params.set("q", f.q);
  params.set("year", String(f.year));
  if (f.district) params.set("district", f.district);
  if (f.dept) params.set("dept", f.dept);
  if (f.kind) params.set("kind", f.kind);
  if (f.stage) params.set("stage", f.stage);
  if (f.sort !== "code") params.set("sort", f.sort);
  if (f.dir !== "asc") params.set("dir", f.dir);
  if (f.page > 1) params.set("page", String(f.page));
  if (f.money !== "wan") params.set("money", f.money);
  return `${base}?${params.toString()}`;
}

/** The export link: the same filters, without the page (the export is the whole filtered list). */
export function exportHref(filters: ProjectListFilters): string {
  return listHref(filters, { page: 1, sort: "code", dir: "asc" }, "/projects/export");
}

// Amounts and rates read best largest first; text columns alphabetically.
const FIRST_DIRECTION: Record<SortKey, "asc" | "desc"> = {
  code: "asc",
  name: "asc",
  budget: "desc",
  executed: "desc",
  rate: "desc",
};

/** Clicking a column header: the same column flips direction, another starts at its natural one. */
export function sortHref(filters: ProjectListFilters, key: SortKey): string {
  const dir = filters.sort === key ? (filters.dir === "asc" ? "desc" : "asc") : FIRST_DIRECTION[key];
  return listHref(filters, { sort: key, dir, page: 1 });
}
