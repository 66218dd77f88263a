import { getTranslations } from "next-intl/server";
import { AppFrame } from "../../../_shell/AppFrame";
import { MatrixView } from "@/components/themes/MatrixView";
import { loadThemePage } from "../themes/load";

export const dynamic = "force-dynamic";

export default async function MatrixPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, view, collab } = await loadThemePage(slug, "matrix");
  const t = await getTranslations("themes");
  return (
    <AppFrame actor={actor} current={{ slug: view.workspace.slug, tab: "matrix" }}>
      <h1>{t("matrix.title")}</h1>
      <MatrixView workspaceId={view.workspace.id} slug={view.workspace.slug} documents={view.documents} collab={collab} user={{ id: actor.id, name: actor.name }} />
    </AppFrame>
  );
}
