import { getTranslations } from "next-intl/server";
import { requireActor, loadForPage } from "@/lib/server/http/page";
import { getWorkspaceOp } from "@/lib/server/workspaces/get-workspace";
import { can } from "@/lib/core/permissions";
import { WorkspaceSettings } from "@/components/workspaces/WorkspaceSettings";
import { QdaImport } from "@/components/workspaces/QdaImport";
import { AppFrame } from "../../../_shell/AppFrame";
import { deleteWorkspace, leaveWorkspace, renameWorkspace } from "../../../actions/workspaces";

export const dynamic = "force-dynamic";

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const path = `/w/${encodeURIComponent(slug)}/settings`;
  const actor = await requireActor(path);
  const ws = await loadForPage(getWorkspaceOp, { workspaceSlug: slug }, path);
  const t = await getTranslations("settings");
  return (
    <AppFrame actor={actor} current={{ slug: ws.slug, tab: "settings" }}>
      <h1>{t("title")}</h1>
      <WorkspaceSettings
        workspaceId={ws.id}
        name={ws.name}
        canRename={can(ws.role, "workspace.rename")}
        canDelete={can(ws.role, "workspace.delete")}
        rename={renameWorkspace}
        remove={deleteWorkspace}
        leave={leaveWorkspace}
      />
      {can(ws.role, "document.create") && <QdaImport workspaceId={ws.id} />}
    </AppFrame>
  );
}
