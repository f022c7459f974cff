import { createTranslator } from "next-intl";
import { loadMessages } from "@/messages/load";

// next-intl's server functions, answered from the Chinese catalogue, for tests that call exports and
// pages' queries directly (outside a request, where next-intl has no configuration to read):
//   vi.mock("next-intl/server", () => import("../factories/intl-server"));

const messages = await loadMessages("zh-CN");

export const getTranslations = async (namespace?: string) =>
  createTranslator({ locale: "zh-CN", messages, namespace: namespace as never });
