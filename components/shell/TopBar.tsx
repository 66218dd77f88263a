import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "./LocaleSwitcher";
import { SignOutButton } from "./SignOutButton";
import { ShortcutsDialog } from "./ShortcutsDialog";
import { SearchBox } from "@/components/search/SearchBox";
import { WorkspaceSwitcher, type SwitcherItem } from "./WorkspaceSwitcher";

export type Tab = "documents" | "compare" | "themes" | "matrix" | "map" | "export" | "members" | "settings" | "search" | "review";

/** The app's top bar: brand, workspace switcher, workspace tabs, language and account. */
export async function TopBar(props: { userName: string | null; workspaces: SwitcherItem[]; current?: { slug: string; tab: Tab } }) {
  const t = await getTranslations();
  const tabs: Tab[] = ["documents", "compare", "themes", "matrix", "map", "export", "review", "members", "settings"];
  return (
    <header className="topbar">
      <a className="skip-link" href="#main">{t("app.skip")}</a>
      <Link href="/w" className="brand">{t("app.name")}</Link>
      {props.userName && <WorkspaceSwitcher items={props.workspaces} current={props.current?.slug ?? null} />}
      {props.current && (
        <nav aria-label={t("nav.workspaces")}>
          {tabs.map((tab) => (
            <Link
              key={tab}
              href={tab === "documents" ? `/w/${props.current!.slug}` : `/w/${props.current!.slug}/${tab}`}
              aria-current={props.current!.tab === tab ? "page" : undefined}
            >
              {t(`nav.${tab}`)}
            </Link>
          ))}
        </nav>
      )}
      <span className="spacer" />
      {props.current && <SearchBox slug={props.current.slug} />}
      <LocaleSwitcher />
      <ShortcutsDialog />
      {props.userName && (
        <>
          <span className="user-name" data-testid="user-name">{props.userName}</span>
          <SignOutButton />
        </>
      )}
    </header>
  );
}
