"use client";

import { useTranslations } from "next-intl";
import { highlightsSupported } from "@/lib/collab/client/dom";
import type { Role } from "@/lib/core/roles";
import s from "./compare.module.css";

interface Props {
  dropped: number;
  missing: number;
  /** False when no collab token could be issued: the view is then read-only. */
  collab: boolean;
  role: Role;
}

/** What the user should know about the view: documents left out, no live connection, their role, no highlights. */
export function CompareNotices({ dropped, missing, collab, role }: Props) {
  const t = useTranslations("compare");
  return (
    <>
      {dropped > 0 && <p className="alert small" role="status">{t("dropped", { count: dropped })}</p>}
      {missing > 0 && <p className="alert small" role="status">{t("missing", { count: missing })}</p>}
      {!collab && <p className="alert error small" role="status">{t("noCollab")}</p>}
      {collab && role === "viewer" && <p className={`${s.roleNote} small`} data-testid="role-note">{t("role.viewer")}</p>}
      {collab && role === "commenter" && <p className={`${s.roleNote} small`} data-testid="role-note">{t("role.commenter")}</p>}
      {typeof window !== "undefined" && !highlightsSupported() && <p className="alert small">{t("noHighlights")}</p>}
    </>
  );
}
