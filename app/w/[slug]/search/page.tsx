import { getTranslations } from "next-intl/server";
import { AppFrame } from "../../../_shell/AppFrame";
import { SearchResults } from "@/components/search/SearchResults";
import { requireActor, loadForPage } from "@/lib/server/http/page";
import { getSearchPageOp } from "@/lib/server/search/search-page";

export const dynamic = "force-dynamic";

/** /w/<slug>/search?q=…&in=<compare view query> — the workspace's search (docs/search.md). */
export default async function SearchPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug } = await params;
  const sp = await searchParams;
  const path = `/w/${encodeURIComponent(slug)}/search`;
  const actor = await requireActor(path);
  const view = await loadForPage(getSearchPageOp, { workspaceSlug: slug }, path);
  const t = await getTranslations("search");
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  return (
    <AppFrame actor={actor} current={{ slug: view.workspace.slug, tab: "search" }}>
      <h1>{t("title")}</h1>
      <SearchResults
        key={one(sp.q)}
        workspaceId={view.workspace.id}
        slug={view.workspace.slug}
        initialQuery={one(sp.q)}
        compareQuery={one(sp.in)}
        documents={view.documents}
        themes={view.themes}
        authors={view.authors}
      />
    </AppFrame>
  );
}
