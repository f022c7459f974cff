import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { AttachmentList } from "@/features/attachments/components/attachment-list";
import { Deadline, OverdueFlag, RectificationStatusBadge } from "@/features/rectification/components/badges";
import { ReplyForm } from "@/features/rectification/components/reply-form";
import { VerifyForm } from "@/features/rectification/components/verify-form";
import { getItem } from "@/features/rectification/queries";
import { answersFor } from "@/features/rectification/scope";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = { params: Promise<{ id: string }> };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function RectificationItemPage({ params }: Props) {
  const user = await requireUser();
  if (!can(user.role, "rectification.read")) notFound();
  const { id } = await params;
  // Unknown, malformed and out-of-scope ids all read as not found.
  const item = GUID.test(id) ? await getItem(user, id) : null;
  if (!item) notFound();
  const [t, format] = await Promise.all([getTranslations("rectification"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const replying = item.status === "OPEN" && can(user.role, "rectification.reply") && answersFor(user, item);
  const verifying = item.status === "REPLIED" && can(user.role, "rectification.verify");
  const lastReopen =
    item.status === "OPEN" ? [...item.events].reverse().find((e) => e.event === "REOPENED") : undefined;

  return (
    <>
      <PageHeader
        title={t("detail.facts")}
        description={`${item.departmentName}${item.unitName ? ` / ${item.unitName}` : ""} · ${t(`source.${item.sourceType}`)}`}
        actions={
          <>
            <span className="flex items-center gap-1" data-testid="item-status">
              <RectificationStatusBadge status={item.status} />
              <OverdueFlag overdue={item.overdue} />
            </span>
            <ButtonLink href="/rectification" variant="secondary">
              {t("back")}
            </ButtonLink>
          </>
        }
      />
      {lastReopen && (
        <Alert tone="warning" className="mb-4">
          {t("reopenedBecause", { reason: lastReopen.body })}
        </Alert>
      )}
      <div className="grid gap-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-5">
          <Card title={t("detail.facts")}>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-5 gap-y-2 text-sm">
              <dt className="text-slate-500">{t("fields.problem")}</dt>
              <dd className="whitespace-pre-line text-slate-800">{item.problem}</dd>
              <dt className="text-slate-500">{t("fields.requirement")}</dt>
              <dd className="whitespace-pre-line text-slate-800">{item.requirement}</dd>
              <dt className="text-slate-500">{t("fields.deadline")}</dt>
              <dd>
                <Deadline date={item.deadline} overdue={item.overdue} />
              </dd>
              <dt className="text-slate-500">{t("detail.department")}</dt>
              <dd className="text-slate-800">{item.departmentName}</dd>
              {item.unitName && (
                <>
                  <dt className="text-slate-500">{t("detail.unit")}</dt>
                  <dd className="text-slate-800">{item.unitName}</dd>
                </>
              )}
              {item.projectId && (
                <>
                  <dt className="text-slate-500">{t("detail.project")}</dt>
                  <dd>
                    {can(user.role, "projects.read") ? (
                      <Link href={`/projects/${item.projectId}`} className="text-brand-700 hover:underline">
                        <span className="num">{item.projectCode}</span> {item.projectName}
                      </Link>
                    ) : (
                      `${item.projectCode} ${item.projectName}`
                    )}
                  </dd>
                </>
              )}
              <dt className="text-slate-500">{t("detail.source")}</dt>
              <dd className="text-slate-800">{t(`source.${item.sourceType}`)}</dd>
              <dt className="text-slate-500">{t("detail.raisedAt")}</dt>
              <dd className="text-slate-800">{when(item.createdAt)}</dd>
              {item.measures && (
                <>
                  <dt className="text-slate-500">{t("detail.latestMeasures")}</dt>
                  <dd className="whitespace-pre-line text-slate-800" data-testid="latest-measures">
                    {item.measures}
                  </dd>
                </>
              )}
            </dl>
          </Card>
          {replying ? (
            <Card title={t("reply.title")}>
              <ReplyForm itemId={item.id} version={item.version} measures={item.measures} />
            </Card>
          ) : verifying ? (
            <Card title={t("verify.title")}>
              <VerifyForm itemId={item.id} version={item.version} />
            </Card>
          ) : (
            <Alert tone={item.status === "CLOSED" ? "success" : "info"}>{t(`waiting.${item.status}`)}</Alert>
          )}
          <AttachmentList
            entityType="rectification"
            entityId={item.id}
            canUpload={replying}
            title={t("detail.evidence")}
          />
        </div>
        <Card title={t("detail.history")}>
          <ol className="space-y-4" data-testid="item-history">
            {item.events.map((e) => (
              <li key={e.id} className="border-l-2 border-slate-200 pl-3 text-sm">
                <div className="font-medium text-slate-800">{t(`event.${e.event}`)}</div>
                <div className="text-xs text-slate-500">
                  {e.actorName ?? "—"} · {when(e.createdAt)}
                </div>
                {e.body && <p className="mt-1 whitespace-pre-line text-slate-700">{e.body}</p>}
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </>
  );
}
