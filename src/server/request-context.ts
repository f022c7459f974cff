import { headers } from "next/headers";

export type RequestMeta = { ip: string | null; userAgent: string | null };

export function clientAddress(h: { get(name: string): string | null | undefined }): string | null {
  const forwarded = h.get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0]!.trim();
  return h.get("x-real-ip") ?? null;
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
