"use client";

import { useTranslations } from "next-intl";

/** Namespaces that hold error messages keyed by AppError message keys. */
const ERROR_NAMESPACES = ["errors", "importErrors"] as const;

/** Translates an error key from an action result; unknown keys fall back to a generic message. */
export function useErrorText(): (key: string | null | undefined) => string | null {
  const t = useTranslations();
  return (key) => {
    if (!key) return null;
    for (const ns of ERROR_NAMESPACES) if (t.has(`${ns}.${key}`)) return t(`${ns}.${key}`);
    return t("errors.generic");
  };
}
