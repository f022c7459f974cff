import { markRead } from "@/features/notifications/service";
import { ownNotification } from "@/features/notifications/queries";
import { db } from "@/server/db";
import { getWorkingUser } from "@/server/session";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Follow a to-do: mark it read (only one's own) and open its record. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getWorkingUser();
  if (!user) return Response.redirect(new URL("/login", request.url), 303);
  const { id } = await params;
  const n = GUID.test(id) ? await ownNotification(user.id, id) : null;
  if (!n) return Response.redirect(new URL("/todos", request.url), 303);
  await markRead(db, user.id, [n.id]);
  return Response.redirect(new URL(n.link, request.url), 303);
}
