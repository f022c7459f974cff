import { headers } from "next/headers";
import { env } from "@/env";

export type RequestMeta = { ip: string | null; userAgent: string | null };

/**
 * The client's address. X-Forwarded-For is a list each hop appends to, and its left end is whatever
 * the client wrote: only the entries added by our own proxies can be believed. With TRUSTED_PROXY
 * proxies in front, the client is that many entries from the right (the last entry with none or one;
 * `next start` puts the connecting address there when the request brings no header).
 */
export function clientAddress(
  h: { get(name: string): string | null | undefined },
  trustedProxies: number = env.TRUSTED_PROXY,
): string | null {
  const hops = (h.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (hops.length) return hops[Math.max(0, hops.length - Math.max(1, trustedProxies))]!.slice(0, 64);
  return h.get("x-real-ip")?.slice(0, 64) ?? null;
}

/** Client address and user agent of the current request, for the audit log. */
export async function requestMeta(): Promise<RequestMeta> {
  try {
    const h = await headers();
    return { ip: clientAddress(h), userAgent: h.get("user-agent") };
  } catch {
    // Outside a request (scripts, tests): nothing to record.
    return { ip: null, userAgent: null };
  }
}
