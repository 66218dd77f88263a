"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";

export interface SwitcherItem {
  slug: string;
  name: string;
}

export function WorkspaceSwitcher({ items, current }: { items: SwitcherItem[]; current: string | null }) {
  const t = useTranslations("nav");
  const router = useRouter();
  return (
    <select
      aria-label={t("switcher")}
      data-testid="workspace-switcher"
      value={current ?? ""}
      onChange={(e) => router.push(e.target.value ? `/w/${e.target.value}` : "/w")}
      // Width from .topbar select (globals.css): narrower below 1400 px so the bar stays one row.
    >
      <option value="">{t("workspaces")}</option>
      {items.map((w) => (
        <option key={w.slug} value={w.slug}>
          {w.name}
        </option>
      ))}
    </select>
  );
}
