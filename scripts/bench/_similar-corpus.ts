/**
 * A workspace of about 10 MB of Japanese text for the similarity benchmark, built from the five
 * demo papers (/work/shared/corpus is the same text): paragraphs of 2–7 sentences drawn from all
 * papers, and per document a substitution of a tenth of the kanji, so that documents share
 * topics and phrasing like papers of one field without being copies of each other (copies would
 * give every n-gram a document frequency of 50 and measure nothing real).
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { SourceDocument } from "../../lib/core/similar";
import { normaliseText } from "../../lib/core/text/normalise-text";
import type { Block } from "../../lib/core/text/types";
import { random } from "./_random";

const DEMO = fileURLToPath(new URL("../../prisma/demo/", import.meta.url));

function sentences(): string[] {
  const out: string[] = [];
  for (const f of readdirSync(DEMO).filter((n) => n.endsWith(".txt")).sort()) {
    const { text } = normaliseText(readFileSync(DEMO + f, "utf8"));
    for (const s of text.split(/(?<=。)|\n+/u)) if (s.trim().length >= 12) out.push(s.trim());
  }
  return out;
}

/** Documents of about `bytesPerDoc` UTF-8 bytes each, `count` of them, deterministic. */
export function similarCorpus(count = 50, bytesPerDoc = 200_000, seed = 13): SourceDocument[] {
  const pool = sentences();
  const kanji = [...new Set(pool.join("").match(/\p{sc=Han}/gu) ?? [])];
  const rnd = random(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const docs: SourceDocument[] = [];
  for (let d = 0; d < count; d++) {
    const swap = new Map<string, string>();
    for (const k of kanji) if (rnd() < 0.1) swap.set(k, pick(kanji));
    const parts: string[] = [];
    const blocks: Block[] = [];
    let at = 0;
    let bytes = 0;
    for (let p = 0; bytes < bytesPerDoc; p++) {
      const heading = p % 12 === 0;
      const n = heading ? 0 : 2 + Math.floor(rnd() * 6);
      let para = heading ? `第${p / 12 + 1}節\u3000${pick(pool).slice(0, 16)}` : "";
      for (let i = 0; i < n; i++) para += pick(pool);
      para = para.replace(/\p{sc=Han}/gu, (k) => swap.get(k) ?? k);
      blocks.push({ kind: heading ? "heading" : "paragraph", start: at, end: at + para.length, ...(heading ? { level: 1 } : {}), page: 1 + Math.floor(p / 8) });
      parts.push(para);
      at += para.length + 2;
      bytes += Buffer.byteLength(para) + 2;
    }
    docs.push({ documentId: `doc${d}`, versionId: `doc${d}v1`, text: parts.join("\n\n"), blocks });
  }
  return docs;
}
