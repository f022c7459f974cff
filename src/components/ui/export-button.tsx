"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { buttonClass } from "./button";

/** The file name the server gave (RFC 5987 `filename*`), else the last part of the address. */
function fileNameOf(response: Response, href: string): string {
  const header = response.headers.get("Content-Disposition") ?? "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? href.split("?")[0]!.split("/").pop() ?? "export.xlsx";
}

/**
 * A download (an .xlsx export, a template) that shows it is working: a large export takes a few
 * seconds to stream, so the button says 正在导出… and is disabled until the file has arrived, then
 * hands it to the browser as a download. A refused or failed export says so under the button.
 */
export function ExportButton({
  href,
  children,
  variant = "secondary",
  size = "md",
  busyLabel,
}: {
  href: string;
  children: ReactNode;
  variant?: "primary" | "secondary" | "ghost";
  size?: "sm" | "md";
  busyLabel?: string;
}) {
  const t = useTranslations("common");
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  async function download(e: React.MouseEvent<HTMLAnchorElement>) {
    // Let the browser do what it does for a new tab or window.
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      const response = await fetch(href, { credentials: "same-origin" });
      if (!response.ok) throw new Error(String(response.status));
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = fileNameOf(response, href);
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }
  return (
    <span className="inline-flex flex-col items-end">
      <a
        href={href}
        download
        onClick={download}
        aria-disabled={busy || undefined}
        aria-busy={busy || undefined}
        className={`${buttonClass(variant, size)} ${busy ? "pointer-events-none opacity-70" : ""}`}
      >
        {busy && (
          <span
            aria-hidden="true"
            className="size-3.5 animate-spin rounded-full border-2 border-current border-t-transparent"
          />
        )}
        {busy ? (busyLabel ?? t("exporting")) : children}
      </a>
      {failed && (
        <span role="alert" className="mt-1 text-xs text-red-700">
          {t("exportFailed")}
        </span>
      )}
    </span>
  );
}
