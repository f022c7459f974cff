import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { myFeedback } from "@/features/sampling/feedback-queries";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

/** The department's 反馈意见 from finance's sampled reviews: its own, once published. */
export default async function MyFeedbackPage() {
  const user = await requireUser();
  if (!can(user.role, "sampling.feedbackRead")) notFound();
  const [rows, t, format] = await Promise.all([
    myFeedback(user),
    getTranslations("sampling"),
    getFormatter(),
  ]);
  return (
    <>
      <PageHeader title={t("mineFeedback.title")} description={t("mineFeedback.description")} />
      {rows.length === 0 ? (
        <EmptyState title={t("mineFeedback.empty")} body={t("mineFeedback.emptyBody")} />
      ) : (
        <Table>
          <caption className="sr-only">{t("mineFeedback.title")}</caption>
          <thead>
            <tr>
              <Th>{t("col.batch")}</Th>
              <Th align="right">{t("mineFeedback.projects")}</Th>
              <Th>{t("mineFeedback.publishedAt")}</Th>
              <Th>{t("col.status")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.id}>
                <Td>
                  <Link
                    href={`/sampling/${r.batchId}/feedback/${r.departmentId}`}
                    className="text-brand-700 hover:underline"
                  >
                    {r.batchName}
                  </Link>
                </Td>
                <Td align="right">{r.projects}</Td>
                <Td>{r.publishedAt ? format.dateTime(r.publishedAt, { dateStyle: "medium" }) : "—"}</Td>
                <Td>
                  {r.acknowledgedAt ? (
                    <Badge tone="green">{t("feedback.acknowledged")}</Badge>
                  ) : (
                    <Badge tone="yellow">{t("feedback.toAcknowledge")}</Badge>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
