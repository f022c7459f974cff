import type { NextRequest } from "next/server";
import { exportAuditLog } from "@/features/audit/export";
import { getCurrentUser } from "@/server/session";

export async function GET(request: NextRequest) {
  return exportAuditLog(await getCurrentUser(), Object.fromEntries(request.nextUrl.searchParams));
}
