"use server";

import { serverAction } from "@/lib/server/http/adapt";
import { createAssignmentOp, markAssignmentDoneOp } from "@/lib/server/review/assignments";
import { createShareLinkOp, revokeShareLinkOp } from "@/lib/server/review/share-links";
import { takeSnapshotOp } from "@/lib/server/review/snapshots";

export const createAssignment = serverAction(createAssignmentOp);
export const markAssignmentDone = serverAction(markAssignmentDoneOp);
export const createShareLink = serverAction(createShareLinkOp);
export const revokeShareLink = serverAction(revokeShareLinkOp);
export const takeSnapshot = serverAction(takeSnapshotOp);
