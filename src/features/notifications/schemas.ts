import { z } from "zod";

const list = (v: unknown) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]);

export const markReadSchema = z.object({
  ids: z.preprocess(list, z.array(z.guid()).max(200)),
  all: z.preprocess((v) => v === "on" || v === true, z.boolean()).default(false),
});
export type MarkReadInput = z.output<typeof markReadSchema>;

export const todoListParamsSchema = z.object({
  show: z.enum(["unread", "all"]).catch("unread").default("unread"),
  page: z.coerce.number().int().min(1).catch(1).default(1),
});
