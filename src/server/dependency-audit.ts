// The verdict of `npm audit --json` against the allow-list: high and critical advisories fail the build
// unless the list accepts them with a reason until a date. Pure, so it is tested without the registry.

export type AllowedAdvisory = { advisory: string; package: string; reason: string; until: string };

type Via = { source?: number; name?: string; title?: string; url?: string; severity?: string };
type Vulnerability = { name: string; severity: string; via: (string | Via)[] };

const BLOCKING = new Set(["high", "critical"]);

/** The allow-list file: each entry names the advisory (its GHSA id), the package, why, and until when. */
export function parseAllowList(raw: unknown): AllowedAdvisory[] {
  if (!Array.isArray(raw)) throw new Error("audit-allowlist.json must be a list");
  return raw.map((e, i) => {
    const entry = e as Partial<AllowedAdvisory>;
    for (const key of ["advisory", "package", "reason", "until"] as const)
      if (typeof entry[key] !== "string" || !entry[key]!.trim())
        throw new Error(`audit-allowlist.json entry ${i + 1}: "${key}" is required`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(entry.until!))
      throw new Error(`audit-allowlist.json entry ${i + 1}: "until" must be a date (YYYY-MM-DD)`);
    return entry as AllowedAdvisory;
  });
}

/** The advisory's id as the allow-list names it: the GHSA id of its address, else the npm source id. */
function advisoryId(via: Via): string {
  const ghsa = via.url?.match(/GHSA-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}/i)?.[0];
  return ghsa ?? String(via.source ?? via.title ?? "unknown");
}

export type AuditVerdict = { status: "pass" | "fail" | "unchecked"; lines: string[] };

export function auditVerdict(report: unknown, allowList: AllowedAdvisory[], today: Date): AuditVerdict {
  const r = report as {
    vulnerabilities?: Record<string, Vulnerability>;
    error?: { summary?: string };
    message?: string;
  };
  if (!r || typeof r !== "object" || !r.vulnerabilities)
    return { status: "unchecked", lines: [`npm audit: ${r?.error?.summary || r?.message || "no report"}`] };
  const day = today.toISOString().slice(0, 10);
  const seen = new Map<string, { pkg: string; severity: string; title: string }>();
  for (const v of Object.values(r.vulnerabilities))
    for (const via of v.via)
      if (typeof via === "object" && BLOCKING.has(via.severity ?? v.severity))
        seen.set(`${advisoryId(via)}|${via.name ?? v.name}`, {
          pkg: via.name ?? v.name,
          severity: via.severity ?? v.severity,
          title: via.title ?? "",
        });
  const lines: string[] = [];
  let failed = false;
  for (const [key, a] of seen) {
    const id = key.split("|")[0]!;
    const allowed = allowList.find((e) => e.advisory === id && e.package === a.pkg);
    if (allowed && allowed.until >= day) {
      lines.push(`accepted ${a.severity} ${id} in ${a.pkg} until ${allowed.until}: ${allowed.reason}`);
    } else {
      failed = true;
      lines.push(
        `${a.severity} ${id} in ${a.pkg}: ${a.title}${allowed ? ` (its acceptance ended ${allowed.until})` : ""}`,
      );
    }
  }
  return { status: failed ? "fail" : "pass", lines };
}
