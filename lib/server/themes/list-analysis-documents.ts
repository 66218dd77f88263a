import { prisma } from "../../infra/db/client";
import type { AnalysisDocument } from "../../core/themes";

/** The live documents of a workspace with their latest version (id and text length), in list order. */
export async function listAnalysisDocuments(workspaceId: string): Promise<AnalysisDocument[]> {
  const docs = await prisma.document.findMany({
    where: { workspaceId, deletedAt: null },
    orderBy: [{ createdAt: "asc" }, { title: "asc" }],
    select: { id: true, title: true, versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, charCount: true } } },
  });
  const out: AnalysisDocument[] = [];
  for (const d of docs) {
    const v = d.versions[0];
    if (v) out.push({ id: d.id, title: d.title, versionId: v.id, textLength: v.charCount });
  }
  return out;
}
