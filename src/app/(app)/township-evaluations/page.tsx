import { notFound } from "next/navigation";
import { OverallListPage } from "@/features/overall-evaluation/components/list-page";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TownshipEvaluationsPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "townshipEvaluation.read")) notFound();
  return <OverallListPage type="TOWNSHIP_FISCAL" user={user} searchParams={await searchParams} />;
}
