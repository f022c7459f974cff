import { getFormatter, getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import type { SignInRow } from "../system-queries";

/** A short list of sign-in events from the audit log (successes or failures). */
export async function SignInTable({
  rows,
  failures,
  caption,
}: {
  rows: SignInRow[];
  failures: boolean;
  caption: string;
}) {
  const [t, te, format] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("enums"),
    getFormatter(),
  ]);
  if (rows.length === 0)
    return <p className="py-6 text-center text-sm text-slate-500">{t("signIns.empty")}</p>;
  return (
    <Table>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <Th>{t("signIns.at")}</Th>
          <Th>{t("signIns.username")}</Th>
          <Th>{failures ? t("signIns.reason") : t("signIns.role")}</Th>
          <Th>{t("signIns.ip")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.id}>
            <Td className="num whitespace-nowrap">
              {format.dateTime(r.at, { dateStyle: "short", timeStyle: "medium" })}
            </Td>
            <Td className="font-mono text-xs">{r.username ?? "—"}</Td>
            <Td className="whitespace-nowrap">
              {failures
                ? t.has(`signIns.reasons.${r.reason}`)
                  ? t(`signIns.reasons.${r.reason}`)
                  : (r.reason ?? "—")
                : r.role
                  ? te(`role.${r.role}`)
                  : "—"}
            </Td>
            <Td className="font-mono text-xs">{r.ip ?? "—"}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
