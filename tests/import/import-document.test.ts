import { describe, expect, it } from "vitest";
import { prisma } from "../../lib/infra/db/client";
import { importDocumentOp, importPastedTextOp, importVersionOp } from "../../lib/server/import/import-document";
import { makeWorld } from "../support/factories";
import { makeMarkdown, makePdf, SAMPLE } from "../support/fixtures";

describe("importing documents", () => {
  it("stores an immutable first version with blocks, raw text and offset map", async () => {
    const w = await makeWorld();
    const r = await importDocumentOp.execute(w.members.editor, { workspaceId: w.workspace.id, fileName: "paper.pdf", bytes: await makePdf() });
    const v = await prisma.documentVersion.findFirstOrThrow({ where: { documentId: r.id } });
    expect(v.number).toBe(1);
    expect(v.text).toContain(SAMPLE.paragraph);
    expect(v.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Array.isArray(v.blocks) && v.blocks.length).toBe(4);
    expect(v.rawText).toContain("\f"); // page separator kept in the raw text the offset map points into
    expect(v.offsetMap).toMatchObject({ length: v.text.length });
    const doc = await prisma.document.findUniqueOrThrow({ where: { id: r.id } });
    expect(doc).toMatchObject({ title: SAMPLE.heading, language: "ja", workspaceId: w.workspace.id });
  });

  it("a new version leaves the old one untouched", async () => {
    const w = await makeWorld();
    const first = await importDocumentOp.execute(w.members.owner, { workspaceId: w.workspace.id, fileName: "a.md", bytes: makeMarkdown() });
    const before = await prisma.documentVersion.findFirstOrThrow({ where: { documentId: first.id, number: 1 } });
    const next = await importVersionOp.execute(w.members.editor, { workspaceId: w.workspace.id, documentId: first.id, fileName: "a.pdf", bytes: await makePdf() });
    expect(next.version).toBe(2);
    const after = await prisma.documentVersion.findFirstOrThrow({ where: { documentId: first.id, number: 1 } });
    expect(after).toEqual(before);
    await expect(
      importVersionOp.execute(w.members.editor, { workspaceId: w.workspace.id, documentId: "someone-elses-doc", fileName: "a.md", bytes: makeMarkdown() }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("a failed import leaves nothing behind", async () => {
    const w = await makeWorld();
    const count = () => prisma.document.count({ where: { workspaceId: w.workspace.id } });
    const before = await count();
    await expect(importDocumentOp.execute(w.members.owner, { workspaceId: w.workspace.id, fileName: "scan.pdf", bytes: await makePdf({ textless: true }) })).rejects.toMatchObject({
      message: "import_pdf_no_text",
    });
    expect(await count()).toBe(before);
  });

  it("only editors and owners import; viewers and commenters are refused", async () => {
    const w = await makeWorld();
    for (const role of ["viewer", "commenter"] as const) {
      await expect(importDocumentOp.execute(w.members[role], { workspaceId: w.workspace.id, fileName: "a.md", bytes: makeMarkdown() })).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(importDocumentOp.execute(w.outsider, { workspaceId: w.workspace.id, fileName: "a.md", bytes: makeMarkdown() })).rejects.toMatchObject({ code: "not_found" });
  });

  it("imports pasted text with a given title, and refuses hostile file names gracefully", async () => {
    const w = await makeWorld();
    const r = await importPastedTextOp.execute(w.members.owner, { workspaceId: w.workspace.id, text: `${SAMPLE.paragraph}\n`, title: "<b>貼り付け</b>" });
    expect(r.title).toBe("<b>貼り付け</b>");
    const odd = await importDocumentOp.execute(w.members.owner, { workspaceId: w.workspace.id, fileName: "../../\u202eevil\u0000.md", bytes: makeMarkdown() });
    const v = await prisma.documentVersion.findFirstOrThrow({ where: { documentId: odd.id } });
    expect(v.sourceName).toBe(".._.._evil.md");
  });
});
