/**
 * REFI-QDA exchange over a workspace built through the same commands as the app (import
 * pipeline, collab direct writes): the exported project.qde validates against the published
 * XSD with xmllint, positions count code points (a text with 𠮷 and emoji), and importing the
 * .qdpx into another workspace brings back every annotation, coding, note, reply, link and map
 * node at the same text.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { strFromU8 } from "fflate";
import type { CollabServer } from "../../lib/collab/server";
import { annotationsDocName, metaDocName } from "../../lib/core/collab";
import { exportOptionsSchema } from "../../lib/core/export";
import { createExport } from "../../lib/server/export/create-export";
import { sendCollabOperations } from "../../lib/server/collab/send-collab-operations";
import { createDocument } from "../../lib/server/documents/create-document";
import { contentOf } from "../../lib/server/import/content-of";
import { extractInWorker } from "../../lib/server/import/extract-pool";
import { importQdpx } from "../../lib/server/interop/qdpx/import-qdpx";
import { prisma } from "../../lib/infra/db/client";
import { annotate, collect, importDemoPaper, link, makeWorld, reply, startCollabForExport, writeThemes, type Paper } from "../export/support";
import type { World } from "../support/factories";
import { fingerprint, schemaErrors, unzip } from "./support";

let server: CollabServer;
let world: World;
let papers: Paper[];
let astral: Paper;
const ASTRAL_TEXT = "𠮷野家の牛丼 🍚 は安い。\n\n次の段落で 👍🏽 と 𠮷 を評価する。";

async function exportAs(format: "qdpx" | "qdc", workspaceId = world.workspace.id): Promise<Uint8Array> {
  const file = await createExport({ workspaceId, options: exportOptionsSchema.parse({ format }), baseUrl: "", locale: "ja", now: new Date("2026-12-04T12:00:00Z") });
  return new Uint8Array(await collect(file.chunks));
}

beforeAll(async () => {
  server = await startCollabForExport();
  world = await makeWorld();
  papers = [await importDemoPaper(world, 0), await importDemoPaper(world, 1)];
  const src = await extractInWorker("astral.txt", new TextEncoder().encode(ASTRAL_TEXT));
  const doc = await createDocument(world.workspace.id, world.members.owner.id, { title: "Astral 𠮷", sourceName: "astral.txt" }, contentOf(src), new Date());
  const v = await prisma.documentVersion.findFirstOrThrow({ where: { documentId: doc.id }, select: { id: true, text: true } });
  astral = { id: doc.id, versionId: v.id, text: v.text, title: "Astral 𠮷" };
  await writeThemes(world, [
    { id: "t-top", name: "抑止", colour: "#336699" },
    { id: "t-child", name: "拡大抑止", colour: "#993366", parentId: "t-top" },
    { id: "t-grand", name: "核の傘 <&\"'>", colour: "#669933", parentId: "t-child" },
    { id: "t-other", name: "指揮統制", colour: "#aa8800" },
  ]);
  const [a1, a2] = await annotate(world, papers[0]!, [
    { quote: "拡大抑止", themeIds: ["t-child", "t-grand"], note: "注記 with <xml> & \u0001control" },
    { quote: "反撃能力", themeIds: ["t-top"] },
  ]);
  const [b1] = await annotate(world, papers[1]!, [{ quote: papers[1]!.text.slice(200, 260), themeIds: ["t-other"] }]);
  const [c1, c2] = await annotate(world, astral, [{ quote: "牛丼 🍚", themeIds: ["t-top"], note: "絵文字" }, { quote: "👍🏽 と 𠮷" }]);
  await reply(world, papers[0]!, a1!, "返信その一");
  await reply(world, papers[0]!, a1!, "second reply");
  await link(world, a1!, b1!, "supports");
  await link(world, c1!, a2!, "contradicts");
  await sendCollabOperations({ documentName: annotationsDocName(world.workspace.id, astral.id), actor: { id: world.members.editor.id, name: world.members.editor.name }, operations: [{ op: "setStatus", id: c2!, status: "resolved" }] });
  const node = globalThis.crypto.randomUUID();
  await sendCollabOperations({
    documentName: metaDocName(world.workspace.id),
    actor: { id: world.members.editor.id, name: world.members.editor.name },
    operations: [
      { op: "addMapNode", input: { id: node, kind: "claim", text: "同盟は抑止を強める", position: { x: 120, y: -40 } } },
      { op: "placeAnnotation", annotationId: a1!, position: { x: 300, y: 80 } },
      { op: "addLink", input: { from: { kind: "annotation", id: b1! }, to: { kind: "node", id: node }, kind: "supports" } },
    ],
  });
}, 240_000);
afterAll(async () => server?.destroy());

describe("qdpx export", () => {
  it("writes a project.qde valid against the REFI-QDA schema, with texts in Sources/", async () => {
    const files = unzip(await exportAs("qdpx"));
    const xml = files["project.qde"]!;
    expect(schemaErrors(xml)).toBe("");
    const text = strFromU8(xml);
    expect(text).toContain('xmlns="urn:QDA-XML:project:1.0"');
    expect(text).not.toContain("\u0001");
    expect(text).toContain("核の傘 &lt;&amp;&quot;'&gt;");
    const sources = Object.keys(files).filter((k) => k.startsWith("Sources/"));
    expect(sources).toHaveLength(3);
    expect(Object.values(files).map((f) => strFromU8(f))).toContain(astral.text);
  });

  it("counts selection positions in code points", async () => {
    const text = strFromU8(unzip(await exportAs("qdpx"))["project.qde"]!);
    const cps = [...astral.text];
    const at = (quote: string) => {
      const u16 = astral.text.indexOf(quote);
      return [[...astral.text.slice(0, u16)].length, [...astral.text.slice(0, u16)].length + [...quote].length];
    };
    for (const q of ["牛丼 🍚", "👍🏽 と 𠮷"]) {
      const [s, e] = at(q);
      expect(text).toContain(`startPosition="${s}" endPosition="${e}"`);
      expect(cps.slice(s, e).join("")).toBe(q);
    }
  });

  it("writes the theme tree alone as a .qdc codebook", async () => {
    const xml = strFromU8(await exportAs("qdc"));
    expect(xml).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"');
    expect(xml.match(/<Code /g)).toHaveLength(4);
  });
});

describe("qdpx round trip", () => {
  it("imports into another workspace with nothing lost or moved", async () => {
    const bytes = await exportAs("qdpx");
    const other = await makeWorld();
    const report = await importQdpx({ workspaceId: other.workspace.id, bytes, actor: other.members.owner, now: new Date() });
    expect(report.validator).toBe("xmllint");
    expect(report.notPlaced).toEqual([]);
    expect(report.unsupported).toEqual([]);
    expect(report).toMatchObject({ annotations: 5, replies: 2, links: 3, mapNodes: 1, placedOnMap: 1, themes: { created: 4, matched: 0 } });
    const before = await fingerprint(world.workspace.id);
    const after = await fingerprint(other.workspace.id);
    // The control character cannot travel in XML 1.0: it is the one difference, and reported.
    before.annotations = before.annotations.map((a) => ({ ...a, note: a.note.replaceAll("\u0001", "") }));
    expect(after).toEqual(before);
    const again = unzip(await exportAs("qdpx", other.workspace.id));
    expect(schemaErrors(again["project.qde"]!)).toBe("");
  }, 120_000);
});
