import { z } from "zod";
import { defineOperation } from "../ops/define";
import { prisma } from "../../infra/db/client";
import { workspaceRef } from "../workspaces/schemas";
import { idSchema } from "../../core/validation";
import { isLongText, sanitiseBlocks, type DocumentMetaView, type VersionView } from "../../core/reader";
import { MAX_PANES } from "../../core/compare/view-state";
import type { Role } from "../../core/roles";
import type { PlacementStatus, StoredPlacementRow } from "../../core/compare";

export const getCompareViewInput = workspaceRef.and(z.object({ documentIds: z.array(idSchema).max(MAX_PANES) }));

export interface ComparePaneView {
  document: DocumentMetaView;
  /**
   * The latest version, with its database id: annotation anchors name it. A long text is
   * `deferred`: text and blocks come empty and the pane fetches them once from the version's
   * immutable, cacheable URL (docs/long-documents.md), rather than in the page's payload.
   */
  version: VersionView & { id: string; deferred?: boolean };
  /** Every version's id → number, so an anchor made on another version can say which. */
  versionNumbers: Record<string, number>;
  /**
   * The annotations on this version as the relational projection last stored them, compact:
   * `spans` is [start, end, colour index, …]. Painted at once, before the live Y.Doc arrives
   * (which then replaces them); a few seconds stale at worst, never the source of truth.
   */
  preview: { colours: string[]; spans: number[] };
  /**
   * Where annotations of older versions land in this one, as the server stored it when the
   * version was imported (lib/server/anchors): the pane paints these instead of searching.
   */
  placements: StoredPlacementRow[];
}

export interface CompareView {
  workspace: { id: string; slug: string; name: string; role: Role };
  /** The requested documents that exist, in the requested order. */
  panes: ComparePaneView[];
  /** Requested ids that are not (or no longer) documents of this workspace. */
  missing: string[];
  /** Every document of the workspace, for the picker (no text). */
  documents: { id: string; title: string; language: string | null }[];
}

/**
 * The compare view of up to four documents: the latest version of each (text, blocks, id) and
 * the workspace's document list for the picker. One query for the list, one per pane.
 */
export const getCompareViewOp = defineOperation({
  name: "documents.compare",
  permission: { kind: "workspace", action: "document.read" },
  input: getCompareViewInput,
  async run(ctx, input): Promise<CompareView> {
    const ws = await prisma.workspace.findUniqueOrThrow({ where: { id: ctx.workspaceId }, select: { id: true, slug: true, name: true } });
    const documents = await prisma.document.findMany({
      where: { workspaceId: ctx.workspaceId, deletedAt: null },
      orderBy: [{ createdAt: "asc" }, { title: "asc" }],
      select: { id: true, title: true, language: true },
    });
    const known = new Set(documents.map((d) => d.id));
    const wanted = input.documentIds.filter((id) => known.has(id));
    const loaded = await Promise.all(wanted.map((id) => loadPane(id)));
    const panes = loaded.filter((p): p is ComparePaneView => p !== null);
    const shown = new Set(panes.map((p) => p.document.id));
    return {
      workspace: { ...ws, role: ctx.role },
      panes,
      missing: input.documentIds.filter((id) => !shown.has(id)),
      documents,
    };
  },
});

export async function loadPane(documentId: string): Promise<ComparePaneView | null> {
  const doc = await prisma.document.findUnique({
    where: { id: documentId },
    select: {
      id: true, title: true, authors: true, publishedOn: true, sourceUrl: true, language: true, notes: true,
      versions: { orderBy: { number: "asc" }, select: { id: true, number: true } },
    },
  });
  const latest = doc?.versions[doc.versions.length - 1];
  if (!doc || !latest) return null;
  const head = await prisma.documentVersion.findUnique({ where: { id: latest.id }, select: { charCount: true } });
  if (!head) return null;
  const deferred = isLongText(head.charCount, 0);
  const v = await prisma.documentVersion.findUnique({
    where: { id: latest.id },
    select: { id: true, number: true, createdAt: true, charCount: true, text: !deferred, blocks: !deferred, warnings: true, sourceName: true, sourceType: true },
  });
  if (!v) return null;
  const [own, stored] = await Promise.all([
    prisma.annotation.findMany({ where: { documentId, versionId: v.id }, select: { start: true, end: true, colour: true } }),
    prisma.annotationPlacement.findMany({
      where: { versionId: v.id },
      select: { annotationId: true, status: true, start: true, end: true, score: true, anchorKey: true, annotation: { select: { colour: true } } },
    }),
  ]);
  const placed = stored.flatMap((p) => (p.start === null || p.end === null ? [] : [{ start: p.start, end: p.end, colour: p.annotation.colour }]));
  const rows = [...own, ...placed].sort((a, b) => a.start - b.start);
  const colours: string[] = [];
  const spans: number[] = [];
  for (const r of rows) {
    let c = colours.indexOf(r.colour);
    if (c < 0) c = colours.push(r.colour) - 1;
    spans.push(r.start, r.end, c);
  }
  return {
    document: { id: doc.id, title: doc.title, authors: doc.authors, publishedOn: doc.publishedOn, sourceUrl: doc.sourceUrl, language: doc.language, notes: doc.notes },
    version: {
      id: v.id,
      number: v.number,
      createdAt: v.createdAt.toISOString(),
      charCount: v.charCount,
      text: v.text ?? "",
      blocks: v.text ? sanitiseBlocks(v.blocks, v.text.length) : [],
      ...(deferred ? { deferred: true } : {}),
      sourceName: v.sourceName,
      sourceType: v.sourceType,
      warnings: Array.isArray(v.warnings) ? v.warnings.filter((w): w is string => typeof w === "string") : [],
    },
    versionNumbers: Object.fromEntries(doc.versions.map((x) => [x.id, x.number])),
    preview: { colours, spans },
    placements: stored.map((p) => ({ annotationId: p.annotationId, status: p.status as PlacementStatus, start: p.start, end: p.end, score: p.score, anchorKey: p.anchorKey })),
  };
}
