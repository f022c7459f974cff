import { describe, expect, it } from "vitest";
import zh from "@/messages/zh-CN/nav.json";
import en from "@/messages/en/nav.json";
import { NAV_ITEMS } from "./nav-items";

const ORDER = ["overview", "budget", "targets", "evaluation", "results", "manage"];

describe("navigation", () => {
  it("lists its entries stage by stage, in the order of the chain", () => {
    const stages = NAV_ITEMS.map((i) => ORDER.indexOf(i.group));
    expect(stages.every((s) => s >= 0)).toBe(true);
    expect(stages).toEqual([...stages].sort((a, b) => a - b));
  });

  it("has a label for every entry and stage in both languages", () => {
    for (const messages of [zh, en] as Record<string, unknown>[]) {
      for (const item of NAV_ITEMS) expect(typeof messages[item.key], item.key).toBe("string");
      for (const stage of ORDER)
        expect((messages.groups as Record<string, string>)[stage], stage).toMatch(/\S/);
    }
  });

  it("links each page once", () => {
    const hrefs = NAV_ITEMS.map((i) => i.href);
    expect(new Set(hrefs).size).toBe(hrefs.length);
  });
});
