import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/i18n/config";
import { NAMESPACES } from "@/messages/load";

const dir = path.resolve(import.meta.dirname, "../../src/messages");

function keys(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

function load(locale: string, ns: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(dir, locale, `${ns}.json`), "utf8"));
}

describe("message catalogs", () => {
  it("every locale has every namespace file and no stray ones", () => {
    for (const locale of LOCALES) {
      const files = fs.readdirSync(path.join(dir, locale)).map((f) => f.replace(/\.json$/, ""));
      expect(files.sort()).toEqual([...NAMESPACES].sort());
    }
  });

  it.each(NAMESPACES.map((ns) => [ns]))("%s has the same keys in Chinese and English", (ns) => {
    const zh = keys(load("zh-CN", ns)).sort();
    const en = keys(load("en", ns)).sort();
    expect(en).toEqual(zh);
  });

  it.each(NAMESPACES.map((ns) => [ns]))("%s has no empty texts and English texts carry no Chinese", (ns) => {
    const en = load("en", ns);
    const walk = (v: unknown, at: string): void => {
      if (typeof v === "string") {
        expect(v.trim(), `${ns}.${at}`).not.toBe("");
        expect(/[\u4e00-\u9fff]/.test(v), `en ${ns}.${at} = ${v}`).toBe(false);
      } else if (v && typeof v === "object")
        Object.entries(v).forEach(([k, x]) => walk(x, at ? `${at}.${k}` : k));
    };
    walk(en, "");
  });
});
