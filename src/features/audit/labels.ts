import type { AuditListRow } from "./queries";

type Translate = ((key: string) => string) & { has: (key: string) => boolean };

/** An action's label (audit.actions.<name>), or its code when no module has named it yet. */
export function actionLabel(t: Translate, action: string): string {
  return t.has(`actions.${action}`) ? t(`actions.${action}`) : action;
}

export function entityLabel(t: Translate, entityType: string | null): string {
  if (!entityType) return "";
  return t.has(`entityTypes.${entityType}`) ? t(`entityTypes.${entityType}`) : entityType;
}

/** The user a row is about: its actor, or for a failed sign-in under an unknown name, the name tried. */
export function rowUsername(row: Pick<AuditListRow, "actorUsername" | "changes">): string | null {
  if (row.actorUsername) return row.actorUsername;
  const tried = (row.changes as { username?: unknown } | null)?.username;
  return typeof tried === "string" ? tried : null;
}

/** yyyy-MM-dd HH:mm:ss in Asia/Shanghai, the bureau's clock, whatever the server's zone. */
export function shanghaiDateTime(at: Date): string {
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
  }).format(at);
}
