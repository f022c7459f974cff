import type { NextRequest } from "next/server";
import { exportAuditLog } from "@/features/audit/export";
import { getWorkingUser } from "@/server/session";

export async function GET(request: NextRequest) {
  return exportAuditLog(await getWorkingUser(), Object.fromEntries(request.nextUrl.searchParams));
}
