import Link from "next/link";
import { useTranslations } from "next-intl";

/** The pages to offer: first, last, and a window around the current one; null marks a gap. */
export function pageWindow(page: number, pages: number, around = 1): (number | null)[] {
  const out: (number | null)[] = [];
  for (let p = 1; p <= pages; p++) {
    if (p === 1 || p === pages || Math.abs(p - page) <= around) out.push(p);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

const cell =
  "num inline-flex h-8 min-w-8 items-center justify-center rounded-md px-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

/**
 * Server-side paging as plain links: every page is a URL (shareable, back button works) and reachable
 * with the keyboard. `hrefFor` builds the link of a page.
 */
export function Pagination({
  page,
  pageSize,
  total,
  hrefFor,
}: {
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
}) {
  const t = useTranslations("common");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const edge = (target: number, label: string, enabled: boolean) =>
    enabled ? (
      <Link href={hrefFor(target)} className={`${cell} text-slate-700 hover:bg-slate-100`}>
        {label}
      </Link>
    ) : (
      <span aria-disabled="true" className={`${cell} cursor-not-allowed text-slate-300`}>
        {label}
      </span>
    );
  return (
    <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-slate-500" data-testid="page-status">
        {t("pageOf", { page, pages, total: total.toLocaleString("en-US") })}
      </p>
      {pages > 1 && (
        <nav aria-label={t("pagination")}>
          <ul className="flex flex-wrap items-center gap-1">
            <li>{edge(page - 1, `‹ ${t("previous")}`, page > 1)}</li>
            {pageWindow(page, pages).map((p, i) =>
              p === null ? (
                <li key={`gap-${i}`} aria-hidden="true" className={`${cell} text-slate-400`}>
                  …
                </li>
              ) : (
                <li key={p}>
                  <Link
                    href={hrefFor(p)}
                    aria-label={t("pageN", { page: p })}
                    aria-current={p === page ? "page" : undefined}
                    className={`${cell} ${
                      p === page
                        ? "bg-brand-600 font-semibold text-white"
                        : "text-slate-700 hover:bg-slate-100"
                    }`}
                  >
                    {p}
                  </Link>
                </li>
              ),
            )}
            <li>{edge(page + 1, `${t("next")} ›`, page < pages)}</li>
          </ul>
        </nav>
      )}
    </div>
  );
}
