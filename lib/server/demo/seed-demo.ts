import { readFile } from "node:fs/promises";
import path from "node:path";
import { prisma } from "../db/client";
import { hashPassword } from "../auth/password";
import { createWorkspace } from "../workspaces/create-workspace";
import { createDocument } from "../documents/create-document";
import { prepareDemoDocument } from "./prepare-demo-document";
import { logger } from "../log";

const log = logger("seed");

export const DEMO_WORKSPACE = { slug: "demo", name: "日米同盟と抑止（デモ）" } as const;

/** Demo accounts. Their passwords are public by design: they exist to show the product. */
export const DEMO_USERS = [
  { email: "aoi@demo.synoptic.local", name: "青井 葵 (Aoi)", password: "synoptic-demo-aoi", role: "owner" },
  { email: "ken@demo.synoptic.local", name: "山田 健 (Ken)", password: "synoptic-demo-ken", role: "editor" },
] as const;

const DEMO_FILES = [
  { file: "000_6ec46793eb3db40c.txt", authors: "笹川平和財団 アジア戦略イニシアティブ" },
  { file: "001_76d4a68181cabaa2.txt", authors: "笹川平和財団" },
  { file: "002_91ae9ad2d9043cbd.txt", authors: null },
  { file: "003_739229ce7d15924f.txt", authors: "防衛省（防衛白書）" },
  { file: "004_47ad200d4f3ecc98.txt", authors: "富士山会合 有志" },
];

/**
 * Seeds the demo workspace on a database that has no users yet (a first start).
 * Returns false when the database already has content.
 */
export async function seedDemoIfEmpty(demoDir: string, now = new Date()): Promise<boolean> {
  if ((await prisma.user.count()) > 0) return false;
  const users = [];
  for (const u of DEMO_USERS) {
    users.push(await prisma.user.create({ data: { email: u.email, name: u.name, passwordHash: await hashPassword(u.password) } }));
  }
  const [owner, editor] = users;
  const ws = await createWorkspace(owner!.id, DEMO_WORKSPACE.name, now, DEMO_WORKSPACE.slug);
  await prisma.membership.create({ data: { workspaceId: ws.id, userId: editor!.id, role: "editor" } });
  for (const { file, authors } of DEMO_FILES) {
    const bytes = await readFile(path.join(demoDir, file));
    const doc = prepareDemoDocument(new Uint8Array(bytes), file);
    await createDocument(ws.id, owner!.id, { ...doc.meta, authors, sourceName: file, sourceType: "text/plain" }, doc.content, now);
  }
  log.info({ workspaceId: ws.id, documents: DEMO_FILES.length }, "demo workspace seeded");
  return true;
}

/** True while the demo accounts exist, so their credentials can be printed on start. */
export async function demoUsersPresent(): Promise<boolean> {
  return (await prisma.user.count({ where: { email: { in: DEMO_USERS.map((u) => u.email) } } })) === DEMO_USERS.length;
}
