/**
 * The entries of a .qdpx, read the way read-docx-parts reads a DOCX: the entry count from the
 * end-of-archive record before anything is inflated, declared sizes summed against the budget,
 * and every entry inflated as a stream stopped at the real byte count (a lying zip bomb stops
 * there). Names that climb out of the archive (`..`, absolute, drive letters, backslashes) are
 * refused: nothing of the archive is written to disk, but a name is also a key the import
 * resolves `internal://` paths against, and a hostile one is never a source we want. `..` and
 * absolute names refuse the whole archive (yauzl's own check); other unsafe names (drive
 * letters, NUL) are skipped and listed in the report.
 */
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { AppError } from "../../../core/errors";

export const QDPX_LIMITS = {
  /** Largest .qdpx accepted (the upload cap of this route). */
  maxBytes: 100 * 1024 * 1024,
  /** Largest total inflated size of the entries read. */
  maxUncompressedBytes: 300 * 1024 * 1024,
  maxEntries: 20_000,
} as const;

const corrupt = (cause?: unknown) => new AppError("unsupported_media", "qdpx_corrupt", { cause });
const bomb = (limit: number) => new AppError("too_large", "import_zip_bomb", { details: { limit } });

/** True for a name that stays inside the archive's root. */
export function isSafeEntryName(name: string): boolean {
  if (!name || name.includes("\\") || name.includes("\u0000") || name.startsWith("/") || /^[A-Za-z]:/.test(name)) return false;
  return !name.split("/").some((part) => part === "..");
}

function open(bytes: Uint8Array): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true }, (err, zip) =>
      err || !zip ? reject(corrupt(err)) : resolve(zip),
    );
  });
}

function inflate(zip: ZipFile, entry: Entry, budget: { left: number; limit: number }): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(corrupt(err));
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => {
        budget.left -= chunk.length;
        if (budget.left < 0) {
          stream.destroy();
          reject(bomb(budget.limit));
          return;
        }
        chunks.push(chunk);
      });
      stream.on("error", (e: Error) => reject(/too many bytes/i.test(e.message) ? bomb(budget.limit) : corrupt(e)));
      stream.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    });
  });
}

export interface QdpxEntries {
  project: Uint8Array;
  /** `Sources/…` name (as in the archive) → bytes. */
  sources: Map<string, Uint8Array>;
  /** Entry names refused as unsafe (reported; their sources come out as missing). */
  refused: string[];
}

export async function readQdpxZip(bytes: Uint8Array, limits: { readonly [K in keyof typeof QDPX_LIMITS]: number } = QDPX_LIMITS): Promise<QdpxEntries> {
  if (bytes.length > limits.maxBytes) throw new AppError("too_large", "import_too_large", { details: { limit: limits.maxBytes } });
  const zip = await open(bytes);
  try {
    if (zip.entryCount > limits.maxEntries) throw new AppError("too_large", "import_too_complex_entries", { details: { entries: zip.entryCount, limit: limits.maxEntries } });
    const budget = { left: limits.maxUncompressedBytes, limit: limits.maxUncompressedBytes };
    let declared = 0;
    let project: Uint8Array | null = null;
    const sources = new Map<string, Uint8Array>();
    const refused: string[] = [];
    for (;;) {
      const entry = await new Promise<Entry | null>((resolve, reject) => {
        zip.once("entry", resolve);
        zip.once("end", () => resolve(null));
        // yauzl refuses `..` and absolute names itself: the whole archive is then refused, by name.
        zip.once("error", (e: Error) => reject(/(invalid relative path|absolute path)/i.test(e.message) ? new AppError("invalid_input", "qdpx_unsafe_path", { cause: e, details: { name: e.message.replace(/^[^:]*:\s*/, "").slice(0, 200) } }) : corrupt(e)));
        zip.readEntry();
      });
      zip.removeAllListeners("entry").removeAllListeners("end").removeAllListeners("error");
      if (!entry) break;
      const name = entry.fileName;
      if (name.endsWith("/")) continue;
      if (!isSafeEntryName(name)) {
        refused.push(name.slice(0, 200));
        continue;
      }
      const isProject = name === "project.qde";
      if (!isProject && !name.startsWith("Sources/")) continue;
      declared += entry.uncompressedSize;
      if (declared > limits.maxUncompressedBytes) throw bomb(limits.maxUncompressedBytes);
      const data = await inflate(zip, entry, budget);
      if (isProject) project = data;
      else sources.set(name, data);
    }
    if (!project) throw new AppError("invalid_input", "qdpx_no_project");
    return { project, sources, refused };
  } finally {
    zip.close();
  }
}
