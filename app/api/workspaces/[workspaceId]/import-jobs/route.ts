import { routeHandler } from "@/lib/server/http/adapt";
import { listImportJobsOp } from "@/lib/server/import/ocr/list-import-jobs";

export const dynamic = "force-dynamic";

/** The workspace's background imports (OCR) with their page progress; the import panel polls it. */
export const GET = routeHandler(listImportJobsOp, (_req, params) => ({ workspaceId: params.workspaceId }));
