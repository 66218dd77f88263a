/**
 * World of the export tests: a real collab server on port 0 (the web side's direct writes reach
 * it through COLLAB_INTERNAL_URL), a workspace with one member per role, demo papers imported
 * through the real pipeline, and annotations, themes, links and replies written through the
 * collab server's direct-write path, so the projection is what production would hold.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { annotationsDocName, buildAnchor, discussionDocName, metaDocName, type DirectOperation } from "../../lib/core/collab";
import { prepareDemoDocument } from "../../lib/server/demo/prepare-demo-document";
import { createDocument } from "../../lib/server/documents/create-document";
import { prisma } from "../../lib/infra/db/client";
import { sendCollabOperations } from "../../lib/server/collab/send-collab-operations";
import { makeWorld, type World } from "../support/factories";
import { SECRET, startCollab } from "../collab/support/harness";
import type { CollabServer } from "../../lib/collab/server";

const DEMO = fileURLToPath(new URL("../../prisma/demo/", import.meta.url));
const MANIFEST = JSON.parse(readFileSync(`${DEMO}demo.json`, "utf8")) as { documents: { file: string; title: string; authors: string | null; publishedOn: string | null }[] };

export interface Paper {
  id: string;
  versionId: string;
  text: string;
  title: string;
}

/** Starts the collab server and points this process' direct writes at it. */
export async function startCollabForExport(): Promise<CollabServer> {
  const server = await startCollab();
  process.env.COLLAB_TOKEN_SECRET = SECRET;
  process.env.COLLAB_INTERNAL_URL = server.url.replace(/^ws/, "http");
  return server;
}

/** Imports demo paper `index` (0–4) into the workspace through the import pipeline. */
export async function importDemoPaper(world: World, index: number): Promise<Paper> {
  const meta = MANIFEST.documents[index]!;
  const prepared = await prepareDemoDocument(new Uint8Array(readFileSync(DEMO + meta.file)), meta.file);
  const doc = await createDocument(world.workspace.id, world.members.owner.id, { ...prepared.meta, title: meta.title, authors: meta.authors, publishedOn: meta.publishedOn }, prepared.content, new Date());
  const v = await prisma.documentVersion.findFirstOrThrow({ where: { documentId: doc.id }, select: { id: true, text: true } });
  return { id: doc.id, versionId: v.id, text: v.text, title: meta.title };
}

const actorOf = (u: { id: string; name: string }) => ({ id: u.id, name: u.name });

/** Writes themes in the order given (a parent before its children); `order` as in upsertTheme. */
export async function writeThemes(world: World, themes: { id: string; name: string; colour: string; parentId?: string; order?: number }[]): Promise<void> {
  await sendCollabOperations({ documentName: metaDocName(world.workspace.id), actor: actorOf(world.members.editor), operations: themes.map((t) => ({ op: "upsertTheme", input: t })) });
}

/** Annotates the first occurrence of each quote in the paper; returns the ids in order. */
export async function annotate(world: World, paper: Paper, quotes: { quote: string; themeIds?: string[]; note?: string; id?: string }[], as = world.members.editor): Promise<string[]> {
  const operations: DirectOperation[] = quotes.map((q) => {
    const start = paper.text.indexOf(q.quote);
    if (start < 0) throw new Error(`quote not in ${paper.title}: ${q.quote}`);
    return { op: "createAnnotation", input: { ...(q.id ? { id: q.id } : {}), anchor: buildAnchor(paper.text, paper.versionId, start, start + q.quote.length), colour: "#ffcc00", themeIds: q.themeIds ?? [], ...(q.note ? { note: q.note } : {}) } };
  });
  const out: string[] = [];
  for (let i = 0; i < operations.length; i += 1_000) {
    out.push(...(await sendCollabOperations({ documentName: annotationsDocName(world.workspace.id, paper.id), actor: actorOf(as), operations: operations.slice(i, i + 1_000) })).ids);
  }
  return out;
}

export async function reply(world: World, paper: Paper, annotationId: string, body: string): Promise<void> {
  await sendCollabOperations({ documentName: discussionDocName(world.workspace.id, paper.id), actor: actorOf(world.members.commenter), operations: [{ op: "addReply", input: { annotationId, body } }] });
}

export async function link(world: World, fromId: string, toId: string, kind: "supports" | "contradicts" = "supports"): Promise<void> {
  await sendCollabOperations({ documentName: metaDocName(world.workspace.id), actor: actorOf(world.members.editor), operations: [{ op: "addLink", input: { from: { kind: "annotation", id: fromId }, to: { kind: "annotation", id: toId }, kind } }] });
}

/** Collects an export's chunks into one buffer. */
export async function collect(chunks: AsyncGenerator<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
}

export { makeWorld };
