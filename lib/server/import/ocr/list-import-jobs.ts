import { z } from "zod";
import { IMPORT_JOB_KINDS, type ImportJobView } from "../../../core/import-job";
import { idSchema } from "../../../core/validation";
import { prisma } from "../../../infra/db/client";
import { defineOperation } from "../../ops/define";

/** How long finished jobs stay in the panel's list. */
const RECENT_MS = 24 * 3600 * 1000;

/**
 * The workspace's background imports that are still running or finished in the last day, newest
 * first, for any member (the documents they create are visible to every member anyway).
 */
export const listImportJobsOp = defineOperation({
  name: "importJobs.list",
  permission: { kind: "workspace", action: "document.read" },
  input: z.object({ workspaceId: idSchema }),
  async run(ctx): Promise<ImportJobView[]> {
    const rows = await prisma.importJob.findMany({
      where: { workspaceId: ctx.workspaceId, OR: [{ status: { in: ["queued", "running"] } }, { createdAt: { gte: new Date(ctx.now.getTime() - RECENT_MS) } }] },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: { id: true, kind: true, result: true, fileName: true, status: true, pagesDone: true, pagesTotal: true, documentId: true, error: true, warnings: true, createdAt: true },
    });
    return rows.map((r) => ({
      ...r,
      kind: (IMPORT_JOB_KINDS as readonly string[]).includes(r.kind) ? (r.kind as ImportJobView["kind"]) : "ocr",
      status: r.status as ImportJobView["status"],
      result: r.result && typeof r.result === "object" && !Array.isArray(r.result) ? (r.result as Record<string, number>) : null,
      warnings: Array.isArray(r.warnings) ? (r.warnings as unknown[]).filter((w): w is string => typeof w === "string") : [],
      createdAt: r.createdAt.toISOString(),
    }));
  },
});
