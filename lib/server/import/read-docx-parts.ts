import yauzl, { type Entry, type ZipFile } from "yauzl";
import { AppError } from "../../core/errors";
import { IMPORT_LIMITS, type ImportLimits } from "./limits";

/** The parts mammoth reads: XML and relationships. Media is never inflated. */
const isTextPart = (name: string): boolean => /\.(xml|rels)$/i.test(name);

const corrupt = (cause?: unknown) => new AppError("unsupported_media", "import_corrupt_docx", { cause });
const bomb = (cause?: unknown) => new AppError("too_large", "import_zip_bomb", { cause, details: { limit: IMPORT_LIMITS.maxDocxUncompressedBytes } });

function open(bytes: Uint8Array): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) =>
      err || !zip ? reject(corrupt(err)) : resolve(zip),
    );
  });
}

/** Inflates one entry as a stream, stopping the moment the running total passes the limit. */
function inflate(zip: ZipFile, entry: Entry, budget: { left: number }): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(corrupt(err));
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => {
        budget.left -= chunk.length;
        if (budget.left < 0) {
          stream.destroy();
          reject(bomb());
          return;
        }
        chunks.push(chunk);
      });
      // yauzl stops a stream that inflates past the size its entry declares: the archive lies.
      stream.on("error", (e: Error) => reject(/too many bytes/i.test(e.message) ? bomb(e) : corrupt(e)));
      stream.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    });
  });
}

/**
 * The XML parts of a DOCX, inflated under a cap on their *real* size: the entry count is
 * checked from the end-of-archive record before anything is read, declared sizes refuse
 * an honest bomb at once, and the byte count of the inflated output stops a lying one.
 */
export async function readDocxParts(bytes: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): Promise<Map<string, Uint8Array>> {
  const zip = await open(bytes);
  try {
    if (zip.entryCount > limits.maxDocxEntries) throw new AppError("too_large", "import_too_complex_entries", { details: { entries: zip.entryCount, limit: limits.maxDocxEntries } });
    const parts = new Map<string, Uint8Array>();
    const budget = { left: limits.maxDocxUncompressedBytes };
    let declared = 0;
    for (;;) {
      const entry = await new Promise<Entry | null>((resolve, reject) => {
        zip.once("entry", resolve);
        zip.once("end", () => resolve(null));
        zip.once("error", (e: Error) => reject(corrupt(e)));
        zip.readEntry();
      });
      zip.removeAllListeners("entry").removeAllListeners("end").removeAllListeners("error");
      if (!entry) break;
      if (entry.fileName.endsWith("/") || !isTextPart(entry.fileName)) continue;
      declared += entry.uncompressedSize;
      if (declared > limits.maxDocxUncompressedBytes) throw bomb();
      parts.set(entry.fileName, await inflate(zip, entry, budget));
    }
    if (!parts.has("word/document.xml")) throw corrupt();
    return parts;
  } finally {
    zip.close();
  }
}
