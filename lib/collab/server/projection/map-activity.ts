/**
 * Activity of the workspace document: links made or removed (from the Link rows before and
 * after a projection of links) and map nodes added. Map nodes have no relational table, so a
 * node's event is found by its idempotency key: keys already recorded are looked up first (one
 * indexed query), and only the new nodes are inserted.
 */
import { excerpt } from "../../../core/activity/kinds";
import type { Prisma } from "../../../generated/prisma/client";
import { recordActivities, type ActivityInput } from "../../../server/activity/record-activity";
import { editorFor, type ProjectionActivity } from "./activity-options";

export interface LinkState {
  id: string;
  authorId: string;
  fromId: string;
  toId: string;
  kind: string;
}

export async function recordLinkActivity(tx: Prisma.TransactionClient, workspaceId: string, before: readonly LinkState[], after: readonly LinkState[], activity: ProjectionActivity): Promise<void> {
  const had = new Map(before.map((l) => [l.id, l]));
  const has = new Set(after.map((l) => l.id));
  const at = activity.now;
  const events: ActivityInput[] = [];
  const data = (l: LinkState) => ({ from: l.fromId, to: l.toId, relation: l.kind });
  for (const l of after) if (!had.has(l.id)) events.push({ workspaceId, actorId: l.authorId, kind: "link.create", key: `link.create:${l.id}`, targetType: "link", targetId: l.id, data: data(l), at });
  for (const l of before) {
    if (!has.has(l.id)) events.push({ workspaceId, actorId: editorFor(l.authorId, activity), kind: "link.remove", key: `link.remove:${l.id}:${at.getTime()}`, targetType: "link", targetId: l.id, data: data(l), at });
  }
  await recordActivities(tx, events);
}

export interface NodeState {
  id: string;
  kind: string;
  authorId: string;
  label?: string | undefined;
  annotationId?: string | undefined;
}

export async function recordNodeActivity(tx: Prisma.TransactionClient, workspaceId: string, nodes: readonly NodeState[], activity: ProjectionActivity): Promise<void> {
  if (nodes.length === 0) return;
  const keyOf = (n: NodeState) => `node.add:${n.id}`;
  const known = new Set<string>();
  for (let i = 0; i < nodes.length; i += 5_000) {
    const keys = nodes.slice(i, i + 5_000).map(keyOf);
    const rows = await tx.activityEvent.findMany({ where: { workspaceId, key: { in: keys } }, select: { key: true } });
    for (const r of rows) if (r.key) known.add(r.key);
  }
  const fresh = nodes.filter((n) => !known.has(keyOf(n)));
  await recordActivities(
    tx,
    fresh.map((n) => ({
      workspaceId, actorId: n.authorId, kind: "node.add" as const, key: keyOf(n), at: activity.now, annotationId: n.annotationId ?? null,
      targetType: "node", targetId: n.id, data: { node: n.kind, label: excerpt(n.label ?? "") },
    })),
  );
}
