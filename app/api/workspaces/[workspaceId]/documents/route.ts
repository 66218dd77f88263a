import { routeHandler } from "@/lib/server/http/adapt";
import { listDocumentsOp } from "@/lib/server/documents/list-documents";

export const dynamic = "force-dynamic";

export const GET = routeHandler(listDocumentsOp, (_req, params) => ({ workspaceId: params.workspaceId }));
