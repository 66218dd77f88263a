/**
 * Projects the workspace's links into the Link table. A link is projected only when it parses
 * (relation types of lib/core/argument, legacy kinds mapped), is not a self-link or a duplicate,
 * and both ends exist *in this workspace* now: annotations in the Annotation projection, map
 * nodes live in the meta doc. Anything else becomes a ProjectionFlag of the meta doc — so a link
 * whose annotation was deleted (or that names another workspace's annotation) is never left
 * dangling in the table. Runs when the meta doc is stored and again when a document's
 * annotations are (see reconcile-links.ts), under a per-workspace advisory lock so the two
 * never interleave their delete-and-insert.
 */
import { argumentLinkSchema, linkProblem, catalogOf, type ArgumentLink } from "../../../core/argument";
import { mapNodeEntrySchema } from "../../../core/collab";
import type { Prisma } from "../../../generated/prisma/client";
import { schemaFlag, type Flag } from "./flags";
import { activityEnabled, type ProjectionActivity } from "./activity-options";
import { recordLinkActivity } from "./map-activity";

export interface LinkSnapshot {
  links: [string, unknown][];
  nodes: [string, unknown][];
}

export async function projectLinks(tx: Prisma.TransactionClient, workspaceId: string, snapshot: LinkSnapshot, activity?: ProjectionActivity): Promise<{ stored: number; flags: Flag[] }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`synoptic:links:${workspaceId}`}))`;
  const flags: Flag[] = [];
  const parsed: ArgumentLink[] = [];
  for (const [key, value] of snapshot.links) {
    const p = argumentLinkSchema.safeParse(value);
    if (!p.success) flags.push(schemaFlag("link", key, p.error));
    else if (p.data.id !== key) flags.push({ entryKind: "link", entryId: key, reason: "id_mismatch" });
    else if (!p.data.deleted) parsed.push(p.data);
  }
  const nodeIds: string[] = [];
  for (const [key, value] of snapshot.nodes) {
    const p = mapNodeEntrySchema.safeParse(value);
    if (p.success && p.data.id === key && !p.data.deleted) nodeIds.push(key);
  }
  const wanted = [...new Set(parsed.flatMap((l) => [l.from, l.to]).filter((e) => e.kind === "annotation").map((e) => e.id))];
  const present = wanted.length
    ? await tx.annotation.findMany({ where: { workspaceId, id: { in: wanted } }, select: { id: true } })
    : [];
  const catalog = catalogOf(present.map((a) => a.id), nodeIds);
  // Oldest first, so of two duplicates the one created first is kept.
  parsed.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const kept: ArgumentLink[] = [];
  for (const l of parsed) {
    const problem = linkProblem(l, kept, catalog);
    if (problem) flags.push({ entryKind: "link", entryId: l.id, reason: problem, detail: { from: l.from.id, to: l.to.id } });
    else kept.push(l);
  }
  const record = activity && activityEnabled() ? activity : null;
  const before = record ? await tx.link.findMany({ where: { workspaceId }, select: { id: true, authorId: true, fromId: true, toId: true, kind: true } }) : [];
  await tx.link.deleteMany({ where: { workspaceId } });
  if (kept.length) {
    await tx.link.createMany({
      data: kept.map((l) => ({
        workspaceId,
        id: l.id,
        fromKind: l.from.kind,
        fromId: l.from.id,
        toKind: l.to.kind,
        toId: l.to.id,
        kind: l.kind,
        label: l.note ?? "",
        authorId: l.author.id,
        createdAt: new Date(l.createdAt),
      })),
    });
  }
  if (record) {
    const after = kept.map((l) => ({ id: l.id, authorId: l.author.id, fromId: l.from.id, toId: l.to.id, kind: l.kind }));
    await recordLinkActivity(tx, workspaceId, before, after, record);
  }
  return { stored: kept.length, flags };
}
