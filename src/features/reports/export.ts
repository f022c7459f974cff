import "server-only";
import { getTranslations } from "next-intl/server";
import { writeAudit } from "@/server/audit";
import { db } from "@/server/db";
import { can } from "@/server/permissions";
import type { RequestMeta } from "@/server/request-context";
import type { CurrentUser } from "@/server/session";
import { loadSummary } from "./annual-summary";
import { summaryDocx } from "./annual-summary-docx";
import { summaryYearOptions } from "./annual-summary-queries";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The work year's summary as .docx, the same blocks the page shows; audited before it is sent. */
export async function exportSummaryDocx(
  user: CurrentUser,
  params: URLSearchParams,
  meta: RequestMeta,
): Promise<Response> {
  const actor = { id: user.id, username: user.username, role: user.role };
  const year = Number(params.get("year"));
  const allowed = can(user.role, "reports.read");
  if (!allowed || !(await summaryYearOptions()).includes(year)) {
    if (!allowed)
      await writeAudit(db, {
        actor,
        action: "access.denied",
        result: "DENIED",
        changes: { action: "exportSummaryDocx", code: "FORBIDDEN" },
        ...meta,
      });
    return new Response(null, { status: 404 });
  }
  const [{ blocks }, t] = await Promise.all([loadSummary(user, year), getTranslations("reports.docx")]);
  const title = blocks[0]?.kind === "title" ? blocks[0].text : "";
  const file = await summaryDocx(blocks, title);
  await writeAudit(db, {
    actor,
    action: "annualSummary.exported",
    entityType: "annualSummary",
    entityId: String(year),
    changes: { format: "docx" },
    ...meta,
  });
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": DOCX,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(`${t("filename", { workYear: year })}.docx`)}`,
      "Cache-Control": "no-store",
    },
  });
}
