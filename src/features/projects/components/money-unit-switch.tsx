import Link from "next/link";
import { useTranslations } from "next-intl";
import { MONEY_UNITS, type MoneyUnit } from "@/domain/money";
import { UNIT_LABEL_KEY } from "../format";

/** 元 / 万元 / 亿元 as links, so the chosen unit lives in the URL with the filters. */
export function MoneyUnitSwitch({ value, hrefFor }: { value: MoneyUnit; hrefFor: (u: MoneyUnit) => string }) {
  const t = useTranslations("common");
  return (
    <div className="flex items-center gap-2">
      <span className="text-xs text-slate-500" id="money-unit-label">
        {t("amountUnit")}
      </span>
      <div
        role="group"
        aria-labelledby="money-unit-label"
        className="inline-flex rounded-md bg-white ring-1 ring-slate-300 ring-inset"
      >
        {MONEY_UNITS.map((u) => (
          <Link
            key={u}
            href={hrefFor(u)}
            scroll={false}
            aria-current={u === value ? "true" : undefined}
            className={`px-2.5 py-1 text-xs whitespace-nowrap first:rounded-l-md last:rounded-r-md focus-visible:outline-2 focus-visible:outline-brand-600 ${
              u === value ? "bg-brand-600 text-white" : "text-slate-600 hover:bg-slate-100"
            }`}
          >
            {t(UNIT_LABEL_KEY[u])}
          </Link>
        ))}
      </div>
    </div>
  );
}
