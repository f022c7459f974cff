import { indicatorTemplate } from "@/features/targets/indicator-template";
import { getWorkingUser } from "@/server/session";

export async function GET(request: Request) {
  const user = await getWorkingUser();
  if (!user) return Response.redirect(new URL("/login", request.url), 303);
  return indicatorTemplate(user);
}
