"use server";

import { serverAction } from "@/lib/server/http/adapt";
import { changeMemberRoleOp } from "@/lib/server/members/change-member-role";
import { removeMemberOp } from "@/lib/server/members/remove-member";
import { createInvitationOp } from "@/lib/server/members/create-invitation";
import { revokeInvitationOp } from "@/lib/server/members/list-invitations";
import { acceptInvitationOp } from "@/lib/server/members/accept-invitation";

export const changeMemberRole = serverAction(changeMemberRoleOp);
export const removeMember = serverAction(removeMemberOp);
export const createInvitation = serverAction(createInvitationOp);
export const revokeInvitation = serverAction(revokeInvitationOp);
export const acceptInvitation = serverAction(acceptInvitationOp);
