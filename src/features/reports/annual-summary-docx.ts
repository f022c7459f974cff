import "server-only";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Block } from "./annual-summary-document";

// The summary's blocks as a Word document on A4 (210 × 297 mm, margins as a bureau document: 3.7 cm
// top, 3.5 cm bottom, 2.8 / 2.6 cm sides), 仿宋 body and 黑体 headings, tables that keep their rows whole
// and repeat their header row on each page.

const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474 };
const BODY = { ascii: "FangSong", eastAsia: "仿宋", hAnsi: "FangSong" };
const HEADING = { ascii: "SimHei", eastAsia: "黑体", hAnsi: "SimHei" };
const TITLE = { ascii: "SimSun", eastAsia: "方正小标宋简体", hAnsi: "SimSun" };
const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(text: string, align: "left" | "right", header = false): TableCell {
  return new TableCell({
    borders,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: header ? AlignmentType.CENTER : align === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, font: header ? HEADING : BODY, size: 21 })],
      }),
    ],
  });
}

function render(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case "title":
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 480 },
          children: [new TextRun({ text: block.text, font: TITLE, size: 40, bold: true })],
        }),
      ];
    case "heading":
      return [
        new Paragraph({
          keepNext: true,
          spacing: { before: 240, after: 120 },
          indent: { firstLine: 640 },
          children: [new TextRun({ text: block.text, font: HEADING, size: 32 })],
        }),
      ];
    case "subheading":
      return [
        new Paragraph({
          keepNext: true,
          spacing: { before: 120, after: 120 },
          indent: { firstLine: 640 },
          children: [new TextRun({ text: block.text, font: BODY, size: 32, bold: true })],
        }),
      ];
    case "paragraph":
      return [
        new Paragraph({
          spacing: { line: 560 },
          indent: { firstLine: 640 },
          children: [new TextRun({ text: block.text, font: BODY, size: 32 })],
        }),
      ];
    case "table":
      return [
        new Paragraph({
          keepNext: true,
          alignment: AlignmentType.CENTER,
          spacing: { before: 120, after: 80 },
          children: [new TextRun({ text: block.caption, font: HEADING, size: 24 })],
        }),
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({
              tableHeader: true,
              cantSplit: true,
              children: block.headers.map((h, i) => cell(h, block.align[i] ?? "left", true)),
            }),
            ...block.rows.map(
              (r) =>
                new TableRow({
                  cantSplit: true,
                  children: r.map((v, i) => cell(v, block.align[i] ?? "left")),
                }),
            ),
          ],
        }),
        new Paragraph({ spacing: { after: 120 }, children: [] }),
      ];
  }
}

export async function summaryDocx(blocks: Block[], title: string): Promise<Buffer> {
  const doc = new Document({
    title,
    creator: "预算绩效管理系统",
    sections: [
      {
        properties: { page: { size: A4, margin: MARGIN } },
        children: blocks.flatMap(render),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
