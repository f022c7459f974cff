"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";

/**
 * The browser half of PasswordChangeGate: follows client-side navigation, which the layout does not.
 * A full page load rather than router.replace, so the server half checks the request and the client
 * router's cached layout is thrown away rather than replayed. Until the browser leaves, a blank
 * cover keeps the page that was reached out of sight.
 */
export function PasswordChangeRedirect({ to }: { to: string }) {
  const pathname = usePathname();
  const away = pathname !== to;
  useEffect(() => {
    if (away) window.location.replace(to);
  }, [away, to]);
  return away ? <div className="fixed inset-0 z-50 bg-slate-50" aria-busy="true" /> : null;
}
