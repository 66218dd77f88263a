/**
 * Writes SearchChunk rows: folds each chunk (lib/core/search), computes its tagged gram lexemes
 * and inserts them in batches through one JSON parameter (the tsvector is built in SQL by
 * `array_to_tsvector`, which takes the lexemes as given).
 */
import { chunkPlain, foldWithMap, indexLexemes, ownKeyLength, workspaceTag, type SearchKind, type TextChunk } from "../../core/search";
import type { Prisma } from "../../generated/prisma/client";

type Db = Pick<Prisma.TransactionClient, "$executeRaw" | "$executeRawUnsafe" | "$queryRaw">;

export interface ChunkSource {
  workspaceId: string;
  documentId: string;
  kind: SearchKind;
  versionId?: string | null;
  annotationId?: string | null;
  replyId?: string | null;
  authorId?: string | null;
  /** Offset of the source text in its own coordinates (an annotation's start in its version). */
  offset?: number;
}

const BATCH = 400;

/** Code points in key[0, units): PostgreSQL's `left()` and `length()` count code points. */
function codePoints(key: string, units: number): number {
  let n = 0;
  for (let i = 0; i < units; i++) {
    const c = key.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff)) n++;
  }
  return n;
}

/**
 * Every search write takes this lock shared, a workspace rebuild takes it exclusive: writers never
 * wait for each other, and a rebuild never interleaves with them (a rebuild reading annotations
 * while a projection replaces them would otherwise deadlock on their foreign keys).
 */
export async function lockSearch(tx: Db, workspaceId: string, exclusive = false): Promise<void> {
  const key = `synoptic:search:${workspaceId}`;
  if (exclusive) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
  else await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtextextended(${key}, 0))`;
}

/** Inserts the chunks of sources; chunks whose key is empty (only spaces) are left out. */
export async function writeChunks(tx: Db, items: readonly { source: ChunkSource; chunks: readonly TextChunk[] }[]): Promise<number> {
  const rows: Record<string, unknown>[] = [];
  let written = 0;
  const flush = async () => {
    if (!rows.length) return;
    await tx.$executeRawUnsafe(
      `INSERT INTO "SearchChunk" ("workspaceId","documentId","kind","versionId","annotationId","replyId","authorId","seq","docAt","kindOrder","sourceStart","ownEnd","text","key","ownKeyLen","grams","headingPath","page")
       SELECT u.ws, u.doc, u.kind, u.ver, u.ann, u.rep, u.author, u.seq, d."createdAt",
              CASE u.kind WHEN 'text' THEN 0 WHEN 'annotation' THEN 1 WHEN 'note' THEN 2 ELSE 3 END, u.ss, u.oe, u.txt, u.key, u.okl,
              array_to_tsvector(string_to_array(u.lex, ' ')), ARRAY(SELECT json_array_elements_text(u.hp)), u.page
       FROM json_to_recordset($1::json) AS u(ws text, doc text, kind text, ver text, ann text, rep text, author text, seq int, ss int, oe int, txt text, key text, okl int, lex text, hp json, page int)
       JOIN "Document" d ON d."id" = u.doc AND d."workspaceId" = u.ws`,
      JSON.stringify(rows),
    );
    written += rows.length;
    rows.length = 0;
  };
  for (const { source: s, chunks } of items) {
    const tag = workspaceTag(s.workspaceId);
    for (const c of chunks) {
      const folded = foldWithMap(c.text);
      if (!folded.key) continue;
      rows.push({
        ws: s.workspaceId, doc: s.documentId, kind: s.kind, ver: s.versionId ?? null, ann: s.annotationId ?? null, rep: s.replyId ?? null, author: s.authorId ?? null,
        seq: c.seq, ss: (s.offset ?? 0) + c.start, oe: c.ownEnd, txt: c.text, key: folded.key, okl: codePoints(folded.key, ownKeyLength(folded, c.ownEnd)),
        lex: indexLexemes(tag, folded.key), hp: c.headingPath, page: c.page,
      });
      if (rows.length >= BATCH) await flush();
    }
  }
  await flush();
  return written;
}

/** Sources of plain text (quotes, notes, replies) chunked without blocks. */
export function plainItems(items: readonly { source: ChunkSource; text: string }[]) {
  return items.map(({ source, text }) => ({ source, chunks: chunkPlain(text) }));
}
