import { notFound } from "next/navigation";
import { OverallEvaluationPage } from "@/features/overall-evaluation/components/evaluation-page";
import { GUID_PATTERN } from "@/features/overall-evaluation/guid";
import { getOverallView } from "@/features/overall-evaluation/queries";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = { params: Promise<{ id: string }> };

export default async function DeptEvaluationPage({ params }: Props) {
  const user = await requireUser();
  if (!can(user.role, "deptOverall.read")) notFound();
  const { id } = await params;
  // Unknown, malformed and out-of-scope evaluations all read as not found.
  const view = GUID_PATTERN.test(id) ? await getOverallView(user, "DEPT_OVERALL", id) : null;
  if (!view) notFound();
  return <OverallEvaluationPage type="DEPT_OVERALL" user={user} view={view} />;
}
