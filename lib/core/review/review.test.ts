import { describe, expect, it } from "vitest";
import { assignmentProgress, assignmentState, diffSnapshots, guestCollabAccess, guestNameSchema, listSections, shareState, type SnapshotData } from ".";

const base: SnapshotData = {
  version: 1,
  documents: [{ id: "d1", title: "Paper" }],
  themes: [],
  annotations: [
    { id: "a1", documentId: "d1", versionId: "v1", start: 0, end: 4, exact: "抑止力", prefix: "", suffix: "", note: "", status: "open", colour: "yellow", authorId: "u1", authorName: "A", themeIds: ["t1", "t2"], replyCount: 0, createdAt: "2026-01-01T00:00:00.000Z", updatedAt: "2026-01-01T00:00:00.000Z" },
  ],
  links: [{ id: "l1", fromKind: "annotation", fromId: "a1", toKind: "node", toId: "n1", kind: "supports", label: "" }],
  nodes: [{ id: "n1", kind: "claim", label: "Claim", annotationId: null }],
};

describe("diffSnapshots", () => {
  it("finds nothing between equal snapshots, ignoring theme order and timestamps", () => {
    const after = structuredClone(base);
    after.annotations[0]!.themeIds = ["t2", "t1"];
    after.annotations[0]!.updatedAt = "2026-02-01T00:00:00.000Z";
    expect(diffSnapshots(base, after).same).toBe(true);
  });
  it("reports added, removed and changed entries with the changed fields", () => {
    const after = structuredClone(base);
    after.nodes = [{ id: "n1", kind: "claim", label: "Claim, revised", annotationId: null }, { id: "n2", kind: "question", label: "Why?", annotationId: null }];
    after.links = [];
    after.annotations[0]!.note = "new note";
    after.annotations[0]!.status = "resolved";
    const d = diffSnapshots(base, after);
    expect(d.same).toBe(false);
    expect(d.nodes.added.map((n) => n.id)).toEqual(["n2"]);
    expect(d.nodes.changed.map((c) => c.fields)).toEqual([["label"]]);
    expect(d.links.removed.map((l) => l.id)).toEqual(["l1"]);
    expect(d.annotations.changed[0]!.fields).toEqual(["note", "status"]);
  });
});

describe("share links", () => {
  const link = { workspaceId: "w1", scope: { view: "compare" as const, documentIds: ["d1"] }, allowComments: false };
  it("opens only the compare view's documents, read-only unless comments are allowed", () => {
    expect(guestCollabAccess(link, { kind: "annotations", workspaceId: "w1", documentId: "d1" })).toEqual({ read: true, readOnly: true });
    expect(guestCollabAccess(link, { kind: "discussion", workspaceId: "w1", documentId: "d1" })).toEqual({ read: true, readOnly: true });
    expect(guestCollabAccess({ ...link, allowComments: true }, { kind: "discussion", workspaceId: "w1", documentId: "d1" })).toEqual({ read: true, readOnly: false });
    expect(guestCollabAccess({ ...link, allowComments: true }, { kind: "annotations", workspaceId: "w1", documentId: "d1" }).readOnly).toBe(true);
    expect(guestCollabAccess(link, { kind: "meta", workspaceId: "w1" })).toEqual({ read: true, readOnly: true });
    expect(guestCollabAccess(link, { kind: "annotations", workspaceId: "w1", documentId: "d2" }).read).toBe(false);
    expect(guestCollabAccess(link, { kind: "meta", workspaceId: "w2" }).read).toBe(false);
    expect(guestCollabAccess({ ...link, scope: { view: "map" } }, { kind: "meta", workspaceId: "w1" }).read).toBe(false);
  });
  it("is revoked before it is expired", () => {
    const now = new Date("2026-05-01T00:00:00Z");
    expect(shareState({ expiresAt: new Date("2026-05-02T00:00:00Z"), revokedAt: null }, now)).toBe("ok");
    expect(shareState({ expiresAt: now, revokedAt: null }, now)).toBe("expired");
    expect(shareState({ expiresAt: new Date("2026-04-01T00:00:00Z"), revokedAt: now }, now)).toBe("revoked");
  });
  it("cleans a guest name and refuses an empty one", () => {
    expect(guestNameSchema.parse("  山田\u200b  太郎\u0007 ")).toBe("山田 太郎");
    expect(guestNameSchema.safeParse(" \u202e ").success).toBe(false);
  });
});

describe("assignments", () => {
  const text = "第1章 抑止\n本文。\n第2章 指揮\n本文二。";
  const blocks = [
    { kind: "heading", start: 0, end: 6, level: 1 },
    { kind: "paragraph", start: 7, end: 10 },
    { kind: "heading", start: 11, end: 17, level: 1 },
    { kind: "paragraph", start: 18, end: 22 },
  ];
  it("cuts sections at the next heading of the same level", () => {
    expect(listSections(text, blocks)).toEqual([
      { title: "第1章 抑止", level: 1, start: 0, end: 11 },
      { title: "第2章 指揮", level: 1, start: 11, end: text.length },
    ]);
  });
  it("counts the assignee's passages in the section and their replies there", () => {
    const now = new Date("2026-05-10T00:00:00Z");
    const a = { documentId: "d1", assigneeId: "u2", section: { versionId: "v1", start: 11, end: 22 }, dueAt: new Date("2026-05-09T00:00:00Z"), doneAt: null };
    const anns = [
      { id: "x", documentId: "d1", versionId: "v1", start: 18, end: 20, authorId: "u2" },
      { id: "y", documentId: "d1", versionId: "v1", start: 7, end: 9, authorId: "u2" },
      { id: "z", documentId: "d1", versionId: "v1", start: 19, end: 21, authorId: "u1" },
    ];
    const replies = [{ annotationId: "z", authorId: "u2" }, { annotationId: "y", authorId: "u2" }];
    expect(assignmentProgress(a, anns, replies, now)).toEqual({ annotated: 1, replies: 1, state: "overdue" });
    expect(assignmentState({ dueAt: new Date("2026-05-11T00:00:00Z"), doneAt: null }, now)).toBe("due_soon");
    expect(assignmentState({ dueAt: new Date("2026-05-01T00:00:00Z"), doneAt: now }, now)).toBe("done");
  });
});
