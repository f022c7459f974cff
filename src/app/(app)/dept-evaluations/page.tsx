import { notFound } from "next/navigation";
import { OverallListPage } from "@/features/overall-evaluation/components/list-page";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DeptEvaluationsPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "deptOverall.read")) notFound();
  return <OverallListPage type="DEPT_OVERALL" user={user} searchParams={await searchParams} />;
}
