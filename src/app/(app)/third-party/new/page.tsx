import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { inUnit } from "@/domain/money";
import { EngageForm } from "@/features/third-party/components/engage-form";
import {
  agencyChoices,
  awaitingFieldEvaluations,
  engageableProjects,
  filterOptions,
} from "@/features/third-party/queries";
import { todayInChina } from "@/features/third-party/service";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("thirdParty.engage"))("title") };
}

export default async function EngagePage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "thirdParty.engage")) notFound();
  const [raw, options, t] = await Promise.all([
    searchParams,
    filterOptions(user),
    getTranslations("thirdParty"),
  ]);
  const years = options.years;
  const asked = Number(first(raw.year));
  // Evaluations look back: the latest year that has been executed (2020 in the demo's work year 2021).
  const year = years.includes(asked) ? asked : (years[0] ?? new Date().getFullYear());
  const q = first(raw.q).trim().slice(0, 100);
  const [agencies, projects, fieldEvaluations] = await Promise.all([
    agencyChoices(user),
    engageableProjects(user, year, q || undefined),
    awaitingFieldEvaluations(user),
  ]);
  const today = todayInChina();
  const deadline = new Date(Date.parse(`${today}T00:00:00Z`) + 60 * 86_400_000).toISOString().slice(0, 10);
  return (
    <>
      <Link href="/third-party" className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        ← {t("back")}
      </Link>
      <PageHeader title={t("engage.title")} description={t("engage.description")} />
      <div className="grid items-start gap-5 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card title={t("engage.formTitle")}>
          <Form
            action="/third-party/new"
            aria-label={t("engage.searchLabel")}
            className="mb-4 grid gap-3 rounded-md bg-slate-50 p-3 sm:grid-cols-[8rem_minmax(0,1fr)_auto] sm:items-end"
          >
            <div>
              <label htmlFor="engage-year" className="mb-1 block text-xs font-medium text-slate-600">
                {t("filters.year")}
              </label>
              <select id="engage-year" name="year" defaultValue={String(year)} className={inputClass}>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="engage-q" className="mb-1 block text-xs font-medium text-slate-600">
                {t("engage.search")}
              </label>
              <input
                id="engage-q"
                name="q"
                type="search"
                defaultValue={q}
                placeholder={t("engage.searchPlaceholder")}
                className={inputClass}
              />
            </div>
            <Button type="submit" variant="secondary">
              {t("engage.searchButton")}
            </Button>
          </Form>
          <EngageForm
            key={`${year}-${q}`}
            agencies={agencies}
            projects={projects.map((p) => ({ ...p, budgetWan: inUnit(p.budget, "wan") }))}
            fieldEvaluations={fieldEvaluations}
            defaultDeadline={deadline}
            initialTarget={first(raw.target) === "DEPT_OVERALL" ? "DEPT_OVERALL" : "PROJECT"}
          />
        </Card>
        <Card title={t("engage.rulesTitle")}>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-600">
            <li>{t("engage.rule1")}</li>
            <li>{t("engage.rule2")}</li>
            <li>{t("engage.rule3")}</li>
            <li>{t("engage.rule4")}</li>
          </ul>
        </Card>
      </div>
    </>
  );
}
