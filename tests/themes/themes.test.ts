/**
 * Themes against the real collab server and PostgreSQL: live tagging seen by another client,
 * merging across documents through direct writes, deleting a theme while someone applies it,
 * and the CSV exports read from the stored states.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  allThemes,
  annotationsDocName,
  buildAnchor,
  createAnnotation,
  deleteTheme,
  listAnnotations,
  listThemes,
  metaDocName,
  restoreTheme,
  tagAnnotations,
  upsertTheme,
} from "../../lib/collab/model";
import type { CollabServer } from "../../lib/collab/server";
import { computeCooccurrence, computeMatrix, type AnalysisAnnotation } from "../../lib/core/themes";
import { mergeThemesOp } from "../../lib/server/themes/merge-themes";
import { exportThemesCsvOp } from "../../lib/server/themes/export-themes-csv";
import { listAnalysisDocuments } from "../../lib/server/themes/list-analysis-documents";
import { makeWorld, type World } from "../support/factories";
import { connect, disconnectAll, makeDocument, SECRET, startCollab, waitFor } from "../collab/support/harness";

let server: CollabServer;
let world: World;
let p1: Awaited<ReturnType<typeof makeDocument>>;
let p2: Awaited<ReturnType<typeof makeDocument>>;
const saved = { url: process.env.COLLAB_INTERNAL_URL, secret: process.env.COLLAB_TOKEN_SECRET };

beforeAll(async () => {
  server = await startCollab();
  process.env.COLLAB_INTERNAL_URL = server.url.replace(/^ws/, "http");
  process.env.COLLAB_TOKEN_SECRET = SECRET;
  world = await makeWorld();
  p1 = await makeDocument(world.workspace.id, world.members.owner.id);
  p2 = await makeDocument(world.workspace.id, world.members.owner.id);
});
afterEach(() => disconnectAll());
afterAll(async () => {
  process.env.COLLAB_INTERNAL_URL = saved.url;
  process.env.COLLAB_TOKEN_SECRET = saved.secret;
  await server.destroy();
});

const now = () => new Date();
const asAnalysis = (documentId: string, doc: Parameters<typeof listAnnotations>[0]): AnalysisAnnotation[] =>
  listAnnotations(doc).map((a) => ({ id: a.id, documentId, versionId: a.anchor.versionId, start: a.anchor.start, end: a.anchor.end, exact: a.anchor.exact, themeIds: a.themeIds }));

function open(userId: string) {
  const ws = world.workspace.id;
  return { meta: connect(server, metaDocName(ws), userId), d1: connect(server, annotationsDocName(ws, p1.id), userId), d2: connect(server, annotationsDocName(ws, p2.id), userId) };
}

describe("themes, live", () => {
  it("tags two papers with one theme; another client's matrix and co-occurrence follow; a merge moves every annotation", async () => {
    const editor = open(world.members.editor.id);
    const viewer = open(world.members.viewer.id);
    await Promise.all([...Object.values(editor), ...Object.values(viewer)].map((h) => h.ready));
    const deterrence = upsertTheme(editor.meta.doc, { name: "拡大抑止", colour: "#aa0000" }, now());
    const acm = upsertTheme(editor.meta.doc, { name: "ACM", colour: "#0000aa" }, now());
    expect(() => upsertTheme(editor.meta.doc, { name: "ａｃｍ", colour: "#0000aa" }, now())).toThrow(/theme_name_taken/);
    const actor = { id: world.members.editor.id, name: world.members.editor.name };
    const a1 = createAnnotation(editor.d1.doc, { anchor: buildAnchor(p1.text, p1.versionId, 6, 10), colour: "#ffcc00" }, actor, now());
    const a2 = createAnnotation(editor.d2.doc, { anchor: buildAnchor(p2.text, p2.versionId, 0, 20), colour: "#ffcc00", themeIds: [acm.id] }, actor, now());
    tagAnnotations(editor.d1.doc, [a1.id], { add: [deterrence.id] }, listThemes(editor.meta.doc), now());
    tagAnnotations(editor.d2.doc, [a2.id], { add: [deterrence.id] }, listThemes(editor.meta.doc), now());

    const documents = await listAnalysisDocuments(world.workspace.id);
    const viewerMatrix = () =>
      computeMatrix({ themes: allThemes(viewer.meta.doc), documents, annotations: [...asAnalysis(p1.id, viewer.d1.doc), ...asAnalysis(p2.id, viewer.d2.doc)] });
    // Three docs sync on their own: wait for both tags (document docs) and both themes (meta doc).
    await waitFor(
      () => viewerMatrix().rows.find((r) => r.theme.id === deterrence.id)?.total.count === 2 && allThemes(viewer.meta.doc).some((t) => t.id === acm.id),
      "both tags and both themes at the viewer",
    );
    const row = viewerMatrix().rows.find((r) => r.theme.id === deterrence.id)!;
    const i1 = documents.findIndex((d) => d.id === p1.id);
    expect(row.cells[i1]!.coverage).toBeCloseTo(4 / p1.text.length);
    const cooc = computeCooccurrence({ themes: allThemes(viewer.meta.doc), annotations: asAnalysis(p2.id, viewer.d2.doc) });
    expect(cooc.passages(deterrence.id, acm.id).map((p) => p.text)).toEqual([p2.text.slice(0, 20)]);

    // Commenters may not merge; editors may, and every document doc is retagged.
    await expect(mergeThemesOp.execute(world.members.commenter, { workspaceId: world.workspace.id, sourceId: acm.id, targetId: deterrence.id })).rejects.toMatchObject({ code: "forbidden" });
    const merged = await mergeThemesOp.execute(world.members.editor, { workspaceId: world.workspace.id, sourceId: acm.id, targetId: deterrence.id });
    expect(merged.retagged).toBe(1);
    await waitFor(() => listAnnotations(viewer.d2.doc)[0]?.themeIds.join() === deterrence.id, "the retag at the viewer");
    expect(allThemes(viewer.meta.doc).find((t) => t.id === acm.id)).toMatchObject({ deleted: true, mergedInto: deterrence.id });
    await expect(mergeThemesOp.execute(world.members.editor, { workspaceId: world.workspace.id, sourceId: acm.id, targetId: deterrence.id })).rejects.toMatchObject({ code: "not_found" });

    // The CSV reads the stored state + log: the same numbers, with a BOM and the user's locale.
    const csv = await exportThemesCsvOp.execute(world.members.viewer, { workspaceId: world.workspace.id, kind: "matrix", locale: "ja" });
    expect(csv.body.startsWith("\uFEFFテーマ,親テーマ,")).toBe(true);
    expect(csv.body).toContain("拡大抑止,,");
    expect(csv.body.split("\r\n")[1]!.split(",").at(-1)).toBe("2");
    await expect(exportThemesCsvOp.execute(world.outsider, { workspaceId: world.workspace.id, kind: "cooccurrence", locale: "en" })).rejects.toMatchObject({ code: "not_found" });
    const cooccurrence = await exportThemesCsvOp.execute(world.members.viewer, { workspaceId: world.workspace.id, kind: "cooccurrence", locale: "en" });
    expect(cooccurrence.body).toBe("\uFEFFTheme,拡大抑止\r\n拡大抑止,\r\n");
  });

  it("a theme deleted while someone applies it: the tag is ignored until undo, never a broken state", async () => {
    const alice = open(world.members.editor.id);
    const bob = open(world.members.owner.id);
    await Promise.all([...Object.values(alice), ...Object.values(bob)].map((h) => h.ready));
    const theme = upsertTheme(alice.meta.doc, { name: `指揮統制 ${Date.now()}`, colour: "#336699" }, now());
    await waitFor(() => listThemes(bob.meta.doc).some((t) => t.id === theme.id), "the theme at Bob");
    const actor = { id: world.members.owner.id, name: world.members.owner.name };
    const a = createAnnotation(bob.d1.doc, { anchor: buildAnchor(p1.text, p1.versionId, 30, 40), colour: "#ffcc00" }, actor, now());
    const bobsThemes = listThemes(bob.meta.doc); // Bob's picker still shows the theme…
    const deleted = deleteTheme(alice.meta.doc, theme.id, now()); // …as Alice deletes it
    tagAnnotations(bob.d1.doc, [a.id], { add: [theme.id] }, bobsThemes, now());
    await waitFor(() => !listThemes(bob.meta.doc).some((t) => t.id === theme.id), "the delete at Bob");
    // Now Bob's next attempt is refused with a clear error.
    expect(() => tagAnnotations(bob.d1.doc, [a.id], { add: [theme.id] }, listThemes(bob.meta.doc), now())).toThrow(/theme_not_found/);
    const documents = await listAnalysisDocuments(world.workspace.id);
    const matrix = () => computeMatrix({ themes: allThemes(alice.meta.doc), documents, annotations: asAnalysis(p1.id, alice.d1.doc) });
    // The annotation and Bob's tag are two updates: wait for the tag, not just the annotation.
    await waitFor(() => listAnnotations(alice.d1.doc).some((x) => x.id === a.id && x.themeIds.includes(theme.id)), "the tagged annotation at Alice");
    expect(matrix().rows.some((r) => r.theme.id === theme.id)).toBe(false);
    restoreTheme(alice.meta.doc, deleted, now());
    expect(matrix().rows.find((r) => r.theme.id === theme.id)?.total.count).toBe(1);
    // Tagging an annotation deleted meanwhile is refused, whole.
    expect(() => tagAnnotations(bob.d1.doc, ["no-such-annotation"], { add: [theme.id] }, listThemes(alice.meta.doc), now())).toThrow(/annotation_not_found/);
  });
});
