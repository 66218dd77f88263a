/**
 * One read path (issue #17): an export reads what clients have sent, including updates that
 * are only in the collab append log — logged, not yet compacted into the stored state nor
 * projected (the last seconds before the debounced store). No collab server runs here: the
 * log rows are written as the server's append would write them.
 */
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addFreeNode, annotationsDocName, buildAnchor, createAnnotation, metaDocName } from "../../lib/collab/model";
import { exportOptionsSchema } from "../../lib/core/export";
import { prisma } from "../../lib/infra/db/client";
import { createExport } from "../../lib/server/export/create-export";
import { loadSources } from "../../lib/server/export/load-sources";
import { makeWorld, type World } from "../support/factories";
import { makeDocument } from "../collab/support/harness";
import { collect } from "./support";

let world: World;
let paper: { id: string; versionId: string; text: string };
const now = new Date("2026-12-01T00:00:00Z");

beforeAll(async () => {
  world = await makeWorld();
  paper = await makeDocument(world.workspace.id, world.members.owner.id, "日米同盟の抑止力。ログにだけある注釈の本文。");
});
afterAll(async () => prisma.collabUpdate.deleteMany({ where: { name: { startsWith: `ws:${world.workspace.id}:` } } }));

/** Appends `doc`'s whole state to the log of `name`, as the collab server does per update. */
async function appendToLog(name: string, doc: Y.Doc): Promise<void> {
  await prisma.collabUpdate.create({ data: { name, update: Buffer.from(Y.encodeStateAsUpdate(doc)) } });
}

describe("export reads the append log", () => {
  it("includes an annotation and a map node that exist only in the log", async () => {
    const actor = { id: world.members.owner.id, name: world.members.owner.name };
    const start = paper.text.indexOf("ログにだけある");
    const annotations = new Y.Doc();
    const a = createAnnotation(annotations, { anchor: buildAnchor(paper.text, paper.versionId, start, start + 7), colour: "#ffcc00" }, actor, now);
    await appendToLog(annotationsDocName(world.workspace.id, paper.id), annotations);
    const meta = new Y.Doc();
    addFreeNode(meta, { id: "log-claim", kind: "claim", text: "ログの主張", position: { x: 0, y: 0 } }, actor, now);
    await appendToLog(metaDocName(world.workspace.id), meta);
    expect(await prisma.collabDocument.count({ where: { workspaceId: world.workspace.id, stateHash: { not: "" } } })).toBe(0);

    const file = await createExport({ workspaceId: world.workspace.id, options: exportOptionsSchema.parse({ format: "md" }), baseUrl: "http://synoptic.test", locale: "ja", now });
    const md = (await collect(file.chunks)).toString("utf8");
    expect(md).toContain("> ログにだけある");
    expect(md).toContain(`focus=${a.id}`);
    expect((await loadSources(world.workspace.id)).nodes.map((n) => n.label)).toEqual(["ログの主張"]);
    // The log stays for the collab server to compact: reading writes neither state nor log.
    expect(await prisma.collabUpdate.count({ where: { name: { startsWith: `ws:${world.workspace.id}:` } } })).toBe(2);
  });
});
