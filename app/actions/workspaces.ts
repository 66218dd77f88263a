"use server";

import { serverAction } from "@/lib/server/http/adapt";
import { createWorkspaceOp } from "@/lib/server/workspaces/create-workspace";
import { renameWorkspaceOp } from "@/lib/server/workspaces/rename-workspace";
import { deleteWorkspaceOp } from "@/lib/server/workspaces/delete-workspace";
import { leaveWorkspaceOp } from "@/lib/server/members/remove-member";

export const createWorkspace = serverAction(createWorkspaceOp);
export const renameWorkspace = serverAction(renameWorkspaceOp);
export const deleteWorkspace = serverAction(deleteWorkspaceOp);
export const leaveWorkspace = serverAction(leaveWorkspaceOp);
