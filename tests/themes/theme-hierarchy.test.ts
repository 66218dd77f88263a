/**
 * The theme hierarchy in the relational projection (issue #6), through the real collab server
 * and PostgreSQL: nested themes keep their parent and sibling position; a parent cycle from
 * concurrent moves is broken where every view breaks it, whatever order the entries come in;
 * a merged (or deleted) theme leaves no row and no child pointing at it; the REST API lists
 * the tree; and the self-referencing key never stands in the way of the delete + insert.
 */
import { isDeepStrictEqual } from "node:util";
import * as Y from "yjs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { listThemes, mergeThemes, metaDocName, upsertTheme, type ThemeEntry } from "../../lib/collab/model";
import { projectWorkspace } from "../../lib/collab/server/projection/project-workspace";
import { snapshotEntries } from "../../lib/collab/server/projection/snapshot";
import type { CollabServer } from "../../lib/collab/server";
import { buildThemeTree } from "../../lib/core/themes";
import { createApiTokenOp } from "../../lib/server/api-tokens/manage-tokens";
import { prisma } from "../../lib/infra/db/client";
import { GET as themesGET } from "../../app/api/v1/workspaces/[workspaceId]/themes/route";
import { makeWorld, type World } from "../support/factories";
import { connect, disconnectAll, startCollab, waitFor } from "../collab/support/harness";

let server: CollabServer;
const at = "2026-03-01T10:00:00.000Z";
const now = new Date(at);

beforeAll(async () => {
  server = await startCollab();
});
afterEach(() => disconnectAll());
afterAll(() => server.destroy());

/** A schema-valid theme entry, written around the library (as a concurrent or buggy client can). */
const raw = (id: string, parentId?: string, extra: Partial<ThemeEntry> = {}): ThemeEntry => ({
  id,
  name: `テーマ ${id}`,
  colour: "#336699",
  ...(parentId ? { parentId } : {}),
  createdAt: at,
  updatedAt: at,
  ...extra,
});

const rowsOf = (workspaceId: string) =>
  prisma.theme.findMany({ where: { workspaceId }, select: { id: true, parentId: true, position: true }, orderBy: { id: "asc" } });
const parentsOf = async (workspaceId: string) => Object.fromEntries((await rowsOf(workspaceId)).map((r) => [r.id, r.parentId]));

/** What the views show for the same doc: parent of every live theme (use-workspace-themes.ts). */
const viewParents = (doc: Y.Doc) => Object.fromEntries(buildThemeTree(listThemes(doc)).map((r) => [r.theme.id, r.parentId ?? null]));

/** Fails when following `parentId` from some row never reaches the top, or names no row. */
function expectForest(parents: Record<string, string | null>): void {
  for (const id of Object.keys(parents)) {
    const seen = new Set<string>();
    for (let cur: string | null = id; cur !== null; cur = parents[cur] ?? null) {
      expect(seen.has(cur), `cycle through ${cur}`).toBe(false);
      expect(cur in parents, `dangling parent ${cur}`).toBe(true);
      seen.add(cur);
    }
  }
}

async function metaOf(world: World) {
  const h = connect(server, metaDocName(world.workspace.id), world.members.editor.id);
  await h.ready;
  return h;
}

describe("theme hierarchy in the projection", () => {
  it("stores nested themes with their effective parent and sibling position", async () => {
    const world = await makeWorld();
    const h = await metaOf(world);
    const security = upsertTheme(h.doc, { name: "安全保障", colour: "#aa0000", order: 0 }, now);
    const economy = upsertTheme(h.doc, { name: "経済", colour: "#00aa00", order: 1 }, now);
    const deterrence = upsertTheme(h.doc, { name: "抑止", colour: "#aa3300", parentId: security.id, order: 2.5 }, now);
    const alliance = upsertTheme(h.doc, { name: "同盟", colour: "#aa6600", parentId: security.id, order: -1 }, now);
    const extended = upsertTheme(h.doc, { name: "拡大抑止", colour: "#aa9900", parentId: deterrence.id }, now);

    await waitFor(async () => (await rowsOf(world.workspace.id)).length === 5, "five themes projected");
    const rows = Object.fromEntries((await rowsOf(world.workspace.id)).map((r) => [r.id, r]));
    expect(rows[security.id]).toMatchObject({ parentId: null, position: 0 });
    expect(rows[economy.id]).toMatchObject({ parentId: null, position: 1 });
    expect(rows[deterrence.id]).toMatchObject({ parentId: security.id, position: 2.5 });
    expect(rows[alliance.id]).toMatchObject({ parentId: security.id, position: -1 });
    // The library gives a new theme the next order among its siblings: the first child, 0.
    expect(rows[extended.id]).toMatchObject({ parentId: deterrence.id, position: 0 });
    expect(await parentsOf(world.workspace.id)).toEqual(viewParents(h.doc));
  });

  it("breaks a parent cycle at its smallest id, the way the views do, whatever the entries' order", async () => {
    const world = await makeWorld();
    const h = await metaOf(world);
    // Three concurrent moves closed a ring c → b → a → c; "tail" hangs off it. The library refuses
    // a move that closes a cycle locally, so the entries are written as merged updates would leave them.
    const ring = [raw("cyc-b", "cyc-a"), raw("cyc-c", "cyc-b"), raw("cyc-a", "cyc-c"), raw("tail", "cyc-b")];
    h.doc.transact(() => {
      for (const t of ring) h.doc.getMap("themes").set(t.id, t);
    });
    const expected = { "cyc-a": null, "cyc-b": "cyc-a", "cyc-c": "cyc-b", tail: "cyc-b" };
    await waitFor(async () => isDeepStrictEqual(await parentsOf(world.workspace.id), expected), "the ring projected, broken at cyc-a");
    expect(viewParents(h.doc)).toEqual(expected);

    // The same entries in other orders give the same rows. Run directly, on a workspace no
    // collab connection stores into, so no store of the live doc interleaves.
    const quiet = await makeWorld();
    const doc = new Y.Doc();
    for (const t of ring) doc.getMap("themes").set(t.id, t);
    const snapshot = snapshotEntries({ kind: "meta", workspaceId: quiet.workspace.id }, doc);
    if (snapshot.kind !== "meta") throw new Error("not a meta snapshot");
    const [e0, e1, e2, e3] = snapshot.themes;
    for (const themes of [[e0!, e1!, e2!, e3!], [e3!, e2!, e1!, e0!], [e2!, e0!, e3!, e1!]]) {
      await prisma.$transaction((tx) => projectWorkspace(tx, { workspaceId: quiet.workspace.id }, { ...snapshot, themes }));
      expect(await parentsOf(quiet.workspace.id)).toEqual(expected);
    }
    expectForest(await parentsOf(quiet.workspace.id));

    // The key to the parent row does not stop the workspace (and its themes) from going.
    await prisma.workspace.delete({ where: { id: quiet.workspace.id } });
    expect(await prisma.theme.count({ where: { workspaceId: quiet.workspace.id } })).toBe(0);
  });

  it("leaves no row for a merged or deleted theme, and no child pointing at one", async () => {
    const world = await makeWorld();
    const h = await metaOf(world);
    const source = upsertTheme(h.doc, { name: "統合元", colour: "#111111" }, now);
    const target = upsertTheme(h.doc, { name: "統合先", colour: "#222222" }, now);
    const child = upsertTheme(h.doc, { name: "子", colour: "#333333", parentId: source.id }, now);
    await waitFor(async () => (await parentsOf(world.workspace.id))[child.id] === source.id, "the child under the source");

    mergeThemes(h.doc, source.id, target.id, now);
    // A move made concurrently with the merge, arriving after it: a live child of the merged theme
    // (and one of a theme deleted meanwhile). Views show both at the top level.
    const themes = h.doc.getMap("themes");
    h.doc.transact(() => {
      themes.set("late-child", raw("late-child", source.id));
      themes.set("gone", raw("gone", undefined, { deleted: true }));
      themes.set("orphan", raw("orphan", "gone"));
    });
    const expected = { [target.id]: null, [child.id]: target.id, "late-child": null, orphan: null };
    await waitFor(async () => isDeepStrictEqual(await parentsOf(world.workspace.id), expected), "the merge projected");
    expect(viewParents(h.doc)).toEqual(expected);
    expectForest(await parentsOf(world.workspace.id));
    expect(await prisma.theme.findFirst({ where: { workspaceId: world.workspace.id, id: { in: [source.id, "gone"] } } })).toBeNull();
  });

  it("the REST API lists the tree: parents first, siblings in order, with parentId and order", async () => {
    const world = await makeWorld();
    const h = await metaOf(world);
    const b = upsertTheme(h.doc, { name: "B 安全保障", colour: "#aa0000", order: 0 }, now);
    const a = upsertTheme(h.doc, { name: "A 経済", colour: "#00aa00", order: 1 }, now);
    const b2 = upsertTheme(h.doc, { name: "B2", colour: "#aa3300", parentId: b.id, order: 1 }, now);
    const b1 = upsertTheme(h.doc, { name: "B1", colour: "#aa6600", parentId: b.id, order: 0 }, now);
    const b11 = upsertTheme(h.doc, { name: "B11", colour: "#aa9900", parentId: b1.id }, now);
    // Without `order` (entries from before ordering existed): after the ordered siblings.
    h.doc.getMap("themes").set("a-unordered", raw("a-unordered", a.id));
    await waitFor(async () => (await rowsOf(world.workspace.id)).length === 6, "six themes projected");

    const { token } = await createApiTokenOp.execute(world.members.viewer, { name: "tree" });
    const get = async (query: string) => {
      const req = new Request(`http://synoptic.test/api/v1/workspaces/${world.workspace.id}/themes${query}`, { headers: { Authorization: `Bearer ${token}` } });
      const res = await themesGET(req, { params: Promise.resolve({ workspaceId: world.workspace.id }) });
      expect(res.status).toBe(200);
      return (await res.json()) as { items: { id: string; name: string; parentId: string | null; order: number | null; createdAt: string }[]; total: number; next: string | null };
    };
    const all = await get("?pageSize=50");
    expect(all.total).toBe(6);
    expect(all.items.map((t) => [t.id, t.parentId, t.order])).toEqual([
      [b.id, null, 0],
      [b1.id, b.id, 0],
      [b11.id, b1.id, 0],
      [b2.id, b.id, 1],
      [a.id, null, 1],
      ["a-unordered", a.id, null],
    ]);
    expect(all.items[0]).toMatchObject({ name: "B 安全保障", colour: "#aa0000", description: "", createdAt: at });
    // Pages are slices of the same order.
    const second = await get("?page=2&pageSize=4");
    expect(second.items.map((t) => t.id)).toEqual([a.id, "a-unordered"]);
    expect((await get("?page=1&pageSize=4")).next).toBe("?page=2&pageSize=4");
  });
});
