"use client";

import { useTranslations } from "next-intl";

/** Translates an error key of the themes feature (unknown keys → a generic message). */
export function useThemeErrorText(): (key: string | null | undefined) => string | null {
  const t = useTranslations("themes.errors");
  return (key) => (key ? (t.has(key) ? t(key) : t("generic")) : null);
}
