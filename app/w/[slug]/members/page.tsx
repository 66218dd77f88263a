import { getTranslations } from "next-intl/server";
import { requireActor, loadForPage } from "@/lib/server/http/page";
import { getWorkspaceOp } from "@/lib/server/workspaces/get-workspace";
import { listMembersOp } from "@/lib/server/members/list-members";
import { listInvitationsOp } from "@/lib/server/members/list-invitations";
import { assignableRoles, can } from "@/lib/core/permissions";
import { MemberList } from "@/components/members/MemberList";
import { InvitePanel } from "@/components/members/InvitePanel";
import { AppFrame } from "../../../_shell/AppFrame";
import { changeMemberRole, createInvitation, removeMember, revokeInvitation } from "../../../actions/members";

export const dynamic = "force-dynamic";

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const path = `/w/${encodeURIComponent(slug)}/members`;
  const actor = await requireActor(path);
  const ws = await loadForPage(getWorkspaceOp, { workspaceSlug: slug }, path);
  const members = await loadForPage(listMembersOp, { workspaceId: ws.id }, path);
  const canInvite = can(ws.role, "members.invite");
  const pending = canInvite ? await loadForPage(listInvitationsOp, { workspaceId: ws.id }, path) : [];
  const t = await getTranslations("members");
  return (
    <AppFrame actor={actor} current={{ slug: ws.slug, tab: "members" }}>
      <h1>{t("title")}</h1>
      <MemberList
        workspaceId={ws.id}
        selfId={actor.id}
        members={members}
        assignable={assignableRoles(ws.role)}
        canManage={can(ws.role, "members.changeRole")}
        changeRole={changeMemberRole}
        remove={removeMember}
      />
      <div style={{ height: "1.25rem" }} />
      {canInvite && <InvitePanel workspaceId={ws.id} assignable={assignableRoles(ws.role)} pending={pending} create={createInvitation} revoke={revokeInvitation} />}
    </AppFrame>
  );
}
