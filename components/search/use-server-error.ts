"use client";

import { useTranslations } from "next-intl";

/** The translated text of a server error key (`error.message` of a route's answer), "internal" when unknown. */
export function useServerError(): (key: string) => string {
  const t = useTranslations("errors");
  return (key) => (t.has(key) ? t(key) : t("internal"));
}
