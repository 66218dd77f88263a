/**
 * Search benchmark (issue #13) on a workspace of about 10 MB of Japanese text (UTF-8) built from
 * the demo corpus: its paragraphs shuffled into 40 documents, each copy perturbed (sentences
 * reordered, about 4% of its kanji replaced by other kanji of the corpus), so the index holds
 * varied text rather than 50 copies of the same.
 * - `search_p95_ms`: p95 of the whole search service (candidates from the bigram GIN index,
 *   re-check, counts, first page of 20 hits with snippets) over a fixed mix of 1–12-character
 *   queries, 3 rounds after a warm-up. Baseline `search_scan_p95_ms`: the same service finding
 *   the same rows by a sequential scan of the workspace's chunks (strpos on the folded key).
 * - `search_index_ms_per_mb`: rebuilding the workspace's index, per MB of canonical text.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BenchResult } from "../bench";
import { random } from "./_random";
import { quantile, round2 } from "./_collab-world";

const DEMO = fileURLToPath(new URL("../../prisma/demo/", import.meta.url));
const TARGET_BYTES = 10 * 1024 * 1024;
const DOCUMENTS = 40;
const ROUNDS = 3;
const FIXED = ["核", "米", "台湾", "同盟", "抑止力", "2+2", "ＥＤＤ", "拡大抑止", "反撃能力", "日米同盟", "指揮統制", "サイバー", "拡大抑止協議", "同盟調整メカニズム", "安全保障環境", "北朝鮮の核", "統合作戦司令部", "の", "核 同盟", "抑止 -中国"];

export async function paragraphs(): Promise<string[]> {
  const { prepareDemoDocument } = await import("../../lib/server/demo/prepare-demo-document");
  const manifest = JSON.parse(readFileSync(`${DEMO}demo.json`, "utf8")) as { documents: { file: string }[] };
  const out: string[] = [];
  for (const d of manifest.documents) {
    const { content } = await prepareDemoDocument(new Uint8Array(readFileSync(DEMO + d.file)), d.file);
    for (const b of content.blocks as { kind: string; start: number; end: number }[]) {
      const t = content.text.slice(b.start, b.end).trim();
      if (b.kind === "paragraph" && t.length > 20) out.push(t);
    }
  }
  return out;
}

/** A varied copy of a paragraph: its sentences in another order, some kanji replaced. */
function perturb(p: string, kanji: string[], rnd: () => number): string {
  const sentences = p.split(/(?<=。)/u);
  for (let i = sentences.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [sentences[i], sentences[j]] = [sentences[j]!, sentences[i]!];
  }
  return Array.from(sentences.join(""), (c) => (/\p{Script=Han}/u.test(c) && rnd() < 0.04 ? kanji[Math.floor(rnd() * kanji.length)]! : c)).join("");
}

export function buildDocuments(paras: string[], seed: number): string[] {
  const rnd = random(seed);
  const kanji = [...new Set(Array.from(paras.join(""), (c) => c).filter((c) => /\p{Script=Han}/u.test(c)))];
  const docs: string[][] = Array.from({ length: DOCUMENTS }, () => []);
  let bytes = 0;
  for (let n = 0; bytes < TARGET_BYTES; n++) {
    const p = perturb(paras[Math.floor(rnd() * paras.length)]!, kanji, rnd);
    const doc = docs[n % DOCUMENTS]!;
    if (doc.length % 12 === 0) doc.push(`第${doc.length / 12 + 1}節\u3000${p.slice(0, 12)}`);
    doc.push(p);
    bytes += Buffer.byteLength(p) + 2;
  }
  return docs.map((d) => d.join("\n\n"));
}

/** Queries of the mix: the fixed ones, then substrings of the text of 1–12 characters. */
export function queries(texts: string[], seed: number): string[] {
  const rnd = random(seed);
  const out = [...FIXED];
  while (out.length < 60) {
    const t = texts[Math.floor(rnd() * texts.length)]!;
    const len = 1 + Math.floor(rnd() * 12);
    const at = Math.floor(rnd() * (t.length - len));
    const q = t.slice(at, at + len);
    if (!/\s/u.test(q)) out.push(q);
  }
  return out;
}

export async function run(): Promise<BenchResult[]> {
  process.env.LOG_LEVEL ??= "warn";
  const { createTestDatabase } = await import("../../tests/support/test-database");
  const previous = process.env.DATABASE_URL;
  const db = await createTestDatabase("bench-search");
  process.env.DATABASE_URL = db.url;
  const { disconnectPrisma, prisma } = await import("../../lib/infra/db/client");
  try {
    const { createWorkspace } = await import("../../lib/server/workspaces/create-workspace");
    const { createDocument } = await import("../../lib/server/documents/create-document");
    const { prepareDemoDocument } = await import("../../lib/server/demo/prepare-demo-document");
    const { rebuildSearchIndex } = await import("../../lib/server/search/rebuild-index");
    const { searchWorkspace } = await import("../../lib/server/search/search-workspace");
    const owner = await prisma.user.create({ data: { email: "bench@search.local", name: "Bench" }, select: { id: true } });
    const ws = await createWorkspace(owner.id, "Search bench", new Date());
    // A second workspace with the same kind of text: its index entries must not slow this one down.
    const neighbour = await createWorkspace(owner.id, "Neighbour", new Date());
    const paras = await paragraphs();
    const texts: string[] = [];
    for (const [w, seed] of [[ws.id, 13], [neighbour.id, 14]] as const) {
      const docs = buildDocuments(paras, seed);
      for (let i = 0; i < docs.length; i++) {
        const { meta, content } = await prepareDemoDocument(new TextEncoder().encode(docs[i]!), `doc-${i}.txt`);
        await createDocument(w, owner.id, { ...meta, title: `文書 ${i + 1}` }, content, new Date());
        if (w === ws.id) texts.push(content.text);
      }
    }
    const mb = Buffer.byteLength(texts.join("")) / (1024 * 1024);
    const t0 = performance.now();
    await rebuildSearchIndex(ws.id);
    const indexMsPerMb = (performance.now() - t0) / mb;
    await prisma.$executeRawUnsafe(`VACUUM ANALYZE "SearchChunk"`);

    const mix = queries(texts, 7);
    const timeAll = async (strategy: "auto" | "scan"): Promise<number[]> => {
      const times: number[] = [];
      for (const q of mix) await searchWorkspace(ws.id, { q, documentIds: [], kinds: [], themeIds: [], authorIds: [], offset: 0, limit: 20 }, { strategy });
      for (let r = 0; r < ROUNDS; r++) {
        for (const q of mix) {
          const s = performance.now();
          await searchWorkspace(ws.id, { q, documentIds: [], kinds: [], themeIds: [], authorIds: [], offset: 0, limit: 20 }, { strategy });
          times.push(performance.now() - s);
        }
      }
      return times;
    };
    const indexed = quantile(await timeAll("auto"), 0.95);
    const scanned = quantile(await timeAll("scan"), 0.95);
    const result = (metric: string, value: number, unit: string, target: number, baseline: number): BenchResult => ({ metric, value: round2(value), unit, target, baseline: round2(baseline), ratio: round2(value / Math.max(baseline, 1e-6)) });
    return [
      result("search_p95_ms", indexed, "ms", 50, scanned),
      result("search_scan_p95_ms", scanned, "ms", 50, scanned),
      // Baseline: folding alone (the JavaScript part of indexing), per MB.
      result("search_index_ms_per_mb", indexMsPerMb, "ms/MB", 5000, await foldMsPerMb(texts, mb)),
    ];
  } finally {
    await disconnectPrisma();
    await db.dispose();
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }
}

async function foldMsPerMb(texts: string[], mb: number): Promise<number> {
  const { foldWithMap } = await import("../../lib/core/search");
  const t0 = performance.now();
  for (const t of texts) foldWithMap(t);
  return (performance.now() - t0) / mb;
}
