import path from "node:path";
import { describe, expect, it } from "vitest";
import { SHELL_NAMESPACES } from "@/i18n/client-messages";
import { NAMESPACES } from "@/messages/load";
import {
  clientNamespacesOf,
  layoutNamespaces,
  namespacesIn,
  providedFor,
  routeFiles,
  SRC,
} from "./client-namespaces";

// Each route sends the browser only the message namespaces its client components use. A client
// component that reads a namespace its route's layouts do not send would show raw keys: this finds
// every such case from the sources, for every page, layout and boundary.

const routes = routeFiles().map((f) => [path.relative(SRC, f), f] as const);

describe("client messages", () => {
  it("the reader finds the namespaces client components use", () => {
    const openForm = path.join(SRC, "features/overall-evaluation/components/open-form.tsx");
    expect(namespacesIn(openForm)).toEqual(["overallEvaluation"]);
    const thirdParty = path.join(SRC, "app/(app)/third-party/layout.tsx");
    expect(layoutNamespaces(thirdParty)).toContain("thirdParty");
    // A page deep in the tree reaches client components through server components and shared ones.
    const used = clientNamespacesOf(path.join(SRC, "app/(app)/projects/[id]/page.tsx"));
    expect(used.map((u) => u.namespace)).toEqual(expect.arrayContaining(["monitoring", "results"]));
    expect(routes.length).toBeGreaterThan(50);
  });

  it.each(routes)("%s sends every namespace its client components read", (_, file) => {
    const provided = providedFor(file, SHELL_NAMESPACES);
    const missing = clientNamespacesOf(file)
      .filter((u) => !provided.has(u.namespace))
      .map((u) => `${u.namespace} (${path.relative(SRC, u.file)})`);
    expect([...new Set(missing)]).toEqual([]);
  });

  it("every namespace a layout lists exists", () => {
    for (const [, file] of routes.filter(([rel]) => rel.endsWith("layout.tsx"))) {
      for (const ns of layoutNamespaces(file)) expect(NAMESPACES as readonly string[]).toContain(ns);
    }
  });
});
