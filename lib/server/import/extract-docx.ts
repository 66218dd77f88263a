import { zipSync } from "fflate";
import mammoth from "mammoth";
import { parseHTML } from "linkedom";
import { AppError, isAppError } from "../../core/errors";
import { htmlToMarkdown } from "./html-to-markdown";
import { IMPORT_LIMITS, type ImportLimits, isStackOverflow } from "./limits";
import { readDocxParts } from "./read-docx-parts";

/** Images are never read (their entries are not even inflated): the text is what we keep. */
const noImages = mammoth.images.imgElement(() => Promise.resolve({ src: "" }));

/**
 * A Word document's text with its heading structure (mammoth maps Word styles to h1–h6).
 * mammoth reads a stored (uncompressed) archive rebuilt from parts that were inflated
 * under the size cap, so nothing it opens can expand again.
 */
export async function extractDocx(bytes: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): Promise<{ markdown: string; warnings: string[] }> {
  const parts = await readDocxParts(bytes, limits);
  const stored = zipSync(Object.fromEntries(parts), { level: 0 });
  let html: string;
  let messages: { type: string; message: string }[];
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength) }, { convertImage: noImages });
    html = result.value;
    messages = result.messages;
  } catch (e) {
    // Too deep for the stack: not a damaged file; the worker reports it as too complex.
    if (isAppError(e) || isStackOverflow(e)) throw e;
    throw new AppError("unsupported_media", "import_corrupt_docx", { cause: e });
  }
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const warnings = messages.filter((m) => m.type === "warning").slice(0, 5).map((m) => `docx: ${m.message}`);
  return { markdown: htmlToMarkdown(document.body as never), warnings };
}
