/**
 * Snapshots: take (owners, editors), list, open and compare (every member who may read
 * annotations). A snapshot row is written once and never changed.
 */
import { z } from "zod";
import { AppError } from "../../core/errors";
import { diffSnapshots, snapshotDataSchema, snapshotNameSchema, type SnapshotComparison, type SnapshotData } from "../../core/review";

export type { SnapshotComparison };
import { idSchema } from "../../core/validation";
import { recordActivity } from "../activity/record-activity";
import { prisma } from "../../infra/db/client";
import { defineOperation } from "../ops/define";
import { logger } from "../../infra/log";
import { readWorkspaceState } from "./read-workspace-state";

const log = logger("snapshots");

export interface SnapshotSummary {
  id: string;
  name: string;
  createdAt: string;
  createdBy: string | null;
  annotationCount: number;
  linkCount: number;
  nodeCount: number;
}

export const takeSnapshotOp = defineOperation({
  name: "snapshot.take",
  permission: { kind: "workspace", action: "snapshot.create" },
  input: z.object({ workspaceId: idSchema, name: snapshotNameSchema }),
  async run(ctx, input): Promise<SnapshotSummary> {
    const data = await readWorkspaceState(ctx.workspaceId);
    const json = JSON.stringify(data);
    const row = await prisma.$transaction(async (tx) => {
      const s = await tx.snapshot.create({
        data: {
          workspaceId: ctx.workspaceId, name: input.name, createdById: ctx.actor.id, createdAt: ctx.now,
          annotationCount: data.annotations.length, linkCount: data.links.length, nodeCount: data.nodes.length,
          byteSize: Buffer.byteLength(json), data,
        },
      });
      await recordActivity(tx, { workspaceId: ctx.workspaceId, actorId: ctx.actor.id, kind: "snapshot.create", targetType: "snapshot", targetId: s.id, data: { name: s.name }, at: ctx.now });
      return s;
    });
    log.info({ workspaceId: ctx.workspaceId, snapshotId: row.id, bytes: row.byteSize }, "snapshot taken");
    return { id: row.id, name: row.name, createdAt: row.createdAt.toISOString(), createdBy: ctx.actor.name, annotationCount: row.annotationCount, linkCount: row.linkCount, nodeCount: row.nodeCount };
  },
});

export const listSnapshotsOp = defineOperation({
  name: "snapshot.list",
  permission: { kind: "workspace", action: "annotation.read" },
  input: z.object({ workspaceId: idSchema }),
  async run(ctx): Promise<SnapshotSummary[]> {
    const rows = await prisma.snapshot.findMany({
      where: { workspaceId: ctx.workspaceId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 200,
      select: { id: true, name: true, createdAt: true, createdById: true, annotationCount: true, linkCount: true, nodeCount: true },
    });
    const users = await prisma.user.findMany({ where: { id: { in: rows.flatMap((r) => (r.createdById ? [r.createdById] : [])) } }, select: { id: true, name: true } });
    const names = new Map(users.map((u) => [u.id, u.name]));
    return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.createdAt.toISOString(), createdBy: r.createdById ? (names.get(r.createdById) ?? null) : null, annotationCount: r.annotationCount, linkCount: r.linkCount, nodeCount: r.nodeCount }));
  },
});

/** A snapshot's data, checked; `not_found` for another workspace's id. */
export async function loadSnapshot(workspaceId: string, id: string): Promise<{ summary: Pick<SnapshotSummary, "id" | "name" | "createdAt">; data: SnapshotData }> {
  const row = await prisma.snapshot.findFirst({ where: { id, workspaceId }, select: { id: true, name: true, createdAt: true, data: true } });
  if (!row) throw new AppError("not_found", "snapshot_not_found");
  const data = snapshotDataSchema.safeParse(row.data);
  if (!data.success) {
    log.error({ workspaceId, snapshotId: id }, "stored snapshot does not parse");
    throw new AppError("internal", "snapshot_unreadable");
  }
  return { summary: { id: row.id, name: row.name, createdAt: row.createdAt.toISOString() }, data: data.data };
}

export const getSnapshotOp = defineOperation({
  name: "snapshot.get",
  permission: { kind: "workspace", action: "annotation.read" },
  input: z.object({ workspaceId: idSchema, snapshotId: idSchema }),
  async run(ctx, input) {
    return loadSnapshot(ctx.workspaceId, input.snapshotId);
  },
});


export const compareSnapshotsOp = defineOperation({
  name: "snapshot.compare",
  permission: { kind: "workspace", action: "annotation.read" },
  input: z.object({ workspaceId: idSchema, from: idSchema, to: idSchema.or(z.literal("live")) }),
  async run(ctx, input): Promise<SnapshotComparison> {
    const from = await loadSnapshot(ctx.workspaceId, input.from);
    const to = input.to === "live" ? { summary: { id: "live", name: "", createdAt: ctx.now.toISOString() }, data: await readWorkspaceState(ctx.workspaceId) } : await loadSnapshot(ctx.workspaceId, input.to);
    const documents: Record<string, string> = {};
    const themes: Record<string, string> = {};
    for (const side of [from.data, to.data]) {
      for (const d of side.documents) documents[d.id] = d.title;
      for (const t of side.themes) themes[t.id] = t.name;
    }
    return { from: from.summary, to: to.summary, diff: diffSnapshots(from.data, to.data), documents, themes };
  },
});
