// What may be attached, decided from the bytes, not from the name or the browser's type: a page or
// a script renamed ".pdf" must not reach another user's browser. Pure functions, no I/O.

export const ALLOWED_EXTENSIONS = [
  "pdf",
  "doc",
  "docx",
  "xls",
  "xlsx",
  "ppt",
  "pptx",
  "png",
  "jpg",
  "jpeg",
] as const;
export type AllowedExtension = (typeof ALLOWED_EXTENSIONS)[number];

type Kind = "pdf" | "png" | "jpeg" | "ooxml" | "ole";

const MIME: Record<AllowedExtension, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  ppt: "application/vnd.ms-powerpoint",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
};

const KIND_OF: Record<AllowedExtension, Kind> = {
  pdf: "pdf",
  png: "png",
  jpg: "jpeg",
  jpeg: "jpeg",
  doc: "ole",
  xls: "ole",
  ppt: "ole",
  docx: "ooxml",
  xlsx: "ooxml",
  pptx: "ooxml",
};

// The folder an OOXML package keeps its main part in: a .xlsx renamed .docx is a mismatch.
const OOXML_PART: Partial<Record<AllowedExtension, string>> = { docx: "word/", xlsx: "xl/", pptx: "ppt/" };

const SIGNATURES: [Kind, number[]][] = [
  ["pdf", [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ["png", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ["jpeg", [0xff, 0xd8, 0xff]],
  ["ooxml", [0x50, 0x4b, 0x03, 0x04]], // a ZIP archive: checked further below
  ["ole", [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]], // legacy Office compound file
];

const startsWith = (bytes: Uint8Array, sig: number[]) =>
  bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);

/** Whether the ASCII text occurs in the bytes (plain JavaScript: the rules also load in the browser). */
function contains(bytes: Uint8Array, text: string): boolean {
  const needle = Array.from(text, (c) => c.charCodeAt(0));
  for (let at = bytes.indexOf(needle[0]!); at !== -1; at = bytes.indexOf(needle[0]!, at + 1)) {
    if (needle.every((b, i) => bytes[at + i] === b)) return true;
  }
  return false;
}

/** The file's extension, lower case, without the dot ("" when there is none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : "";
}

export type Detection =
  | { ok: true; extension: AllowedExtension; mime: string }
  | { ok: false; reason: "empty" | "unsupportedType" | "extensionMismatch" };

export function detectFileType(fileName: string, bytes: Uint8Array): Detection {
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  const ext = extensionOf(fileName);
  if (!(ALLOWED_EXTENSIONS as readonly string[]).includes(ext))
    return { ok: false, reason: "unsupportedType" };
  const extension = ext as AllowedExtension;
  const kind = SIGNATURES.find(([, sig]) => startsWith(bytes, sig))?.[0];
  if (kind !== KIND_OF[extension]) return { ok: false, reason: "extensionMismatch" };
  if (kind === "ooxml") {
    // Any ZIP starts with PK: an Office package also lists its content types and its main part
    // (the central directory keeps entry names uncompressed).
    const part = OOXML_PART[extension]!;
    if (!contains(bytes, "[Content_Types].xml") || !contains(bytes, part)) {
      return { ok: false, reason: "extensionMismatch" };
    }
  }
  return { ok: true, extension, mime: MIME[extension] };
}

const MAX_NAME_LENGTH = 120;

/**
 * The name kept and offered back on download: no folders, no control or reserved characters, no
 * leading dots, and a bounded length that keeps the extension.
 */
export function sanitizeFileName(raw: string): string {
  const base = raw.normalize("NFC").split(/[/\\]/).pop() ?? "";
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, "");
  if (!cleaned) return "file";
  if (cleaned.length <= MAX_NAME_LENGTH) return cleaned;
  const ext = extensionOf(cleaned);
  const keep = ext && ext.length <= 10 ? `.${ext}` : "";
  return `${Array.from(cleaned.slice(0, cleaned.length - keep.length))
    .slice(0, MAX_NAME_LENGTH - keep.length)
    .join("")}${keep}`;
}

/** Shown in lists: kilobytes below one megabyte, else megabytes, one decimal. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(0.1, Math.round((bytes / 1024) * 10) / 10).toFixed(1)} KB`;
  return `${(Math.round((bytes / (1024 * 1024)) * 10) / 10).toFixed(1)} MB`;
}

/** Browsers may show PDFs and images; everything else is sent as opaque bytes. */
export function downloadContentType(mime: string): string {
  return mime === "application/pdf" || mime === "image/png" || mime === "image/jpeg"
    ? mime
    : "application/octet-stream";
}

/** Content-Disposition that always downloads, with the UTF-8 name for browsers that read RFC 5987. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export const MB = 1024 * 1024;
