/**
 * Shared set-up of the collab benchmarks (not a suite: the runner skips files starting with _):
 * a fresh migrated database, a workspace with one member per role and one demo paper.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { TestDatabase } from "../../tests/support/test-database";

export const DEMO_TEXT = readFileSync(fileURLToPath(new URL("../../prisma/demo/003_739229ce7d15924f.txt", import.meta.url)), "utf8").normalize("NFC");

export interface BenchWorld {
  db: TestDatabase;
  workspaceId: string;
  documentId: string;
  versionId: string;
  editor: { id: string; name: string };
  viewer: { id: string; name: string };
  dispose(): Promise<void>;
}

export async function makeBenchWorld(label: string): Promise<BenchWorld> {
  // Quiet logs unless asked: the loggers are created on first import, hence the dynamic imports.
  process.env.LOG_LEVEL ??= "warn";
  const { createTestDatabase } = await import("../../tests/support/test-database");
  return benchWorldOn(await createTestDatabase(label));
}

/** A workspace with one member per role and one demo paper in the (migrated) database `db`. */
export async function benchWorldOn(db: TestDatabase): Promise<BenchWorld> {
  process.env.LOG_LEVEL ??= "warn";
  const previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = db.url;
  const { makeWorld } = await import("../../tests/support/factories");
  const { createDocument } = await import("../../lib/server/documents/create-document");
  const { prisma, disconnectPrisma } = await import("../../lib/infra/db/client");
  const world = await makeWorld();
  const doc = await createDocument(world.workspace.id, world.members.owner.id, { title: "bench paper" }, { text: DEMO_TEXT, blocks: [] }, new Date());
  const version = await prisma.documentVersion.findFirstOrThrow({ where: { documentId: doc.id }, select: { id: true } });
  return {
    db,
    workspaceId: world.workspace.id,
    documentId: doc.id,
    versionId: version.id,
    editor: world.members.editor,
    viewer: world.members.viewer,
    dispose: async () => {
      await disconnectPrisma();
      await db.dispose();
      // The next suite must create its own database, not reuse this (stopped) one.
      if (previousUrl === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previousUrl;
    },
  };
}

/** The q-quantile (0..1) of `values`, nearest-rank. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

export const round2 = (n: number): number => Math.round(n * 100) / 100;
