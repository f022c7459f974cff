import { z } from "zod";

// The filled template comes back as one .xlsx file (a browser sends an empty part when none was chosen).
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export const importScoresSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  file: z
    .custom<File>(
      (v) => typeof Blob !== "undefined" && v instanceof Blob && "name" in v && (v as File).name !== "",
      { error: "required" },
    )
    .refine((f) => f.size <= IMPORT_MAX_BYTES, { error: "importTooLarge" })
    .refine((f) => /\.xlsx$/i.test(f.name), { error: "importNotXlsx" }),
});
export type ImportScoresInput = z.output<typeof importScoresSchema>;
