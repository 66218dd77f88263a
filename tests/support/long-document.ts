/**
 * A long document for the long-document tests and the reader benchmark (issue 19): the demo
 * papers repeated, through the same import pipeline as any upload, until the text reaches
 * `chars` characters. Made when needed, never committed.
 */
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDocument } from "../../lib/server/documents/create-document";
import { prepareDemoDocument } from "../../lib/server/demo/prepare-demo-document";
import { prisma } from "../../lib/infra/db/client";

const DEMO = fileURLToPath(new URL("../../prisma/demo/", import.meta.url));

/** The repeated demo papers as one UTF-8 text file of about `chars` characters. */
export async function longDocumentBytes(chars: number): Promise<Uint8Array> {
  const files = (await readdir(DEMO)).filter((f) => f.endsWith(".txt")).sort();
  const papers = await Promise.all(files.map((f) => readFile(path.join(DEMO, f), "utf8")));
  let out = "";
  for (let i = 0; out.length < chars; i++) out += `${papers[i % papers.length]}\n\n`;
  return new TextEncoder().encode(out);
}

/** Creates the long document in `workspaceId`; returns its id, its version's id and canonical text. */
export async function createLongDocument(workspaceId: string, actorId: string, chars: number, title: string): Promise<{ id: string; versionId: string; text: string; paragraphs: { start: number; end: number }[] }> {
  const prepared = await prepareDemoDocument(await longDocumentBytes(chars), "long.txt");
  const doc = await createDocument(workspaceId, actorId, { ...prepared.meta, title, language: "ja", sourceName: "long.txt", sourceType: "text/plain" }, prepared.content, new Date());
  const v = await prisma.documentVersion.findFirstOrThrow({ where: { documentId: doc.id }, select: { id: true, text: true, blocks: true } });
  const blocks = (v.blocks ?? []) as { kind: string; start: number; end: number }[];
  // Paragraphs long enough to hold a test's passage inside one text element.
  const paragraphs = blocks.filter((b) => b.kind === "paragraph" && b.end - b.start >= 40).map((b) => ({ start: b.start, end: b.end }));
  return { id: doc.id, versionId: v.id, text: v.text, paragraphs };
}
