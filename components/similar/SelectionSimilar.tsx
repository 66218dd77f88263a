"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { SimilarPassages } from "./SimilarPassages";
import s from "./similar.module.css";

/** The selection toolbar's "≈": similar passages of the selected text, in a panel under the toolbar. */
export function SelectionSimilar({ workspaceId, documentId, start, end }: { workspaceId: string; documentId: string; start: number; end: number }) {
  const t = useTranslations("similar");
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn small" aria-expanded={open} onClick={() => setOpen((o) => !o)} title={t("show")} aria-label={t("show")} data-testid="selection-similar">≈</button>
      {open && (
        <div className={s.popover}>
          <SimilarPassages workspaceId={workspaceId} range={{ documentId, start, end }} />
        </div>
      )}
    </>
  );
}
