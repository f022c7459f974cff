import { downloadAttachment } from "@/features/attachments/download";
import { requestMeta } from "@/server/request-context";
import { getWorkingUser } from "@/server/session";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getWorkingUser();
  if (!user) return Response.redirect(new URL("/login", request.url), 303);
  const { id } = await params;
  return downloadAttachment(user, id, await requestMeta());
}
