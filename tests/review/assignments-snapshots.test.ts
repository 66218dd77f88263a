import { beforeAll, describe, expect, it } from "vitest";
import { addFreeNode, annotationsDocName, metaDocName } from "../../lib/collab/model";
import { prisma } from "../../lib/infra/db/client";
import { createDocument } from "../../lib/server/documents/create-document";
import { createAssignmentOp, listSectionsOp, markAssignmentDoneOp } from "../../lib/server/review/assignments";
import { reviewBoardOp } from "../../lib/server/review/review-board";
import { compareSnapshotsOp, getSnapshotOp, listSnapshotsOp, takeSnapshotOp } from "../../lib/server/review/snapshots";
import { makeWorld, type World } from "../support/factories";
import { connect, disconnectAll, startCollab, waitFor } from "../collab/support/harness";

const TEXT = "第1章 抑止\n本文一。\n第2章 指揮統制\n本文二。";
const BLOCKS = [
  { kind: "heading", start: 0, end: 6, level: 1 },
  { kind: "paragraph", start: 7, end: 11 },
  { kind: "heading", start: 12, end: 20, level: 1 },
  { kind: "paragraph", start: 21, end: 25 },
];

let world: World;
let doc: { id: string; versionId: string };

beforeAll(async () => {
  world = await makeWorld();
  const d = await createDocument(world.workspace.id, world.members.owner.id, { title: "論文A" }, { text: TEXT, blocks: BLOCKS }, new Date());
  const v = await prisma.documentVersion.findFirstOrThrow({ where: { documentId: d.id }, select: { id: true } });
  doc = { id: d.id, versionId: v.id };
});

/** An annotation row as the projection writes it (the board reads the projection). */
async function projectAnnotation(id: string, authorId: string, start: number, end: number) {
  await prisma.annotation.create({
    data: { workspaceId: world.workspace.id, id, collabName: annotationsDocName(world.workspace.id, doc.id), documentId: doc.id, versionId: doc.versionId, start, end, exact: TEXT.slice(start, end), prefix: "", suffix: "", authorId, authorName: "x", colour: "#ffd400", status: "open", createdAt: new Date(), updatedAt: new Date() },
  });
}

describe("assignments", () => {
  it("lists sections by heading and assigns a section to an editor, who is notified", async () => {
    const sections = await listSectionsOp.execute(world.members.viewer, { workspaceId: world.workspace.id, documentId: doc.id });
    expect(sections.map((s) => s.title)).toEqual(["第1章 抑止", "第2章 指揮統制"]);
    const { ids } = await createAssignmentOp.execute(world.members.owner, { workspaceId: world.workspace.id, documentId: doc.id, assigneeIds: [world.members.editor.id], sectionStart: 12, due: "2099-05-12" });
    const row = await prisma.reviewAssignment.findUniqueOrThrow({ where: { id: ids[0]! } });
    expect(row).toMatchObject({ sectionTitle: "第2章 指揮統制", sectionStart: 12, sectionEnd: TEXT.length, versionId: doc.versionId });
    const inbox = await prisma.notification.findMany({ where: { userId: world.members.editor.id, kind: "assignment" } });
    expect(inbox).toHaveLength(1);
    expect(await prisma.activityEvent.count({ where: { workspaceId: world.workspace.id, kind: "assignment.create", targetId: ids[0]! } })).toBe(1);
  });

  it("refuses commenters and viewers, non-members as assignees, unknown sections and bad dates", async () => {
    const base = { workspaceId: world.workspace.id, documentId: doc.id, assigneeIds: [world.members.editor.id], due: "2099-01-01" };
    await expect(createAssignmentOp.execute(world.members.commenter, base)).rejects.toMatchObject({ code: "forbidden" });
    await expect(createAssignmentOp.execute(world.outsider, base)).rejects.toMatchObject({ code: "not_found" });
    await expect(createAssignmentOp.execute(world.members.editor, { ...base, assigneeIds: [world.outsider.id] })).rejects.toMatchObject({ message: "assignment_not_member" });
    await expect(createAssignmentOp.execute(world.members.editor, { ...base, sectionStart: 3 })).rejects.toMatchObject({ message: "assignment_section_unknown" });
    await expect(createAssignmentOp.execute(world.members.editor, { ...base, due: "not a date" })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(createAssignmentOp.execute(world.members.editor, { ...base, due: "2001-01-01" })).rejects.toMatchObject({ message: "assignment_due_past" });
  });

  it("shows progress on the board, overdue first; only the assignee marks done", async () => {
    const ws = world.workspace.id;
    const { ids: [late] } = await createAssignmentOp.execute(world.members.editor, { workspaceId: ws, documentId: doc.id, assigneeIds: [world.members.commenter.id], due: new Date(Date.now() + 60_000).toISOString() });
    await projectAnnotation("ann-sec2", world.members.editor.id, 21, 24);
    await projectAnnotation("ann-sec1", world.members.editor.id, 7, 10);
    const board = await reviewBoardOp.execute(world.members.viewer, { workspaceId: ws }, { now: new Date(Date.now() + 3600_000) });
    expect(board[0]).toMatchObject({ id: late, state: "overdue" });
    const section = board.find((b) => b.sectionTitle === "第2章 指揮統制" && b.assignee.id === world.members.editor.id);
    expect(section).toMatchObject({ annotated: 1, state: "open" });
    await expect(markAssignmentDoneOp.execute(world.members.owner, { workspaceId: ws, assignmentId: section!.id, done: true })).rejects.toMatchObject({ code: "forbidden" });
    await markAssignmentDoneOp.execute(world.members.editor, { workspaceId: ws, assignmentId: section!.id, done: true });
    const after = await reviewBoardOp.execute(world.members.viewer, { workspaceId: ws });
    expect(after.find((b) => b.id === section!.id)).toMatchObject({ state: "done" });
    expect(after[after.length - 1]!.state).toBe("done");
  });
});

describe("snapshots", () => {
  it("names the state, shows the change of the map in a diff, and keeps the snapshot frozen", async () => {
    const server = await startCollab();
    try {
      const ws = world.workspace.id;
      const meta = connect(server, metaDocName(ws), world.members.editor.id);
      await meta.ready;
      const first = addFreeNode(meta.doc, { kind: "claim", text: "抑止は信頼性に依存する", position: { x: 0, y: 0 } }, { id: world.members.editor.id, name: "e" }, new Date());
      await waitFor(() => meta.settled(), "node stored");
      const a = await takeSnapshotOp.execute(world.members.editor, { workspaceId: ws, name: "  Draft for 12 May   meeting " });
      expect(a).toMatchObject({ name: "Draft for 12 May meeting", nodeCount: 1 });
      await expect(takeSnapshotOp.execute(world.members.commenter, { workspaceId: ws, name: "x" })).rejects.toMatchObject({ code: "forbidden" });
      await expect(takeSnapshotOp.execute(world.members.editor, { workspaceId: ws, name: "   " })).rejects.toMatchObject({ code: "invalid_input" });

      const second = addFreeNode(meta.doc, { kind: "question", text: "指揮統制はどう調整するか", position: { x: 100, y: 0 } }, { id: world.members.editor.id, name: "e" }, new Date());
      await waitFor(() => meta.settled(), "second node stored");
      const live = await compareSnapshotsOp.execute(world.members.viewer, { workspaceId: ws, from: a.id, to: "live" });
      expect(live.diff.nodes.added.map((n) => n.id)).toEqual([second.id]);
      const b = await takeSnapshotOp.execute(world.members.owner, { workspaceId: ws, name: "After" });
      const diff = await compareSnapshotsOp.execute(world.members.viewer, { workspaceId: ws, from: a.id, to: b.id });
      expect(diff.diff.nodes.added.map((n) => n.label)).toEqual(["指揮統制はどう調整するか"]);
      expect(diff.diff.nodes.removed).toEqual([]);
      expect(diff.diff.annotations.added.length).toBeGreaterThanOrEqual(0);
      // The first snapshot still holds one node: snapshots never follow the live state.
      const opened = await getSnapshotOp.execute(world.members.viewer, { workspaceId: ws, snapshotId: a.id });
      expect(opened.data.nodes.map((n) => n.id)).toEqual([first.id]);
      expect((await listSnapshotsOp.execute(world.members.viewer, { workspaceId: ws })).map((s) => s.name)).toEqual(["After", "Draft for 12 May meeting"]);
      const elsewhere = await makeWorld();
      await expect(getSnapshotOp.execute(elsewhere.members.owner, { workspaceId: elsewhere.workspace.id, snapshotId: a.id })).rejects.toMatchObject({ code: "not_found" });
      await expect(getSnapshotOp.execute(world.outsider, { workspaceId: ws, snapshotId: a.id })).rejects.toMatchObject({ code: "not_found" });
    } finally {
      disconnectAll();
      await server.destroy();
    }
  });
});

