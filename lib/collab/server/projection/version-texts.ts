import type { Prisma } from "../../../generated/prisma/client";

/**
 * Texts of document versions, cached: versions are immutable, and every store of an
 * annotations doc checks its anchors against them. Keyed by version id; holds a bounded
 * number of texts (a text may be a few hundred kB).
 */
const cache = new Map<string, { documentId: string; text: string }>();
const MAX_CACHED = 64;

/** The texts of `versionIds` that belong to `documentId`; unknown ids are simply absent. */
export async function versionTexts(tx: Prisma.TransactionClient, documentId: string, versionIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const missing: string[] = [];
  for (const id of new Set(versionIds)) {
    const hit = cache.get(id);
    if (hit) {
      if (hit.documentId === documentId) out.set(id, hit.text);
    } else missing.push(id);
  }
  if (missing.length) {
    const rows = await tx.documentVersion.findMany({ where: { id: { in: missing } }, select: { id: true, documentId: true, text: true } });
    for (const row of rows) {
      if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
      cache.set(row.id, { documentId: row.documentId, text: row.text });
      if (row.documentId === documentId) out.set(row.id, row.text);
    }
  }
  return out;
}
