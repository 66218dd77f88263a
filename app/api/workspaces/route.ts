import { routeHandler } from "@/lib/server/http/adapt";
import { listWorkspacesOp } from "@/lib/server/workspaces/list-workspaces";
import { createWorkspaceOp } from "@/lib/server/workspaces/create-workspace";
import { readJson } from "@/lib/server/http/read-json";

export const dynamic = "force-dynamic";

export const GET = routeHandler(listWorkspacesOp, () => ({}));
export const POST = routeHandler(createWorkspaceOp, (req) => readJson(req));
