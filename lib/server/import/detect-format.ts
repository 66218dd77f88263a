import { AppError } from "../../core/errors";

export type SourceFormat = "text" | "markdown" | "html" | "docx" | "pdf";

const BY_EXTENSION: Record<string, SourceFormat> = {
  txt: "text", text: "text", md: "markdown", markdown: "markdown", html: "html", htm: "html", xhtml: "html", docx: "docx", pdf: "pdf",
};

const MIME: Record<SourceFormat, string> = {
  text: "text/plain",
  markdown: "text/markdown",
  html: "text/html",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

/** The media type stored for a document version of this format. */
export const mimeOf = (format: SourceFormat): string => MIME[format];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/**
 * The format of an upload from its name, checked against its first bytes so that
 * a renamed binary is refused with a clear message instead of imported as garbage.
 */
export function detectFormat(fileName: string, bytes: Uint8Array): SourceFormat {
  const ext = fileName.toLowerCase().split(".").pop() ?? "";
  const format = BY_EXTENSION[ext];
  if (!format) throw new AppError("unsupported_media", "import_unsupported_type", { details: { fileName, extension: ext } });
  if (bytes.length === 0) throw new AppError("invalid_input", "import_empty", { details: { fileName } });
  const isPdf = startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]); // %PDF-
  const isZip = startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
  if (format === "pdf" && !isPdf) throw new AppError("unsupported_media", "import_not_pdf", { details: { fileName } });
  if (format === "docx" && !isZip) throw new AppError("unsupported_media", "import_not_docx", { details: { fileName } });
  if ((format === "text" || format === "markdown" || format === "html") && (isPdf || isZip))
    throw new AppError("unsupported_media", "import_binary_as_text", { details: { fileName } });
  return format;
}
