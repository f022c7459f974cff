import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { addDays, bureauDate } from "@/domain/rectification";
import { RaiseForm } from "@/features/rectification/components/raise-form";
import { resolveSource } from "@/features/rectification/source";
import { db } from "@/server/db";
import { isAppError } from "@/server/errors";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const refSchema = z.object({
  findingId: z.guid().optional().catch(undefined),
  noticeId: z.guid().optional().catch(undefined),
  feedbackId: z.guid().optional().catch(undefined),
});

/** Raise from a finding, a monitoring notice or a sampling feedback: `?findingId=` `?noticeId=` `?feedbackId=`. */
export default async function NewRectificationPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "rectification.raise")) notFound();
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const ref = refSchema.parse(raw);
  const src = await resolveSource(db, user, ref).catch((e) => {
    if (isAppError(e)) return null;
    throw e;
  });
  if (!src) notFound();
  const t = await getTranslations("rectification");
  const fixedProject = Boolean(src.projectId);
  const project = src.projects.find((p) => p.id === src.projectId);
  return (
    <>
      <PageHeader
        title={t("newTitle")}
        description={t("newDescription", { source: `${t(`source.${src.sourceType}`)} · ${src.label}` })}
        actions={
          <ButtonLink href="/rectification" variant="secondary">
            {t("back")}
          </ButtonLink>
        }
      />
      <Card className="max-w-3xl">
        <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-500">{t("detail.department")}</dt>
          <dd className="text-slate-800">{src.departmentName}</dd>
          {project && (
            <>
              <dt className="text-slate-500">{t("detail.project")}</dt>
              <dd className="text-slate-800">
                <span className="num">{project.code}</span> {project.name}
              </dd>
            </>
          )}
        </dl>
        <RaiseForm
          source={ref}
          problem={src.problem}
          requirement={src.requirement}
          deadline={src.deadline ?? addDays(bureauDate(new Date()), 30)}
          projects={src.projects}
          fixedProject={fixedProject}
          units={src.units}
          unitId={src.unitId}
        />
      </Card>
    </>
  );
}
