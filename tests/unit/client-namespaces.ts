import fs from "node:fs";
import path from "node:path";

// Which message namespaces each route's client components use, read from the sources: the pages send
// the browser only the namespaces their client components need (src/i18n/client-messages.tsx), and
// tests/unit/client-messages.test.ts checks with this that every route sends all it needs.

export const SRC = path.resolve(import.meta.dirname, "../../src");
const APP = path.join(SRC, "app");

const IMPORT = /(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
const NAMESPACE = /useTranslations\(\s*(?:"([^"]+)"|'([^']+)'|`([^`]*)`)\s*\)/g;

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(SRC, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, "index.ts"),
    path.join(base, "index.tsx"),
  ]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const sources = new Map<string, string>();
function source(file: string): string {
  let s = sources.get(file);
  if (s === undefined) {
    s = fs.readFileSync(file, "utf8");
    sources.set(file, s);
  }
  return s;
}

function importsOf(file: string): string[] {
  const out: string[] = [];
  for (const m of source(file).matchAll(IMPORT)) {
    const resolved = resolveImport(file, m[1] ?? m[2]!);
    if (resolved && /\.(ts|tsx)$/.test(resolved)) out.push(resolved);
  }
  return out;
}

const isClientEntry = (file: string) => /^\s*["']use client["']/.test(source(file));

/** The top-level namespaces `useTranslations` names in one file (a template names its fixed head). */
export function namespacesIn(file: string): string[] {
  const out = new Set<string>();
  for (const m of source(file).matchAll(NAMESPACE)) {
    const ns = m[1] ?? m[2] ?? m[3]!.split("${")[0]!;
    out.add(ns.split(".")[0]!);
  }
  return [...out];
}

/**
 * The namespaces the client components reachable from `entry` use: a file runs in the browser when it
 * says "use client" or is imported, directly or not, by one that does.
 */
export function clientNamespacesOf(entry: string): { namespace: string; file: string }[] {
  const seen = new Map<string, boolean>(); // file → reached in client context
  const found: { namespace: string; file: string }[] = [];
  const visit = (file: string, client: boolean) => {
    const inClient = client || isClientEntry(file);
    const before = seen.get(file);
    if (before === true || (before === false && !inClient)) return;
    seen.set(file, inClient);
    if (inClient) for (const namespace of namespacesIn(file)) found.push({ namespace, file });
    for (const next of importsOf(file)) visit(next, inClient);
  };
  visit(entry, false);
  return found;
}

/** Every route file Next renders (pages, layouts, error and not-found boundaries) under src/app. */
export function routeFiles(dir = APP): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...routeFiles(full));
    else if (/^(page|layout|error|not-found|loading|template)\.tsx$/.test(entry.name)) out.push(full);
  }
  return out;
}

const PROVIDED = /<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/;

/** The namespaces a layout file's <ClientMessages namespaces={[…]}> adds for the routes below it. */
export function layoutNamespaces(layout: string): string[] {
  const m = PROVIDED.exec(source(layout));
  if (!m) return [];
  return [...m[1]!.matchAll(/["']([^"']+)["']/g)].map((x) => x[1]!);
}

/**
 * What reaches the browser for a route file: the layouts above it (a layout's own markup sits outside
 * the provider it renders around its children, so a layout gets its parents' only).
 */
export function providedFor(file: string, shell: readonly string[]): Set<string> {
  const provided = new Set<string>(shell);
  const isLayout = path.basename(file) === "layout.tsx";
  let dir = path.dirname(file);
  const chain: string[] = [];
  while (dir.startsWith(APP)) {
    const layout = path.join(dir, "layout.tsx");
    if (fs.existsSync(layout) && !(isLayout && layout === file)) chain.push(layout);
    if (dir === APP) break;
    dir = path.dirname(dir);
  }
  for (const layout of chain) for (const ns of layoutNamespaces(layout)) provided.add(ns);
  return provided;
}
