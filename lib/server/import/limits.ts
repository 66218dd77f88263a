/** Import limits; the upload limit is configurable because think-tank PDFs can be large. */
export const IMPORT_LIMITS = {
  /** Largest accepted upload, refused from Content-Length before the body is read. */
  maxUploadBytes: Number(process.env.IMPORT_MAX_BYTES ?? 25 * 1024 * 1024),
  /** Largest total uncompressed size of a DOCX (zip bomb guard). */
  maxDocxUncompressedBytes: 200 * 1024 * 1024,
  /** Largest number of entries in a DOCX archive. */
  maxDocxEntries: 5_000,
  /** Largest PDF page count read. */
  maxPdfPages: 2_000,
  /** Largest canonical text stored for one document (characters). */
  maxTextChars: 5_000_000,
} as const;
