import JSZip from "jszip";
import mammoth from "mammoth";
import { parseHTML } from "linkedom";
import { AppError } from "../../core/errors";
import { htmlToMarkdown } from "./html-to-markdown";
import { IMPORT_LIMITS } from "./limits";

/**
 * Refuses archives that would inflate beyond the limit before anything is
 * decompressed: the central directory declares each entry's size.
 */
async function assertSafeArchive(bytes: Uint8Array): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw new AppError("unsupported_media", "import_corrupt_docx");
  }
  const entries = Object.values(zip.files);
  if (entries.length > IMPORT_LIMITS.maxDocxEntries) throw new AppError("too_large", "import_zip_bomb");
  let total = 0;
  for (const entry of entries) {
    // Declared sizes are unsigned 32-bit; JSZip reads them signed.
    total += ((entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0) >>> 0;
    if (total > IMPORT_LIMITS.maxDocxUncompressedBytes) throw new AppError("too_large", "import_zip_bomb");
  }
  if (!zip.file("word/document.xml")) throw new AppError("unsupported_media", "import_corrupt_docx");
}

/** A Word document's text with its heading structure (mammoth maps Word styles to h1–h6). */
export async function extractDocx(bytes: Uint8Array): Promise<{ markdown: string; warnings: string[] }> {
  await assertSafeArchive(bytes);
  let html: string;
  let messages: { type: string; message: string }[];
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    html = result.value;
    messages = result.messages;
  } catch {
    throw new AppError("unsupported_media", "import_corrupt_docx");
  }
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const warnings = messages.filter((m) => m.type === "warning").slice(0, 5).map((m) => `docx: ${m.message}`);
  return { markdown: htmlToMarkdown(document.body as never), warnings };
}
