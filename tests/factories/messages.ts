import { expect } from "vitest";
import { loadMessages } from "@/messages/load";
import type { ActionResult } from "@/server/action-client";

/**
 * A translator over the Chinese catalog that answers "t:<key>", so assertions name the message, and
 * fails the test for a key the catalog lacks (a message the user would see as a raw key).
 */
export async function catalogTranslator(): Promise<(key: string) => string> {
  const messages = await loadMessages("zh-CN");
  return (key: string) => {
    const found = key
      .split(".")
      .reduce<unknown>((m, k) => (m as Record<string, unknown> | undefined)?.[k], messages);
    if (typeof found !== "string") throw new Error(`missing message ${key}`);
    return `t:${key}`;
  };
}

/** Assert an action failed and narrow its result. */
export function failure(result: ActionResult<unknown>) {
  expect(result.ok).toBe(false);
  return result as Extract<ActionResult<unknown>, { ok: false }>;
}

let seq = 0;
/** A name no other test file or run uses (the server database is shared by the files of a run). */
export const uniqueName = (prefix: string) =>
  `${prefix}_${process.pid % 10000}_${Date.now() % 100000}_${++seq}`;
