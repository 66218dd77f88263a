import { routeHandler } from "@/lib/server/http/adapt";
import { listMembersOp } from "@/lib/server/members/list-members";

export const dynamic = "force-dynamic";

export const GET = routeHandler(listMembersOp, (_req, params) => ({ workspaceId: params.workspaceId }));
