import { availableParallelism } from "node:os";

const envNumber = (name: string, fallback: number): number => {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

/**
 * Import limits. Every cap that protects the server is decided before the expensive
 * step it guards (DOM, Readability, inflating, pdfjs), and the worker pool bounds
 * whatever slips through with a deadline and a heap limit.
 */
export const IMPORT_LIMITS = {
  /** Largest accepted upload, refused from Content-Length before the body is read. */
  maxUploadBytes: envNumber("IMPORT_MAX_BYTES", 25 * 1024 * 1024),
  /** Largest total real (inflated) size of the XML parts of a DOCX, counted while inflating. */
  maxDocxUncompressedBytes: 100 * 1024 * 1024,
  /** Largest number of entries in a DOCX archive (Word writes a few dozen). */
  maxDocxEntries: 5_000,
  /** Largest PDF page count read (the rest is reported as skipped). */
  maxPdfPages: 2_000,
  /** HTML deeper than this is refused by the pre-scan (browsers stop nesting at 512). */
  maxHtmlDepth: 2_000,
  /** HTML with more elements than this is refused by the pre-scan. */
  maxHtmlElements: 250_000,
  /**
   * Readability costs about (elements × depth) and is quadratic on deep input (1,000 nested
   * divs: 15 s). Above these the page's whole text is taken by a linear pass instead.
   */
  readabilityMaxDepth: 100,
  readabilityMaxWork: 300_000,
  /** Largest canonical text stored for one document (characters). */
  maxTextChars: 5_000_000,
} as const;

/** The limits' shape, for callers (tests) that pass their own. */
export type ImportLimits = { readonly [K in keyof typeof IMPORT_LIMITS]: number };

/** The worker pool that runs every extraction (lib/server/import/extract-pool.ts). */
export const IMPORT_POOL = {
  /** Wall-clock limit of one extraction, from the moment a worker starts it. */
  timeoutMs: envNumber("IMPORT_TIMEOUT_MS", 60_000),
  /** V8 heap (old generation) of one extraction worker, in MB. */
  heapMb: envNumber("IMPORT_WORKER_HEAP_MB", 512),
  /** Workers: leave a core to the web server, the collab server and the database. */
  threads: envNumber("IMPORT_WORKERS", Math.max(1, Math.min(2, availableParallelism() - 1))),
  /** Extractions waiting for a worker before new ones are refused as busy. */
  maxQueue: 32,
  /** Longest wait for a worker before the upload is answered "busy, try again". */
  maxQueueWaitMs: 2 * envNumber("IMPORT_TIMEOUT_MS", 60_000),
} as const;

/** A thrown "Maximum call stack size exceeded": input nested deeper than a parser's recursion allows. */
export const isStackOverflow = (e: unknown): boolean => e instanceof RangeError && /call stack/i.test(e.message);
