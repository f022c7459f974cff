import { exportBatchSelections } from "@/features/sampling/export";
import { requestMeta } from "@/server/request-context";
import { getWorkingUser } from "@/server/session";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function GET(request: Request, { params }: { params: Promise<{ batchId: string }> }) {
  const user = await getWorkingUser();
  if (!user) return Response.redirect(new URL("/login", request.url), 303);
  const { batchId } = await params;
  if (!GUID.test(batchId)) return new Response(null, { status: 404 });
  return exportBatchSelections(user, batchId, await requestMeta());
}
