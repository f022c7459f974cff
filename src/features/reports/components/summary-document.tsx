import type { ReactNode } from "react";
import type { Block } from "../annual-summary-document";

// The summary as a page on A4 paper: on screen a sheet on the grey background, in print the sheet
// alone (the app's chrome is .no-print). Headings stay with what follows; table rows never split and
// the header row repeats on each printed page.

const ALIGN = { left: "text-left", right: "text-right num" } as const;

function render(block: Block, i: number): ReactNode {
  switch (block.kind) {
    case "title":
      return (
        <h2 key={i} className="mb-8 text-center text-xl leading-relaxed font-bold text-slate-900 print:text-[18pt]">
          {block.text}
        </h2>
      );
    case "heading":
      return (
        <h3 key={i} className="mt-6 mb-2 text-base font-bold text-slate-900 break-after-avoid print:text-[14pt]">
          {block.text}
        </h3>
      );
    case "subheading":
      return (
        <h4 key={i} className="mt-4 mb-2 font-semibold text-slate-800 break-after-avoid print:text-[12pt]">
          {block.text}
        </h4>
      );
    case "paragraph":
      return (
        <p
          key={i}
          data-testid={block.id ? `summary-${block.id}` : undefined}
          className="mb-2 indent-[2em] leading-8 text-slate-800 print:text-[12pt] print:leading-[1.9]"
        >
          {block.text}
        </p>
      );
    case "table":
      return (
        <table key={i} className="my-3 w-full border-collapse text-sm print:text-[10pt]">
          <caption className="mb-1 text-center text-sm font-semibold text-slate-700 break-after-avoid">
            {block.caption}
          </caption>
          <thead className="table-header-group">
            <tr>
              {block.headers.map((h, j) => (
                <th
                  key={j}
                  scope="col"
                  className="border border-slate-400 bg-slate-50 px-2 py-1.5 text-center text-xs font-semibold text-slate-700 print:bg-transparent"
                >
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((r, j) => (
              <tr key={j} className="break-inside-avoid">
                {r.map((v, k) => (
                  <td
                    key={k}
                    className={`border border-slate-400 px-2 py-1.5 text-slate-800 ${ALIGN[block.align[k] ?? "left"]} ${v.length <= 12 ? "whitespace-nowrap" : ""}`}
                  >
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}

export function SummaryDocument({ blocks, children }: { blocks: Block[]; children?: ReactNode }) {
  return (
    <article
      data-testid="annual-summary"
      className="mx-auto max-w-[210mm] rounded-sm border border-slate-200 bg-white px-6 py-10 shadow-sm sm:px-14 print:max-w-none print:border-0 print:p-0 print:shadow-none"
    >
      {blocks.map(render)}
      {children}
    </article>
  );
}
