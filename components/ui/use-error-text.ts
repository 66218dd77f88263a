"use client";

import { useTranslations } from "next-intl";

/** Translates an error key from an action result; unknown keys fall back to a generic message. */
export function useErrorText(): (key: string | null | undefined) => string | null {
  const t = useTranslations("errors");
  return (key) => {
    if (!key) return null;
    return t.has(key) ? t(key) : t("generic");
  };
}
