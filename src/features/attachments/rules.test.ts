import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  contentDisposition,
  detectFileType,
  downloadContentType,
  formatFileSize,
  sanitizeFileName,
} from "./rules";

const fixture = (name: string) =>
  new Uint8Array(
    fs.readFileSync(path.resolve(import.meta.dirname, "../../../tests/fixtures/attachments", name)),
  );
const bytes = (...values: (number | string)[]) =>
  new Uint8Array(
    values.flatMap((v) => (typeof v === "string" ? Array.from(v, (c) => c.charCodeAt(0)) : [v])),
  );

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const zipWith = (...names: string[]) => bytes(0x50, 0x4b, 0x03, 0x04, 0, 0, ...names.flatMap((n) => [n, 0]));

describe("detectFileType: accepts by content", () => {
  it.each([
    ["evidence.pdf", fixture("evidence.pdf"), "application/pdf"],
    ["photo.png", fixture("photo.png"), "image/png"],
    ["scan.JPG", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, "JFIF"), "image/jpeg"],
    ["scan.jpeg", bytes(0xff, 0xd8, 0xff, 0xdb), "image/jpeg"],
    [
      "report.docx",
      fixture("report.docx"),
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ],
    [
      "sheet.xlsx",
      zipWith("[Content_Types].xml", "xl/workbook.xml"),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ],
    [
      "slides.pptx",
      zipWith("[Content_Types].xml", "ppt/presentation.xml"),
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ],
    ["old.doc", bytes(...OLE, 0, 0), "application/msword"],
    ["old.xls", bytes(...OLE), "application/vnd.ms-excel"],
    ["old.ppt", bytes(...OLE), "application/vnd.ms-powerpoint"],
  ])("%s", (name, content, mime) => {
    expect(detectFileType(name, content)).toMatchObject({ ok: true, mime });
  });
});

describe("detectFileType: refuses", () => {
  it.each([
    ["an empty file", "empty.pdf", new Uint8Array(), "empty"],
    ["an HTML page renamed .pdf", "page-renamed.pdf", fixture("page-renamed.pdf"), "extensionMismatch"],
    ["an SVG", "drawing.svg", fixture("drawing.svg"), "unsupportedType"],
    ["an HTML page", "index.html", bytes("<html></html>"), "unsupportedType"],
    ["a script", "run.js", bytes("alert(1)"), "unsupportedType"],
    ["an executable", "setup.exe", bytes("MZ", 0x90, 0), "unsupportedType"],
    ["an executable renamed .doc", "setup.doc", bytes("MZ", 0x90, 0), "extensionMismatch"],
    ["a file without extension", "README", fixture("evidence.pdf"), "unsupportedType"],
    ["plain text", "notes.txt", bytes("hello"), "unsupportedType"],
    ["a PNG named .pdf", "photo.pdf", fixture("photo.png"), "extensionMismatch"],
    ["a PDF named .png", "evidence.png", fixture("evidence.pdf"), "extensionMismatch"],
    ["a plain ZIP named .docx", "archive.docx", zipWith("a.txt"), "extensionMismatch"],
    [
      "a .xlsx renamed .docx",
      "sheet.docx",
      zipWith("[Content_Types].xml", "xl/workbook.xml"),
      "extensionMismatch",
    ],
    ["a legacy Office file named .docx", "old.docx", bytes(...OLE), "extensionMismatch"],
    ["a PDF whose signature is not at the start", "late.pdf", bytes(" %PDF-1.4"), "extensionMismatch"],
  ])("%s", (_label, name, content, reason) => {
    expect(detectFileType(name, content)).toEqual({ ok: false, reason });
  });
});

describe("sanitizeFileName", () => {
  it.each([
    ["绩效自评报告.pdf", "绩效自评报告.pdf"],
    ["C:\\Users\\张三\\桌面\\申报书.docx", "申报书.docx"],
    ["../../etc/passwd.pdf", "passwd.pdf"],
    ['a<b>c:"d"|e?f*.pdf', "abcdef.pdf"],
    ["  ..hidden.pdf  ", "hidden.pdf"],
    ["line\nbreak\t.pdf", "linebreak.pdf"],
    ["evil\u202Efdp.exe", "evilfdp.exe"],
    ["many    spaces.pdf", "many spaces.pdf"],
    ["...", "file"],
    ["", "file"],
  ])("%j → %j", (raw, clean) => {
    expect(sanitizeFileName(raw)).toBe(clean);
  });

  it("bounds the length and keeps the extension", () => {
    const name = sanitizeFileName(`${"预算".repeat(200)}.xlsx`);
    expect(name.length).toBe(120);
    expect(name.endsWith(".xlsx")).toBe(true);
  });
});

describe("download headers", () => {
  it("always downloads, with an ASCII fallback and the UTF-8 name", () => {
    expect(contentDisposition('绩效 "报告"(终).pdf')).toBe(
      "attachment; filename=\"__ ____(_).pdf\"; filename*=UTF-8''%E7%BB%A9%E6%95%88%20%22%E6%8A%A5%E5%91%8A%22%28%E7%BB%88%29.pdf",
    );
  });

  it("lets only PDFs and images keep their type", () => {
    expect(downloadContentType("application/pdf")).toBe("application/pdf");
    expect(downloadContentType("image/png")).toBe("image/png");
    expect(downloadContentType("application/msword")).toBe("application/octet-stream");
  });

  it("formats sizes in KB and MB", () => {
    expect(formatFileSize(10)).toBe("0.1 KB");
    expect(formatFileSize(1536)).toBe("1.5 KB");
    expect(formatFileSize(5 * 1024 * 1024 + 100_000)).toBe("5.1 MB");
  });
});
