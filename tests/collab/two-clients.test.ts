/**
 * "Done means": two scripted clients with two users' tokens annotate the same demo paper
 * through the real server, each sees the other's annotations live, and the relational tables
 * hold exactly what the Y.Docs hold.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addReply,
  annotationsDocName,
  buildAnchor,
  checkAnchor,
  createAnnotation,
  discussionDocName,
  listAnnotations,
  listReplies,
  setStatus,
  updateAnnotation,
} from "../../lib/collab/model";
import type { CollabServer } from "../../lib/collab/server";
import { prisma } from "../../lib/infra/db/client";
import { makeWorld } from "../support/factories";
import { connect, disconnectAll, makeDocument, startCollab, waitFor } from "./support/harness";

let server: CollabServer;
beforeAll(async () => {
  server = await startCollab();
});
afterAll(async () => {
  disconnectAll();
  await server.destroy();
});

const demoText = readFileSync(new URL("../../prisma/demo/003_739229ce7d15924f.txt", import.meta.url), "utf8").normalize("NFC");

describe("two users annotate the same demo paper", () => {
  it("see each other live, and the projection equals the Y.Docs", async () => {
    const world = await makeWorld();
    const paper = await makeDocument(world.workspace.id, world.members.owner.id, demoText);
    const name = annotationsDocName(world.workspace.id, paper.id);
    const [alice, bob] = [world.members.owner, world.members.editor];
    const a = connect(server, name, alice.id);
    const b = connect(server, name, bob.id);
    await Promise.all([a.ready, b.ready]);

    const terms = ["拡大抑止", "同盟調整メカニズム", "反撃能力", "指揮・統制", "日米", "抑止力"];
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const [who, h] = i % 2 === 0 ? [alice, a] : [bob, b];
      const term = terms[i % terms.length]!;
      let start = demoText.indexOf(term, (i * 997) % demoText.length);
      if (start < 0) start = demoText.indexOf(term);
      if (start < 0) start = i * 10;
      const anchor = buildAnchor(demoText, paper.versionId, start, start + Math.max(term.length, 2));
      expect(checkAnchor(demoText, anchor)).toBeNull();
      const created = createAnnotation(h.doc, { anchor, colour: i % 2 ? "#3366ff" : "#ff6633", note: `メモ ${i}` }, { id: who.id, name: who.name }, new Date());
      ids.push(created.id);
      const other = h === a ? b : a;
      await waitFor(() => listAnnotations(other.doc).some((x) => x.id === created.id), `annotation ${i} live at the other client`, 2_000);
    }
    updateAnnotation(b.doc, ids[0]!, { themeIds: ["theme-a"] }, new Date());
    setStatus(a.doc, ids[1]!, "resolved", new Date());
    const disc = connect(server, discussionDocName(world.workspace.id, paper.id), world.members.commenter.id);
    await disc.ready;
    addReply(disc.doc, { annotationId: ids[0]!, body: "出典は？" }, { id: world.members.commenter.id, name: world.members.commenter.name }, new Date());

    await waitFor(() => a.settled() && b.settled() && disc.settled(), "clients settled");
    const expected = listAnnotations(a.doc);
    expect(listAnnotations(b.doc)).toEqual(expected);
    const rows = await waitFor(async () => {
      const r = await prisma.annotation.findMany({ where: { collabName: name }, include: { themes: true } });
      const sameIds = r.length === expected.length && r.every((row) => expected.some((e) => e.id === row.id && e.status === row.status && e.updatedAt === row.updatedAt.toISOString()));
      return sameIds ? r : null;
    }, "projection equal to the Y.Doc");
    for (const e of expected) {
      const row = rows.find((r) => r.id === e.id)!;
      expect({
        id: row.id, versionId: row.versionId, start: row.start, end: row.end, exact: row.exact, prefix: row.prefix, suffix: row.suffix,
        author: { id: row.authorId, name: row.authorName }, colour: row.colour, status: row.status,
        themeIds: row.themes.map((t) => t.themeId), createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
      }).toEqual({ id: e.id, ...e.anchor, author: e.author, colour: e.colour, status: e.status, themeIds: e.themeIds, createdAt: e.createdAt, updatedAt: e.updatedAt });
    }
    await waitFor(async () => (await prisma.reply.count({ where: { documentId: paper.id } })) === listReplies(disc.doc).length, "replies projected");
    expect(await prisma.projectionFlag.count({ where: { collabName: name } })).toBe(0);
  });
});
