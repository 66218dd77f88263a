import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { requireActor, loadForPage } from "@/lib/server/http/page";
import { getCompareViewOp } from "@/lib/server/documents/get-compare-view";
import { issueCollabTokenOp } from "@/lib/server/collab/issue-collab-token";
import { parseViewState } from "@/lib/core/compare";
import { CompareView } from "@/components/compare/CompareView";
import { AppFrame } from "../../../_shell/AppFrame";
import { logger } from "@/lib/infra/log";

export const dynamic = "force-dynamic";

const log = logger("compare");

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("compare");
  return { title: `${t("pageTitle")} — Synoptic` };
}

/** /w/<slug>/compare?d=…&at=…&focus=…&sync=1 — the view is all in the URL (lib/core/compare/view-state). */
export default async function ComparePage(props: Props) {
  const { slug } = await props.params;
  const search = await props.searchParams;
  const state = parseViewState(search);
  const qs = new URLSearchParams(Object.entries(search).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : v === undefined ? [] : [[k, v]]))).toString();
  const path = `/w/${encodeURIComponent(slug)}/compare${qs ? `?${qs}` : ""}`;
  const actor = await requireActor(path);
  const view = await loadForPage(getCompareViewOp, { workspaceSlug: slug, documentIds: state.documents }, path);
  // The page is rendered with a fresh collab token, saving the browser a round trip before it connects.
  let collab: { url: string; token: string } | null = null;
  try {
    collab = await issueCollabTokenOp.execute(actor, { host: (await headers()).get("host"), workspaceId: view.workspace.id });
  } catch (e) {
    log.warn({ err: e, userId: actor.id }, "no collab token for the compare view");
  }
  const shown = view.panes.map((p) => p.document.id);
  const initial = { ...state, documents: shown, positions: shown.map((id) => state.positions[state.documents.indexOf(id)] ?? 0) };
  return (
    <AppFrame actor={actor} current={{ slug: view.workspace.slug, tab: "compare" }}>
      <CompareView data={view} initial={initial} user={{ id: actor.id, name: actor.name }} collab={collab} />
    </AppFrame>
  );
}
