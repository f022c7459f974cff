import type { z } from "zod";
import {
  runAction,
  type ActionContext,
  type ActionDefinition,
  type ActionResult,
} from "@/server/action-client";
import type { RequestMeta } from "@/server/request-context";
import type { CurrentUser } from "@/server/session";
import { catalogTranslator } from "./messages";

/** The client an action call in a test comes from, unless the test names its own. */
export const testMeta: RequestMeta = { ip: "127.0.0.1", userAgent: "vitest" };

let translator: Promise<(key: string) => string> | undefined;

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * An action as the browser's request runs it (permission, parse, one transaction, audit rows), with a
 * user of the test's choosing. Messages come from the Chinese catalog as "t:<key>" (see
 * catalogTranslator: a message key the catalog lacks fails the test) unless the test passes its own
 * translator, and the client is testMeta unless it passes its own.
 */
export function caller<S extends z.ZodType, R>(
  def: ActionDefinition<S>,
  run: (input: z.output<S>, ctx: ActionContext) => Promise<R>,
  options: { meta?: RequestMeta; t?: Translate } = {},
) {
  const meta = options.meta ?? testMeta;
  return async (user: CurrentUser, raw: unknown): Promise<ActionResult<R>> =>
    runAction(def, run, { user, raw, meta, t: options.t ?? (await (translator ??= catalogTranslator())) });
}

/** Assert an action succeeded and return its data. */
export function ok<T>(result: ActionResult<T>): T {
  if (!result.ok)
    throw new Error(`expected success: ${result.code} ${result.message} ${JSON.stringify(result)}`);
  return result.data;
}
