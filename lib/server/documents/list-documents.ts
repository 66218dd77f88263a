import { defineOperation } from "../ops/define";
import { prisma } from "../../infra/db/client";
import { workspaceRef } from "../workspaces/schemas";

export interface DocumentListItem {
  id: string;
  title: string;
  authors: string | null;
  publishedOn: string | null;
  language: string | null;
  sourceUrl: string | null;
  versionCount: number;
  charCount: number;
  blockCount: number;
  updatedAt: string;
  createdBy: string | null;
  /** Live annotations (the projection's rows), so the list shows where the discussion is. */
  annotationCount: number;
}

/** The documents of a workspace with the metadata of their latest version. */
export const listDocumentsOp = defineOperation({
  name: "documents.list",
  permission: { kind: "workspace", action: "document.read" },
  input: workspaceRef,
  async run(ctx): Promise<DocumentListItem[]> {
    const docs = await prisma.document.findMany({
      where: { workspaceId: ctx.workspaceId, deletedAt: null },
      orderBy: [{ createdAt: "asc" }, { title: "asc" }],
      select: {
        id: true, title: true, authors: true, publishedOn: true, language: true, sourceUrl: true, updatedAt: true,
        createdBy: { select: { name: true } },
        _count: { select: { versions: true } },
        versions: { orderBy: { number: "desc" }, take: 1, select: { charCount: true, blocks: true } },
      },
    });
    const counts = await prisma.annotation.groupBy({ by: ["documentId"], where: { workspaceId: ctx.workspaceId }, _count: { _all: true } });
    const annotations = new Map(counts.map((c) => [c.documentId, c._count._all]));
    return docs.map((d) => {
      const latest = d.versions[0];
      return {
        id: d.id, title: d.title, authors: d.authors, publishedOn: d.publishedOn, language: d.language, sourceUrl: d.sourceUrl,
        versionCount: d._count.versions,
        charCount: latest?.charCount ?? 0,
        blockCount: Array.isArray(latest?.blocks) ? latest.blocks.length : 0,
        updatedAt: d.updatedAt.toISOString(),
        createdBy: d.createdBy?.name ?? null,
        annotationCount: annotations.get(d.id) ?? 0,
      };
    });
  },
});
