import { readFile } from "node:fs/promises";
import path from "node:path";
import { prisma } from "../../infra/db/client";
import { hashPassword } from "../auth/password";
import { createWorkspace } from "../workspaces/create-workspace";
import { createDocument } from "../documents/create-document";
import { prepareDemoDocument } from "./prepare-demo-document";
import { logger } from "../../infra/log";

const log = logger("seed");

export const DEMO_WORKSPACE = { slug: "demo", name: "日米同盟と抑止（デモ）" } as const;

/** Demo accounts. Their passwords are public by design: they exist to show the product. */
export const DEMO_USERS = [
  { key: "aoi", email: "aoi@demo.synoptic.local", name: "青井 葵 (Aoi)", password: "synoptic-demo-aoi", role: "owner" },
  { key: "ken", email: "ken@demo.synoptic.local", name: "山田 健 (Ken)", password: "synoptic-demo-ken", role: "editor" },
  { key: "mio", email: "mio@demo.synoptic.local", name: "佐藤 澪 (Mio)", password: "synoptic-demo-mio", role: "commenter" },
] as const;

/** Curated metadata of the demo papers (prisma/demo/demo.json); the texts are the corpus files as they are. */
interface DemoManifest {
  documents: { file: string; title: string; authors: string | null; publishedOn: string | null; language: string }[];
}

/**
 * Seeds the demo workspace on a database that has no users yet (a first start).
 * Returns false when the database already has content.
 */
export async function seedDemoIfEmpty(demoDir: string, now = new Date()): Promise<boolean> {
  if ((await prisma.user.count()) > 0) return false;
  await createDemoWorkspace(demoDir, { now });
  return true;
}

/**
 * The demo accounts (found, or created) and a workspace with the five papers, the accounts as
 * members with their roles. `slug` lets tests build a demo workspace beside others.
 */
export async function createDemoWorkspace(demoDir: string, opts: { now?: Date; slug?: string; name?: string } = {}): Promise<{ id: string }> {
  const now = opts.now ?? new Date();
  const users = [];
  for (const u of DEMO_USERS) {
    users.push(
      (await prisma.user.findUnique({ where: { email: u.email } })) ??
        (await prisma.user.create({ data: { email: u.email, name: u.name, passwordHash: await hashPassword(u.password) } })),
    );
  }
  const owner = users[0]!;
  const ws = await createWorkspace(owner.id, opts.name ?? DEMO_WORKSPACE.name, now, opts.slug ?? DEMO_WORKSPACE.slug);
  for (const [i, u] of DEMO_USERS.entries()) {
    if (u.role !== "owner") await prisma.membership.create({ data: { workspaceId: ws.id, userId: users[i]!.id, role: u.role } });
  }
  const manifest = JSON.parse(await readFile(path.join(demoDir, "demo.json"), "utf8")) as DemoManifest;
  for (const [i, meta] of manifest.documents.entries()) {
    const bytes = await readFile(path.join(demoDir, meta.file));
    const doc = await prepareDemoDocument(new Uint8Array(bytes), meta.file);
    // One millisecond apart so the list keeps the corpus order.
    const at = new Date(now.getTime() + i);
    await createDocument(ws.id, owner.id, { ...doc.meta, ...meta, sourceName: meta.file, sourceType: "text/plain" }, doc.content, at);
  }
  log.info({ workspaceId: ws.id, documents: manifest.documents.length }, "demo workspace seeded");
  return { id: ws.id };
}

/** True while the demo accounts exist, so their credentials can be printed on start. */
export async function demoUsersPresent(): Promise<boolean> {
  return (await prisma.user.count({ where: { email: { in: DEMO_USERS.map((u) => u.email) } } })) === DEMO_USERS.length;
}
