import { exportAssessment } from "@/features/assessment/export";
import { requestMeta } from "@/server/request-context";
import { getWorkingUser } from "@/server/session";

export async function GET(request: Request) {
  const user = await getWorkingUser();
  if (!user) return Response.redirect(new URL("/login", request.url), 303);
  return exportAssessment(user, new URL(request.url).searchParams, await requestMeta());
}
