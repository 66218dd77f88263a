"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { TextRange } from "./fetch-similar";
import { SimilarPassages } from "./SimilarPassages";

/**
 * A "Similar passages" button that shows the list under it (asked only when opened: the first
 * question of a workspace builds its index). Nothing when the passage has no place in the text.
 */
export function SimilarToggle(props: { workspaceId: string; range: { documentId: string; start: number | null; end: number | null }; linkFrom?: { annotationId: string; documentId: string } | undefined; initiallyOpen?: boolean }) {
  const t = useTranslations("similar");
  const [open, setOpen] = useState(props.initiallyOpen ?? false);
  const { documentId, start, end } = props.range;
  if (start === null || end === null || end <= start) return null;
  const range: TextRange = { documentId, start, end };
  return (
    <div>
      <button type="button" className="btn small" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="similar-toggle">
        {open ? "▾" : "▸"} {t("show")}
      </button>
      {open && <SimilarPassages workspaceId={props.workspaceId} range={range} linkFrom={props.linkFrom} />}
    </div>
  );
}
