import { notFound } from "next/navigation";
import { OverallEvaluationPage } from "@/features/overall-evaluation/components/evaluation-page";
import { GUID_PATTERN } from "@/features/overall-evaluation/guid";
import { getOverallView } from "@/features/overall-evaluation/queries";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = { params: Promise<{ id: string }> };

export default async function TownshipEvaluationPage({ params }: Props) {
  const user = await requireUser();
  if (!can(user.role, "townshipEvaluation.read")) notFound();
  const { id } = await params;
  // Unknown, malformed and out-of-scope evaluations all read as not found.
  const view = GUID_PATTERN.test(id) ? await getOverallView(user, "TOWNSHIP_FISCAL", id) : null;
  if (!view) notFound();
  return <OverallEvaluationPage type="TOWNSHIP_FISCAL" user={user} view={view} />;
}
