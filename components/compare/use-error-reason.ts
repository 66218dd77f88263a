"use client";

import { useTranslations } from "next-intl";
import { isAppError } from "@/lib/core/errors";

const KNOWN = new Set(["not_found", "forbidden", "invalid_input", "conflict"]);

/** A safe, translated reason for an error thrown by the collab library (never its raw message). */
export function useErrorReason(): (e: unknown) => string {
  const t = useTranslations("compare.error");
  return (e) => (isAppError(e) && KNOWN.has(e.code) ? t(e.code as "not_found") : t("unknown"));
}
