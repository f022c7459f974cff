import type { Metadata } from "next";
import Form from "next/form";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { CreateKeyForm } from "@/features/key-evaluation/components/create-form";
import {
  CANDIDATE_PAGE_SIZE,
  candidateProjects,
  financeReviewers,
  keyFilterOptions,
} from "@/features/key-evaluation/queries";
import { keyListParamsSchema } from "@/features/key-evaluation/schemas";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const label = "mb-1 block text-xs font-medium text-slate-600";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("keyEvaluation.create");
  return { title: t("title") };
}

export default async function NewKeyEvaluationPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "keyEvaluation.manage")) notFound();
  const [raw, options, reviewers, t] = await Promise.all([
    searchParams,
    keyFilterOptions(user),
    financeReviewers(user),
    getTranslations("keyEvaluation"),
  ]);
  const p = keyListParamsSchema.parse(raw);
  const year =
    p.year && options.years.includes(p.year)
      ? p.year
      : options.years.includes(2020)
        ? 2020
        : options.years[0]!;
  const dept = p.dept && options.departments.some((d) => d.id === p.dept) ? p.dept : undefined;
  const f = { year, dept, q: p.q || undefined, page: p.page ?? 1 };
  const { rows, total } = await candidateProjects(user, f);
  const href = (page: number) => {
    const s = new URLSearchParams({ year: String(year) });
    if (f.q) s.set("q", f.q);
    if (dept) s.set("dept", dept);
    if (page > 1) s.set("page", String(page));
    return `/key-evaluations/new?${s}`;
  };
  return (
    <>
      <PageHeader
        title={t("create.title")}
        description={t("create.description")}
        actions={
          <ButtonLink href={`/key-evaluations?year=${year}`} variant="secondary">
            {t("back")}
          </ButtonLink>
        }
      />
      <Form
        action="/key-evaluations/new"
        aria-label={t("create.searchLabel")}
        className="mb-4 grid grid-cols-1 items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-xs sm:grid-cols-[minmax(0,2fr)_repeat(2,minmax(0,1fr))_auto]"
      >
        <div>
          <label htmlFor="cq" className={label}>
            {t("filters.q")}
          </label>
          <input
            id="cq"
            name="q"
            type="search"
            defaultValue={f.q ?? ""}
            placeholder={t("filters.qPlaceholder")}
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor="cy" className={label}>
            {t("filters.year")}
          </label>
          <select id="cy" name="year" defaultValue={String(year)} className={inputClass}>
            {options.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="cd" className={label}>
            {t("filters.dept")}
          </label>
          <select id="cd" name="dept" defaultValue={dept ?? ""} className={inputClass}>
            <option value="">{t("filters.allDepts")}</option>
            {options.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit">{t("create.search")}</Button>
      </Form>
      <Card>
        <p className="mb-3 text-xs text-slate-500">{t("create.found", { n: total })}</p>
        <CreateKeyForm key={year} year={year} candidates={rows} reviewers={reviewers} />
        <Pagination page={f.page} pageSize={CANDIDATE_PAGE_SIZE} total={total} hrefFor={href} />
      </Card>
    </>
  );
}
