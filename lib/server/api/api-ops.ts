/**
 * The read-only REST API (/api/v1, personal API tokens): documents, themes, and annotations as
 * a W3C Web Annotation AnnotationPage, all paginated. Every operation checks the workspace
 * permission of the token's user like any other edge. Themes and annotations first bring the
 * projection up to date with the collab append log (catchUpProjection), as an export does.
 */
import { z } from "zod";
import { ANNO_CONTEXT, buildExcerpt, excerptToW3C, irisFor, SYNOPTIC_NS, type ExcerptTheme } from "../../core/export";
import { idSchema } from "../../core/validation";
import { prisma } from "../../infra/db/client";
import { defineOperation } from "../ops/define";
import { publicBaseUrl } from "../export/create-export";
import { currentPlaces } from "../anchors/cite-current";
import { versionCache } from "../export/load-sources";
import { loadThemeTree } from "../themes/load-theme-tree";
import { catchUpProjection } from "../../collab/server/persistence/project-current";
import { pageInput, paged } from "./pagination";

export const apiDocumentsOp = defineOperation({
  name: "api.documents",
  permission: { kind: "workspace", action: "document.read" },
  input: z.object({ workspaceId: idSchema, ...pageInput }),
  async run(ctx, input) {
    const where = { workspaceId: ctx.workspaceId, deletedAt: null };
    const [rows, total] = await Promise.all([
      prisma.document.findMany({
        where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip: (input.page - 1) * input.pageSize, take: input.pageSize,
        select: { id: true, title: true, authors: true, publishedOn: true, language: true, sourceUrl: true, createdAt: true, updatedAt: true, versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, charCount: true } } },
      }),
      prisma.document.count({ where }),
    ]);
    const items = rows.map(({ versions, createdAt, updatedAt, ...d }) => ({ ...d, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString(), latestVersion: versions[0] ?? null }));
    return paged(items, input.page, input.pageSize, total);
  },
});

/**
 * Themes in the order the theme views show them: depth first, each theme after its parent,
 * siblings by `order`, then name, then id. Read from the Theme projection, like the other
 * /api/v1 resources: it follows the collab server's debounced store (seconds behind a live
 * edit), holds live themes only, and its `parentId` never names a missing theme or closes a
 * cycle (lib/collab/server/projection/project-workspace.ts). `order` is the sibling order
 * (null: after the ordered siblings); a consumer rebuilds the tree from `parentId` alone.
 */
export const apiThemesOp = defineOperation({
  name: "api.themes",
  permission: { kind: "workspace", action: "annotation.read" },
  input: z.object({ workspaceId: idSchema, ...pageInput }),
  async run(ctx, input) {
    await catchUpProjection(ctx.workspaceId);
    // Tree order needs every theme of the workspace (tens to hundreds of rows), each page a slice.
    const tree = await loadThemeTree(ctx.workspaceId);
    const from = (input.page - 1) * input.pageSize;
    const items = tree.slice(from, from + input.pageSize).map(({ theme: t, parentId }) => ({
      id: t.id,
      name: t.name,
      colour: t.colour,
      description: t.description,
      parentId: parentId ?? null,
      order: t.position,
      createdAt: t.createdAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
    }));
    return paged(items, input.page, input.pageSize, tree.length);
  },
});

/** Annotations as a W3C AnnotationPage (code point offsets, tagging bodies), `?document=` to narrow. */
export const apiAnnotationsOp = defineOperation({
  name: "api.annotations",
  permission: { kind: "workspace", action: "annotation.read" },
  input: z.object({ workspaceId: idSchema, documentId: idSchema.optional(), origin: z.string().max(300).nullable().optional(), ...pageInput }),
  async run(ctx, input) {
    await catchUpProjection(ctx.workspaceId);
    const ws = await prisma.workspace.findUniqueOrThrow({ where: { id: ctx.workspaceId }, select: { slug: true } });
    const where = { workspaceId: ctx.workspaceId, document: { deletedAt: null }, ...(input.documentId ? { documentId: input.documentId } : {}) };
    const [rows, total] = await Promise.all([
      prisma.annotation.findMany({
        where, orderBy: [{ documentId: "asc" }, { start: "asc" }, { id: "asc" }], skip: (input.page - 1) * input.pageSize, take: input.pageSize,
        include: { document: { select: { id: true, title: true, authors: true, publishedOn: true } }, themes: { select: { themeId: true } } },
      }),
      prisma.annotation.count({ where }),
    ]);
    const themeIds = [...new Set(rows.flatMap((r) => r.themes.map((t) => t.themeId)))];
    const themes = new Map<string, ExcerptTheme>((await prisma.theme.findMany({ where: { workspaceId: ctx.workspaceId, id: { in: themeIds } }, select: { id: true, name: true, colour: true } })).map((t) => [t.id, t]));
    const baseUrl = publicBaseUrl(input.origin);
    const iris = irisFor({ baseUrl, workspaceSlug: ws.slug });
    const version = versionCache();
    const items = [];
    // Cited where they read now: annotations of an older version at their place in the latest one.
    for (const r of await currentPlaces(ctx.workspaceId)(rows)) {
      const e = buildExcerpt(r, r.document, await version(r.versionId), { baseUrl, workspaceSlug: ws.slug }, { themes: r.themes.map((t) => themes.get(t.themeId)).filter((t): t is ExcerptTheme => !!t) });
      items.push(excerptToW3C(e, iris)[0]!);
    }
    const page = paged(items, input.page, input.pageSize, total);
    const self = `${baseUrl}/api/v1/workspaces/${ctx.workspaceId}/annotations`;
    return {
      "@context": [ANNO_CONTEXT, { synoptic: SYNOPTIC_NS }],
      id: `${self}?page=${input.page}&pageSize=${input.pageSize}`,
      type: "AnnotationPage",
      partOf: { id: self, type: "AnnotationCollection", total },
      startIndex: (input.page - 1) * input.pageSize,
      ...(page.next ? { next: `${self}${page.next}` } : {}),
      ...(page.prev ? { prev: `${self}${page.prev}` } : {}),
      items,
    };
  },
});
