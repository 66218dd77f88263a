/**
 * Import benchmark: decode + normalise about 1 MB of Japanese text built from the demo
 * corpus, against a plain decode of the same bytes; and the web server's health latency
 * while hostile files are imported (scripts/bench/_import-hostile.ts).
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { decodeBytes } from "../../lib/core/text/decode-bytes";
import { normaliseText } from "../../lib/core/text/normalise-text";
import type { BenchResult } from "../bench";
import { round2 } from "./_collab-world";
import { hostileHealth } from "./_import-hostile";

const DEMO = fileURLToPath(new URL("../../prisma/demo/", import.meta.url));
const TARGET_BYTES = 1024 * 1024;
const RUNS = 7;

function corpusBytes(): Uint8Array {
  const files = readdirSync(DEMO).filter((f) => f.endsWith(".txt")).sort();
  const texts = files.map((f) => readFileSync(DEMO + f, "utf8"));
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < TARGET_BYTES; i++) {
    const t = texts[i % texts.length] ?? "";
    parts.push(t);
    size += Buffer.byteLength(t) + 2;
  }
  return new TextEncoder().encode(parts.join("\n\n"));
}

function medianMs(fn: () => void): number {
  const times: number[] = [];
  fn(); // warm-up: JIT and ICU tables
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

const PDF_PAGES = 15;

/**
 * `import_pdf_ms_per_page`: median milliseconds per page to extract (pdfjs), lay out and
 * normalise a typeset 15-page Japanese PDF (headers, page numbers, footnotes, paragraphs
 * across pages); baseline: pdfjs reading the same pages' text content alone.
 */
async function pdfPerPage(): Promise<BenchResult> {
  const { typeset } = await import("../../tests/support/typeset");
  const { testPapers } = await import("../../tests/support/typeset-corpus");
  const { extractSource } = await import("../../lib/server/import/extract-source");
  const paper = testPapers()[0]!;
  const pieces = paper.pieces.filter((p) => p.kind !== "vertical");
  let bytes = await typeset(pieces, paper.style);
  // Repeat the paper's body until it fills 15 pages.
  for (let copies = 2; copies < 20; copies++) {
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const task = pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 });
    const pages = (await task.promise).numPages;
    await task.destroy();
    if (pages >= PDF_PAGES) break;
    bytes = await typeset(Array.from({ length: copies }, () => pieces).flat(), paper.style);
  }
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const textOnly = async (): Promise<number> => {
    const task = pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, disableFontFace: true });
    const doc = await task.promise;
    const n = doc.numPages;
    for (let i = 1; i <= n; i++) await (await doc.getPage(i)).getTextContent();
    await task.destroy();
    return n;
  };
  const median = async (fn: () => Promise<unknown>): Promise<number> => {
    const times: number[] = [];
    await fn();
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await fn();
      times.push(performance.now() - t0);
    }
    return times.sort((a, b) => a - b)[2] ?? 0;
  };
  const pages = await textOnly();
  const value = (await median(() => extractSource("bench.pdf", bytes))) / pages;
  const baseline = (await median(textOnly)) / pages;
  return { metric: "import_pdf_ms_per_page", value: round2(value), unit: "ms/page", target: 100, baseline: round2(baseline), ratio: round2(value / Math.max(baseline, 1e-6)) };
}

/**
 * `import_ms_per_mb`: median milliseconds to decode and normalise one MB.
 * `import_hostile_health_p99_ms`: p99 of /api/health while hostile files are imported.
 * `import_pdf_ms_per_page`: see pdfPerPage().
 */
export async function run(): Promise<BenchResult[]> {
  const bytes = corpusBytes();
  const mb = bytes.length / (1024 * 1024);
  const baseline = medianMs(() => void new TextDecoder("utf-8").decode(bytes)) / mb;
  const value = medianMs(() => void normaliseText(decodeBytes(bytes).text)) / mb;
  const health = await hostileHealth();
  if (health.failures.length) throw new Error(`hostile uploads were not answered as expected: ${health.failures.join("; ")}`);
  return [
    { metric: "import_ms_per_mb", value: round2(value), unit: "ms/MB", target: 500, baseline: round2(baseline), ratio: round2(value / Math.max(baseline, 1e-6)) },
    { metric: "import_hostile_health_p99_ms", value: round2(health.value), unit: "ms", target: 200, baseline: round2(health.baseline), ratio: round2(health.value / Math.max(health.baseline, 1e-6)) },
    await pdfPerPage(),
  ];
}
