import { Table, Td, Th } from "./table";

export type RowError = { line: number; msgs: string[] };

/** The per-row errors of an .xlsx import (field errors keyed "row.<line>"), in line order. */
export function rowErrorsOf(fieldErrors: Record<string, string[]>): RowError[] {
  return Object.entries(fieldErrors)
    .filter(([k]) => k.startsWith("row."))
    .map(([k, msgs]) => ({ line: Number(k.slice(4)), msgs }))
    .sort((a, b) => a.line - b.line);
}

/** The table of rows an import refused: each line of the file with what is wrong in it. */
export function ImportRowErrors({
  errors,
  labels,
  testId = "import-error",
}: {
  errors: RowError[];
  labels: { title: string; line: string; problems: string; lineN: (line: number) => string };
  testId?: string;
}) {
  if (errors.length === 0) return null;
  return (
    <Table aria-label={labels.title}>
      <thead>
        <tr>
          <Th>{labels.line}</Th>
          <Th>{labels.problems}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {errors.map((e) => (
          <tr key={e.line} data-testid={testId}>
            <Td className="num whitespace-nowrap">{labels.lineN(e.line)}</Td>
            <Td className="text-red-700">{e.msgs.join("；")}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
