import { requireUser } from "@/server/session";

export default async function DashboardPage() {
  const user = await requireUser();
  return <div data-testid="dashboard">{user.role}</div>;
}
