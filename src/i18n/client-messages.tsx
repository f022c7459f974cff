import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { NAMESPACES } from "@/messages/load";

export type Namespace = (typeof NAMESPACES)[number];

/** What the shell's client components (sign-in, navigation, badges, forms' buttons) read everywhere. */
export const SHELL_NAMESPACES = ["common", "enums", "nav", "auth"] as const satisfies readonly Namespace[];

/**
 * The texts the browser needs for the client components below: the shell's and the listed namespaces,
 * never the whole catalogue (about 150 KB, which every page would otherwise carry and serialise). A
 * route folder's layout lists what its client components use; tests/unit/client-messages.test.ts reads
 * every route's client components and fails when one uses a namespace its layouts do not send.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly Namespace[];
  children: ReactNode;
}) {
  const all = (await getMessages()) as Record<string, unknown>;
  const messages = Object.fromEntries(
    [...SHELL_NAMESPACES, ...namespaces].map((ns) => [ns, all[ns]] as const),
  ) as Awaited<ReturnType<typeof getMessages>>;
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
