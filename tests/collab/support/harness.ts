/**
 * Test world for the collab server: a real server on port 0 (in-process), real providers over
 * real WebSockets, the run's real PostgreSQL, and documents created through the domain code.
 */
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createCollabServer, type CollabServer, type CollabServerOptions } from "../../../lib/collab/server";
import { openCollabDoc, type CollabDocHandle } from "../../../lib/collab/client/connect";
import { mintConnectionToken, type TokenKind } from "../../../lib/collab/auth/token";
import { createDocument } from "../../../lib/server/documents/create-document";
import { prisma } from "../../../lib/infra/db/client";
import { annotationsDocName } from "../../../lib/collab/model";
import { makeWorld, type World } from "../../support/factories";

export const SECRET = randomBytes(32).toString("base64url");
export const ORIGIN = "http://localhost:3999";

export const PAPER_TEXT =
  "日米同盟における拡大抑止の信頼性をどう高めるか。反撃能力の保有は抑止力を強化するが、指揮統制の調整が課題となる。" +
  "同盟調整メカニズム（ACM）の常設化と、𠮷田レポートが指摘した情報共有の改善が提言された。\n\n【提言１】共同計画の深化。";

/** Starts a collab server on port 0 with short store debounces, so tests need not wait. */
export async function startCollab(opts: Partial<CollabServerOptions> = {}): Promise<CollabServer> {
  return createCollabServer({ port: 0, host: "127.0.0.1", secret: SECRET, allowedOrigins: [ORIGIN], debounceMs: 50, maxDebounceMs: 300, ...opts });
}

/** A document with one version holding `text`, created the way imports create them. */
export async function makeDocument(workspaceId: string, actorId: string, text = PAPER_TEXT): Promise<{ id: string; versionId: string; text: string }> {
  const doc = await createDocument(workspaceId, actorId, { title: `Paper ${randomBytes(3).toString("hex")}` }, { text, blocks: [] }, new Date());
  const version = await prisma.documentVersion.findFirstOrThrow({ where: { documentId: doc.id }, select: { id: true } });
  return { id: doc.id, versionId: version.id, text };
}

export function token(userId: string, kind: Exclude<TokenKind, "guest"> = "browser", extra: { ttlSeconds?: number; secret?: string; now?: Date; sessionVersion?: number } = {}): Promise<string> {
  // Fresh users are on session version 0.
  const { sessionVersion = 0, ...rest } = extra;
  const base = { userId, ...rest, secret: extra.secret ?? SECRET };
  return kind === "browser" ? mintConnectionToken({ ...base, kind, sessionVersion }) : mintConnectionToken({ ...base, kind });
}

const open: CollabDocHandle[] = [];

/** Connects a real provider as `userId` (a browser with the allowed Origin unless told otherwise). */
export function connect(server: CollabServer, name: string, userId: string, opts: { origin?: string | null; kind?: Exclude<TokenKind, "guest">; tokenValue?: string } = {}): CollabDocHandle {
  const origin = opts.origin === undefined ? ORIGIN : opts.origin;
  const handle = openCollabDoc({
    url: server.url,
    name,
    token: opts.tokenValue ?? (() => token(userId, opts.kind ?? (origin ? "browser" : "server"))),
    ...(origin ? { origin } : {}),
  });
  open.push(handle);
  return handle;
}

/** Destroys every provider opened through connect(). */
export function disconnectAll(): void {
  for (const h of open.splice(0)) h.destroy();
}

/** Waits until `check` returns a truthy value (polling); throws with `what` on timeout. */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 5_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
}

/** The outcome of connecting: "ok" (synced), or the refusal reason. */
export async function outcomeOf(handle: CollabDocHandle, timeoutMs = 5_000): Promise<string> {
  return Promise.race([
    handle.ready.then(() => "ok", (e: Error) => e.message.replace("authentication failed: ", "")),
    new Promise<string>((r) => setTimeout(() => r("timeout"), timeoutMs)),
  ]);
}

/** A collab server, a world and its paper's annotations document, set up once per test file. */
export interface CollabPaper {
  server: CollabServer;
  world: World;
  /** The paper's annotations document. */
  name: string;
}

/** Registers the hooks that give a test file a {@link CollabPaper}; its fields are set by `beforeAll`. */
export function collabPaperFixture(): CollabPaper {
  const fx = {} as CollabPaper;
  beforeAll(async () => {
    fx.server = await startCollab();
    fx.world = await makeWorld();
    const paper = await makeDocument(fx.world.workspace.id, fx.world.members.owner.id);
    fx.name = annotationsDocName(fx.world.workspace.id, paper.id);
  });
  afterEach(() => disconnectAll());
  afterAll(() => fx.server.destroy());
  return fx;
}
