import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { AttachmentList } from "@/features/attachments/components/attachment-list";
import { canReview, EDITABLE_STATUSES } from "@/features/targets/flow";
import { pointsByLevel } from "@/features/targets/rules";
import { AdjustForm, ReviewPanel } from "@/features/targets/components/review-panel";
import { SheetEditor } from "@/features/targets/components/sheet-editor";
import { SheetHistory, VersionList } from "@/features/targets/components/sheet-history";
import { SheetTable } from "@/features/targets/components/sheet-table";
import { SheetStatusBadge } from "@/features/targets/components/status-badge";
import { Subtotals } from "@/features/targets/components/subtotals";
import { getSheetView, pickerIndicators } from "@/features/targets/queries";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function TargetSheetPage({ params, searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "targets.read")) notFound();
  const [{ projectId }, raw, t, ti] = await Promise.all([
    params,
    searchParams,
    getTranslations("targets"),
    getTranslations("indicators"),
  ]);
  if (!GUID.test(projectId)) notFound();
  const v = Number(Array.isArray(raw.v) ? raw.v[0] : raw.v);
  const versionNo = Number.isInteger(v) && v > 0 ? v : undefined;
  // Out of scope reads as not found, like a project that does not exist.
  const view = await getSheetView(user, projectId, versionNo);
  if (!view || (versionNo && view.sheet?.versionNo !== versionNo)) notFound();
  const { project, sheet, weights, indicators } = view;

  const latest = view.isLatest;
  const editable =
    latest && can(user.role, "targets.fill") && (!sheet || EDITABLE_STATUSES.includes(sheet.status));
  const reviewStage =
    latest && sheet && canReview(sheet.status, user.role)
      ? sheet.status === "SUBMITTED"
        ? "dept"
        : "finance"
      : null;
  const adjustable = latest && sheet?.status === "APPROVED" && can(user.role, "targets.fill");
  const library = editable ? await pickerIndicators(view.sector) : [];
  const rows = indicators.map((i) => ({ ...i, points: String(Number(i.points)) }));
  const total = weights.OUTPUT + weights.BENEFIT + weights.SATISFACTION;
  const supersedes = sheet?.supersedesId ? view.versions.find((x) => x.id === sheet.supersedesId) : undefined;

  return (
    <>
      <Link
        href={`/targets?year=${project.year}`}
        className="mb-2 inline-block text-sm text-brand-700 hover:underline"
      >
        ← {t("sheet.back")}
      </Link>
      <PageHeader
        title={`${t("sheet.title")} · ${project.name}`}
        description={`${project.code} · ${project.departmentName} / ${project.unitName} · ${t("sheet.year")} ${project.year}`}
        actions={
          sheet && (
            <>
              <span className="text-sm text-slate-600">
                {t("sheet.versionLabel", { n: sheet.versionNo })}
              </span>
              <SheetStatusBadge status={sheet.status} testId="sheet-status" />
            </>
          )
        }
      />
      {!latest && sheet && (
        <Alert tone="info" className="mb-4">
          {t("sheet.readingOld", { n: sheet.versionNo })}{" "}
          <Link href={`/targets/${project.id}`} className="font-medium underline">
            {t("sheet.latest")}
          </Link>
        </Alert>
      )}
      <p className="mb-4 text-sm text-slate-600">
        {t("sheet.weights", {
          output: weights.OUTPUT,
          benefit: weights.BENEFIT,
          satisfaction: weights.SATISFACTION,
          total,
          execution: 100 - total,
        })}
        {supersedes && ` · ${t("sheet.supersedes", { n: supersedes.versionNo })}`}
      </p>
      <div className="grid gap-6 2xl:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0 space-y-5">
          {editable ? (
            <SheetEditor
              key={sheet ? `${sheet.id}:${sheet.version}` : "new"}
              projectId={project.id}
              sheetId={sheet?.id ?? null}
              version={sheet?.version ?? 0}
              initialGoal={sheet?.overallGoal ?? ""}
              initialRows={rows.map((r) => ({
                level1: r.level1,
                level2: r.level2,
                name: r.name,
                operator: r.operator,
                targetValue: r.targetValue,
                unit: r.unit,
                points: r.points,
                libraryIndicatorId: r.libraryIndicatorId,
              }))}
              weights={weights}
              library={library}
              sectorLabel={ti(`sector.${view.sector}`)}
            />
          ) : !sheet ? (
            <Alert tone="info">{t("sheet.noSheet")}</Alert>
          ) : (
            <>
              <Card title={t("sheet.overallGoal")}>
                <p className="text-sm whitespace-pre-line text-slate-800">{sheet.overallGoal || "—"}</p>
              </Card>
              <Subtotals sums={pointsByLevel(rows)} weights={weights} />
              <SheetTable rows={rows} />
            </>
          )}
          {reviewStage && sheet && (
            <ReviewPanel sheetId={sheet.id} version={sheet.version} stage={reviewStage} />
          )}
          {adjustable && sheet && <AdjustForm sheetId={sheet.id} version={sheet.version} />}
        </div>
        <aside className="space-y-6">
          {view.versions.length > 0 && (
            <VersionList projectId={project.id} versions={view.versions} shown={sheet?.versionNo} />
          )}
          <SheetHistory history={view.history} />
          {sheet && (
            <AttachmentList
              entityType="targetSheet"
              entityId={sheet.id}
              canUpload={latest && editable}
              title={t("attachments.title")}
            />
          )}
        </aside>
      </div>
    </>
  );
}
