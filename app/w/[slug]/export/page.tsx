import { getTranslations } from "next-intl/server";
import { requireActor, loadForPage } from "@/lib/server/http/page";
import { getWorkspaceOp } from "@/lib/server/workspaces/get-workspace";
import { exportChoicesOp } from "@/lib/server/export/export-choices-op";
import { listApiTokensOp } from "@/lib/server/api-tokens/manage-tokens";
import { can } from "@/lib/core/permissions";
import { ExportBuilder } from "@/components/export/ExportBuilder";
import { ImportAnnotations } from "@/components/export/ImportAnnotations";
import { ApiTokens } from "@/components/export/ApiTokens";
import { AppFrame } from "../../../_shell/AppFrame";
import { createApiToken, previewExport, revokeApiToken } from "../../../actions/export";

export const dynamic = "force-dynamic";

/** The export builder, the import of W3C/Hypothesis annotations, and the user's API tokens. */
export default async function ExportPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const path = `/w/${encodeURIComponent(slug)}/export`;
  const actor = await requireActor(path);
  const ws = await loadForPage(getWorkspaceOp, { workspaceSlug: slug }, path);
  const choices = await loadForPage(exportChoicesOp, { workspaceId: ws.id }, path);
  const tokens = await loadForPage(listApiTokensOp, {}, path);
  const t = await getTranslations("export");
  return (
    <AppFrame actor={actor} current={{ slug: ws.slug, tab: "export" }}>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <ExportBuilder workspaceId={ws.id} choices={choices} preview={previewExport} />
      {can(ws.role, "annotation.create") && <ImportAnnotations workspaceId={ws.id} documents={choices.documents} />}
      <ApiTokens workspaceId={ws.id} tokens={tokens.filter((x) => !x.workspaceId || x.workspaceId === ws.id)} create={createApiToken} revoke={revokeApiToken} />
    </AppFrame>
  );
}
