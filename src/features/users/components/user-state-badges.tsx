import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

type State = { active: boolean; mustChangePassword: boolean; lockedUntil: Date | null };

/** An account's state as badges: enabled or disabled, plus locked and must-change-password. */
export function UserStateBadges({ state, now }: { state: State; now: Date }) {
  const t = useTranslations("admin.users.state");
  const locked = state.lockedUntil !== null && state.lockedUntil > now;
  return (
    <span className="inline-flex flex-wrap gap-1">
      {state.active ? <Badge tone="green">{t("active")}</Badge> : <Badge tone="gray">{t("disabled")}</Badge>}
      {state.active && locked && <Badge tone="red">{t("locked")}</Badge>}
      {state.active && state.mustChangePassword && <Badge tone="yellow">{t("mustChange")}</Badge>}
    </span>
  );
}
