/**
 * Import of W3C Web Annotation JSON-LD and Hypothesis exports: re-anchoring report, writes
 * through the collab server (a connected client sees them), and bad files that import nothing.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CollabServer } from "../../lib/collab/server";
import { annotationsDocName, listAnnotations } from "../../lib/collab/model";
import { exportOptionsSchema } from "../../lib/core/export";
import { createExport } from "../../lib/server/export/create-export";
import { importAnnotationsOp } from "../../lib/server/interop/import-annotations";
import { prisma } from "../../lib/infra/db/client";
import type { World } from "../support/factories";
import { connect, disconnectAll, waitFor } from "../collab/support/harness";
import { annotate, collect, importDemoPaper, makeWorld, startCollabForExport, writeThemes, type Paper } from "./support";

let server: CollabServer;
let world: World;
let paper: Paper;
const THEME = { id: "theme-c2", name: "指揮統制", colour: "#336699" };
const bytes = (v: unknown) => new TextEncoder().encode(typeof v === "string" ? v : JSON.stringify(v));
const count = () => prisma.annotation.count({ where: { workspaceId: world.workspace.id } });

beforeAll(async () => {
  server = await startCollabForExport();
  world = await makeWorld();
  paper = await importDemoPaper(world, 0);
  await writeThemes(world, [THEME]);
  await annotate(world, paper, [{ quote: "拡大抑止", themeIds: [THEME.id], note: "メモ" }, { quote: "指揮・統制" }, { quote: "反撃能力" }]);
});
afterEach(() => disconnectAll());
afterAll(async () => server?.destroy());

async function exportJsonLd(): Promise<Uint8Array> {
  const file = await createExport({ workspaceId: world.workspace.id, options: exportOptionsSchema.parse({ format: "jsonld" }), baseUrl: "http://synoptic.test", locale: "ja", now: new Date() });
  return new Uint8Array(await collect(file.chunks));
}

describe("importing annotations", () => {
  it("round-trips our JSON-LD: every annotation anchors exactly, themes reused, seen live", async () => {
    const reader = connect(server, annotationsDocName(world.workspace.id, paper.id), world.members.viewer.id);
    await reader.ready;
    const before = await count();
    const file = await exportJsonLd();
    const dry = await importAnnotationsOp.execute(world.members.editor, { workspaceId: world.workspace.id, bytes: file, dryRun: true });
    expect(dry.report).toEqual({ exact: 3, fuzzy: 0, orphaned: 0 });
    expect(await count()).toBe(before);
    const result = await importAnnotationsOp.execute(world.members.editor, { workspaceId: world.workspace.id, bytes: file });
    expect(result).toMatchObject({ report: { exact: 3, fuzzy: 0, orphaned: 0 }, imported: 3, themesCreated: 0 });
    await waitFor(() => listAnnotations(reader.doc).length === before + 3, "imported annotations at the connected reader");
    expect(await count()).toBe(before + 3);
    const tagged = await prisma.annotationTheme.count({ where: { workspaceId: world.workspace.id, themeId: THEME.id } });
    expect(tagged).toBe(2);
    const notes = await prisma.annotation.findMany({ where: { workspaceId: world.workspace.id, exact: "拡大抑止" }, select: { noteText: true } });
    expect(notes.map((n) => n.noteText)).toEqual(["メモ", "メモ"]);
  });

  it("reads a Hypothesis export into a chosen document: exact, fuzzy and orphaned", async () => {
    const text = paper.text;
    const quote = text.slice(text.indexOf("拡大抑止"), text.indexOf("拡大抑止") + 30);
    const changed = `${quote.slice(0, 12)}★${quote.slice(13)}`;
    const hypothesis = {
      export_date: "2026-11-20T00:00:00Z",
      annotations: [
        { id: "h1", uri: "https://example.org/paper.pdf", text: "Hypothesis note", tags: ["新しいテーマ"], target: [{ source: "https://example.org/paper.pdf", selector: [{ type: "TextQuoteSelector", exact: quote, prefix: "", suffix: "" }] }] },
        { id: "h2", uri: "https://example.org/paper.pdf", text: "", tags: [], target: [{ source: "https://example.org/paper.pdf", selector: [{ type: "RangeSelector", startContainer: "/p[1]" }, { type: "TextQuoteSelector", exact: changed }] }] },
        { id: "h3", uri: "https://example.org/paper.pdf", target: [{ source: "x", selector: [{ type: "TextQuoteSelector", exact: "この論文には決して現れない架空の一節である。" }] }] },
        { id: "h4", uri: "https://example.org/paper.pdf", text: "a reply", references: ["h1"], target: [{ source: "x" }] },
      ],
    };
    const result = await importAnnotationsOp.execute(world.members.editor, { workspaceId: world.workspace.id, documentId: paper.id, bytes: bytes(hypothesis) });
    expect(result).toMatchObject({ format: "hypothesis", report: { exact: 1, fuzzy: 1, orphaned: 1 }, imported: 2, skipped: 1, themesCreated: 1 });
    expect(result.orphans[0]!.path).toBe("annotations.2");
    await waitFor(async () => (await prisma.theme.count({ where: { workspaceId: world.workspace.id, name: "新しいテーマ" } })) === 1, "the new theme");
  });

  it("lists every schema problem and imports nothing", async () => {
    const before = await count();
    const bad = {
      type: "AnnotationCollection",
      first: {
        items: [
          { type: "Annotation", target: { source: `x/d/${paper.id}`, selector: { type: "TextQuoteSelector", exact: 42 } } },
          { type: "Annotation", target: { source: `x/d/${paper.id}`, selector: [{ type: "TextPositionSelector", start: -1, end: "x" }] } },
          { type: "Annotation", target: { source: `x/d/${paper.id}`, selector: { type: "TextQuoteSelector", exact: "拡大抑止" } } },
        ],
      },
    };
    const e = await importAnnotationsOp.execute(world.members.editor, { workspaceId: world.workspace.id, bytes: bytes(bad) }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "invalid_input", message: "import_schema_invalid" });
    expect(((e as { details: { issues: unknown[] } }).details.issues).length).toBeGreaterThan(1);
    expect(await count()).toBe(before);
  });

  it("refuses malformed and hostile JSON, unknown documents, and roles that may not annotate", async () => {
    const before = await count();
    const ws = world.workspace.id;
    await expect(importAnnotationsOp.execute(world.members.editor, { workspaceId: ws, bytes: bytes("{ not json") })).rejects.toMatchObject({ message: "import_json_malformed" });
    await expect(importAnnotationsOp.execute(world.members.editor, { workspaceId: ws, bytes: new Uint8Array([0xff, 0xfe, 0x00]) })).rejects.toMatchObject({ message: "import_json_malformed" });
    const hostile = `{"__proto__":{"polluted":true},"type":"AnnotationPage","items":[${"[".repeat(5000)}${"]".repeat(5000)}]}`;
    await expect(importAnnotationsOp.execute(world.members.editor, { workspaceId: ws, bytes: bytes(hostile) })).rejects.toMatchObject({ code: "invalid_input" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const tooMany = { type: "AnnotationPage", items: Array.from({ length: 1001 }, () => ({ target: { source: `x/d/${paper.id}`, selector: { type: "TextQuoteSelector", exact: "抑止" } } })) };
    await expect(importAnnotationsOp.execute(world.members.editor, { workspaceId: ws, bytes: bytes(tooMany) })).rejects.toMatchObject({ message: "import_schema_invalid" });
    const unknown = [{ type: "Annotation", target: { source: "http://elsewhere/w/x/d/nope", selector: { type: "TextQuoteSelector", exact: "拡大抑止" } } }];
    await expect(importAnnotationsOp.execute(world.members.editor, { workspaceId: ws, bytes: bytes(unknown) })).rejects.toMatchObject({ message: "import_unknown_documents", details: { sources: ["http://elsewhere/w/x/d/nope"] } });
    const fine = [{ type: "Annotation", target: { source: `x/d/${paper.id}`, selector: { type: "TextQuoteSelector", exact: "拡大抑止" } } }];
    await expect(importAnnotationsOp.execute(world.members.viewer, { workspaceId: ws, bytes: bytes(fine) })).rejects.toMatchObject({ code: "forbidden" });
    await expect(importAnnotationsOp.execute(world.members.commenter, { workspaceId: ws, bytes: bytes(fine) })).rejects.toMatchObject({ code: "forbidden" });
    await expect(importAnnotationsOp.execute(world.outsider, { workspaceId: ws, bytes: bytes(fine) })).rejects.toMatchObject({ code: "not_found" });
    expect(await count()).toBe(before);
  });
});
