import { exportItems } from "@/features/rectification/export";
import { requestMeta } from "@/server/request-context";
import { getWorkingUser } from "@/server/session";

export async function GET(request: Request) {
  const user = await getWorkingUser();
  if (!user) return Response.redirect(new URL("/login", request.url), 303);
  return exportItems(user, new URL(request.url).searchParams, await requestMeta());
}
