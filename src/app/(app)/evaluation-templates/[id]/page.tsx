import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TEMPLATE_DIMENSIONS, templateKindOf } from "@/domain/evaluation-templates";
import { TemplateEditor } from "@/features/evaluation-templates/components/template-editor";
import { TemplateReadOnly } from "@/features/evaluation-templates/components/template-read-only";
import { getTemplate } from "@/features/evaluation-templates/queries";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = { params: Promise<{ id: string }> };
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("evaluationTemplates");
  return { title: t("title") };
}

export default async function EvaluationTemplatePage({ params }: Props) {
  const user = await requireUser();
  if (!can(user.role, "evaluationTemplates.read")) notFound();
  const { id } = await params;
  const template = GUID.test(id) ? await getTemplate(id) : null;
  if (!template) notFound();
  const [t, tc, format] = await Promise.all([
    getTranslations("evaluationTemplates"),
    getTranslations("evaluations.templateCode"),
    getFormatter(),
  ]);
  const kind = templateKindOf(template.code);
  const lines = template.items.map((i) => ({
    level1: i.level1,
    level2: i.level2,
    name: i.name,
    maxPoints: i.maxPoints,
    guide: i.guide,
  }));
  return (
    <>
      <PageHeader
        title={template.name}
        description={t("detail.description", {
          year: template.year,
          code: tc(template.code),
          version: template.version,
          by: template.updatedByName ?? "—",
          at: format.dateTime(template.updatedAt, { dateStyle: "medium", timeStyle: "short" }),
        })}
        actions={
          <ButtonLink href={`/evaluation-templates?year=${template.year}`} variant="secondary">
            {t("back")}
          </ButtonLink>
        }
      />
      <Card title={t("detail.lines")}>
        {can(user.role, "evaluationTemplates.manage") ? (
          <TemplateEditor
            key={template.version}
            templateId={template.id}
            version={template.version}
            kind={kind}
            dimensions={TEMPLATE_DIMENSIONS[kind]}
            lines={lines}
          />
        ) : (
          <TemplateReadOnly lines={lines} />
        )}
      </Card>
    </>
  );
}
