import { getTranslations } from "next-intl/server";
import { AppFrame } from "../../../_shell/AppFrame";
import { ThemeManager } from "@/components/themes/ThemeManager";
import { can } from "@/lib/core/permissions";
import { loadThemePage } from "./load";
import { mergeThemes } from "./actions";

export const dynamic = "force-dynamic";

export default async function ThemesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, view, collab } = await loadThemePage(slug, "themes");
  const t = await getTranslations("themes");
  return (
    <AppFrame actor={actor} current={{ slug: view.workspace.slug, tab: "themes" }}>
      <h1>{t("manage.title")}</h1>
      <ThemeManager
        workspaceId={view.workspace.id}
        slug={view.workspace.slug}
        documents={view.documents}
        canManage={can(view.workspace.role, "theme.manage")}
        collab={collab}
        user={{ id: actor.id, name: actor.name }}
        merge={mergeThemes}
      />
    </AppFrame>
  );
}
