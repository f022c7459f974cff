import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Table, Td, Th } from "@/components/ui/table";
import type { UserListRow } from "../queries";
import { UserStateBadges } from "./user-state-badges";

export function UserTable({ rows, now }: { rows: UserListRow[]; now: Date }) {
  const t = useTranslations("admin.users");
  const te = useTranslations("enums");
  const format = useFormatter();
  return (
    <Table>
      <thead>
        <tr>
          <Th>{t("col.username")}</Th>
          <Th>{t("col.displayName")}</Th>
          <Th>{t("col.role")}</Th>
          <Th>{t("col.org")}</Th>
          <Th>{t("col.status")}</Th>
          <Th>{t("col.lastSignIn")}</Th>
          <Th align="right">
            <span className="sr-only">{t("col.actions")}</span>
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((u) => (
          <tr key={u.id} className={u.active ? "hover:bg-slate-50" : "bg-slate-50/60 text-slate-500"}>
            <Td className="font-mono whitespace-nowrap">
              <Link href={`/admin/users/${u.id}`} className="text-brand-700 hover:underline">
                {u.username}
              </Link>
            </Td>
            <Td className="whitespace-nowrap">{u.displayName}</Td>
            <Td className="whitespace-nowrap">{te(`role.${u.role}`)}</Td>
            <Td className="min-w-48">
              {u.orgName ? (
                <>
                  <span>{u.orgName}</span>
                  {u.orgKind && (
                    <span className="ml-1.5 text-xs whitespace-nowrap text-slate-400">
                      {te(`orgKind.${u.orgKind}`)}
                    </span>
                  )}
                </>
              ) : (
                <span className="text-slate-400">—</span>
              )}
            </Td>
            <Td>
              <UserStateBadges state={u} now={now} />
            </Td>
            <Td className="num whitespace-nowrap">
              {u.lastSignInAt ? (
                format.dateTime(u.lastSignInAt, {
                  year: "numeric",
                  month: "2-digit",
                  day: "2-digit",
                  hour: "2-digit",
                  minute: "2-digit",
                })
              ) : (
                <span className="text-slate-400">{t("never")}</span>
              )}
            </Td>
            <Td align="right">
              <Link
                href={`/admin/users/${u.id}`}
                className="text-sm font-medium text-brand-700 hover:underline"
                aria-label={`${t("manage")} ${u.username}`}
              >
                {t("manage")}
              </Link>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
