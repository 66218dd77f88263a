import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireActor, loadForPage } from "@/lib/server/http/page";
import { getWorkspaceOp } from "@/lib/server/workspaces/get-workspace";
import { listDocumentsOp } from "@/lib/server/documents/list-documents";
import { can } from "@/lib/core/permissions";
import { MapView } from "@/components/argument/MapView";
import { AppFrame } from "../../../_shell/AppFrame";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("argument");
  return { title: `${t("pageTitle")} — Synoptic` };
}

/** /w/<slug>/map — the shared argument map (issue #7). Everything on it is live (Yjs); the page passes ids and titles. */
export default async function MapPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const path = `/w/${encodeURIComponent(slug)}/map`;
  const actor = await requireActor(path);
  const ws = await loadForPage(getWorkspaceOp, { workspaceSlug: slug }, path);
  const docs = await loadForPage(listDocumentsOp, { workspaceId: ws.id }, path);
  const t = await getTranslations("argument");
  return (
    <AppFrame actor={actor} current={{ slug: ws.slug, tab: "map" }}>
      <h1 style={{ margin: "0 0 0.5rem", fontSize: "1.3rem" }}>
        {t("pageTitle")} <span className="muted small">{ws.name}</span>
      </h1>
      <MapView
        workspace={{ id: ws.id, slug: ws.slug, name: ws.name }}
        documents={docs.map((d) => ({ id: d.id, title: d.title }))}
        user={{ id: actor.id, name: actor.name ?? actor.id }}
        canManage={can(ws.role, "link.manage")}
      />
    </AppFrame>
  );
}
