/**
 * The demo workspace's content (prisma/demo/workspace.json: themes, annotations, replies, links,
 * the argument map), written through the collab server's direct-write endpoint exactly as an
 * import or an API client writes — so the live views, the projection, search, export and the API
 * all see it, and nothing is written behind a live document's back. Runs on every start once the
 * collab server answers, and is a no-op once done:
 * - skipped when the workspace holds anything the seed did not write (users' own work);
 * - entries that exist are never written again (fixed ids), so an interrupted seed is completed
 *   and a changed or deleted entry stays as the user left it.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type * as Y from "yjs";
import { annotationsDocName, discussionDocName, metaDocName } from "../../core/collab";
import { demoContentSchema, demoEntryIds, planDemoContent, type DemoContent } from "../../core/demo";
import { AppError } from "../../core/errors";
import { MAPS } from "../../collab/model/structure";
import { loadCurrentDoc } from "../../collab/server/persistence/project-current";
import { hashPassword } from "../auth/password";
import { sendCollabBatch } from "../collab/send-collab-operations";
import { prisma } from "../../infra/db/client";
import { logger } from "../../infra/log";
import { DEMO_USERS, DEMO_WORKSPACE } from "./seed-demo";

const log = logger("seed");

export type DemoContentOutcome = "seeded" | "complete" | "skipped_user_content" | "no_demo_workspace";

/** Reads and checks the content file; a mistake names the field it is in. */
export async function readDemoContent(demoDir: string): Promise<DemoContent> {
  const raw: unknown = JSON.parse(await readFile(path.join(demoDir, "workspace.json"), "utf8"));
  const parsed = demoContentSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("invalid_input", `demo content: ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

/**
 * Seeds the demo workspace's content (`workspaceSlug`, default the demo workspace) when it has
 * none of its users' own, completing what an earlier run left undone. Needs the collab server.
 */
export async function seedDemoContent(demoDir: string, workspaceSlug: string = DEMO_WORKSPACE.slug): Promise<DemoContentOutcome> {
  const content = await readDemoContent(demoDir);
  const ws = await prisma.workspace.findUnique({ where: { slug: workspaceSlug }, select: { id: true } });
  if (!ws) return "no_demo_workspace";
  const documents = await demoDocuments(ws.id, demoDir);
  const { existing, positioned } = await existingEntries(ws.id, [...documents.values()].map((d) => d.documentId));
  const ours = demoEntryIds(content);
  const foreign = [...existing].filter((id) => !ours.has(id));
  if (foreign.length > 0) {
    log.info({ workspaceId: ws.id, entries: foreign.length }, "demo content skipped: the workspace has its users' own work");
    return "skipped_user_content";
  }
  // Done before: nothing to check or add (a demo member the owner removed stays removed).
  if ([...ours].every((id) => existing.has(id))) return "complete";
  const members = await demoMembers(ws.id);
  const batches = planDemoContent({ content, workspaceId: ws.id, documents, members, existing, positioned });
  for (const batch of batches) await sendCollabBatch(batch);
  if (batches.length) log.info({ workspaceId: ws.id, batches: batches.length }, "demo content seeded");
  return batches.length ? "seeded" : "complete";
}

/** The current version of each demo paper, by corpus file name (Document.sourceName). */
async function demoDocuments(workspaceId: string, demoDir: string) {
  const manifest = JSON.parse(await readFile(path.join(demoDir, "demo.json"), "utf8")) as { documents: { file: string }[] };
  const files = new Set(manifest.documents.map((d) => d.file));
  // The corpus file is the source of a document's first version; passages anchor in its current one.
  const docs = await prisma.document.findMany({
    where: { workspaceId, deletedAt: null },
    select: { id: true, versions: { orderBy: { number: "desc" }, select: { id: true, text: true, sourceName: true } } },
  });
  const out = new Map<string, { documentId: string; versionId: string; text: string }>();
  for (const d of docs) {
    const current = d.versions[0];
    const source = d.versions.at(-1)?.sourceName;
    if (current && source && files.has(source) && !out.has(source)) out.set(source, { documentId: d.id, versionId: current.id, text: current.text });
  }
  return out;
}

/** Ids of every entry in the workspace's docs (stored state plus the append log: all a client sent). */
async function existingEntries(workspaceId: string, documentIds: string[]): Promise<{ existing: Set<string>; positioned: Set<string> }> {
  const existing = new Set<string>();
  const positioned = new Set<string>();
  const collect = (doc: Y.Doc, maps: string[]) => {
    for (const m of maps) for (const id of doc.getMap(m).keys()) existing.add(id);
  };
  const all = await prisma.document.findMany({ where: { workspaceId }, select: { id: true } });
  const ids = new Set([...documentIds, ...all.map((d) => d.id)]);
  for (const id of ids) {
    for (const name of [annotationsDocName(workspaceId, id), discussionDocName(workspaceId, id)]) {
      const doc = await loadCurrentDoc(name);
      collect(doc, [MAPS.annotations, MAPS.replies]);
      doc.destroy();
    }
  }
  const meta = await loadCurrentDoc(metaDocName(workspaceId));
  collect(meta, [MAPS.themes, MAPS.links, MAPS.nodes]);
  for (const id of meta.getMap(MAPS.positions).keys()) positioned.add(id);
  meta.destroy();
  return { existing, positioned };
}

/**
 * The demo accounts as members by key, owner first. A demo account missing from a database
 * seeded by an earlier Synoptic (the commenter came later) is added with its role.
 */
async function demoMembers(workspaceId: string): Promise<Map<string, { id: string; name: string }>> {
  const out = new Map<string, { id: string; name: string }>();
  for (const u of DEMO_USERS) {
    const user =
      (await prisma.user.findUnique({ where: { email: u.email }, select: { id: true, name: true } })) ??
      (await prisma.user.create({ data: { email: u.email, name: u.name, passwordHash: await hashPassword(u.password) }, select: { id: true, name: true } }));
    await prisma.membership.upsert({
      where: { workspaceId_userId: { workspaceId, userId: user.id } },
      create: { workspaceId, userId: user.id, role: u.role },
      update: {},
    });
    out.set(u.key, { id: user.id, name: user.name ?? u.name });
  }
  return out;
}
